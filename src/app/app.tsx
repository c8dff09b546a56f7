import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider, type PersistQueryClientOptions } from '@tanstack/react-query-persist-client';
import { Suspense, useEffect, type ReactNode } from 'react';
import { matchPath } from '../lib/location.ts';
import { Link } from '../ui/link.tsx';
import { useHref } from '../ui/use-location.ts';
import { DataBanner } from './data-banner.tsx';
import { ErrorBoundary } from './error-boundary.tsx';
import { RefetchOnKeyChange } from './refetch-on-key-change.tsx';
import { resolveRoute } from './routes.tsx';

interface AppProps {
  readonly queryClient: QueryClient;
  /** IndexedDB persistence of live answers; tests leave it out. */
  readonly persist?: Omit<PersistQueryClientOptions, 'queryClient'> | undefined;
}

function QueryProvider({ queryClient, persist, children }: AppProps & { readonly children: ReactNode }) {
  if (!persist) return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return (
    <PersistQueryClientProvider client={queryClient} persistOptions={persist}>
      {children}
    </PersistQueryClientProvider>
  );
}

function NotFound({ pathname }: { readonly pathname: string }) {
  return (
    <section aria-labelledby="nf-title">
      <h1 id="nf-title">Page not found</h1>
      <p>
        Nothing lives at <code>{pathname}</code>. <Link href="/">Browse the tokens</Link>.
      </p>
    </section>
  );
}

/** The shell: header and navigation, the current view, and the one quiet disclaimer per view. */
export function App({ queryClient, persist }: AppProps) {
  const href = useHref();
  const pathname = href.split('?')[0] ?? '/';
  const route = resolveRoute(pathname);

  useEffect(() => {
    document.title = route ? `${route.title} · capbands` : 'Not found · capbands';
  }, [route]);

  return (
    <QueryProvider queryClient={queryClient} persist={persist}>
      <div className="shell">
        <header className="topbar">
          <Link href="/" className="brand" aria-label="capbands home">
            capbands
          </Link>
          <nav aria-label="Main">
            <Link href="/" aria-current={pathname === '/' ? 'page' : undefined}>
              Tokens
            </Link>
            <Link href="/compare" aria-current={pathname === '/compare' ? 'page' : undefined}>
              Compare
            </Link>
            <Link href="/settings" aria-current={pathname === '/settings' ? 'page' : undefined}>
              Settings
            </Link>
          </nav>
        </header>
        <DataBanner focusId={matchPath('/token/:id', pathname)?.id} />
        <main id="main">
          <ErrorBoundary key={pathname}>
            <Suspense fallback={<p className="loading">Loading…</p>}>
              {route ? route.element : <NotFound pathname={pathname} />}
            </Suspense>
          </ErrorBoundary>
        </main>
        <footer className="footer">
          <p>Not financial advice. Scenarios are arithmetic on assumptions, not forecasts.</p>
        </footer>
        <RefetchOnKeyChange />
      </div>
    </QueryProvider>
  );
}
