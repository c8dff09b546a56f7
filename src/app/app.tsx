import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { Link } from '../ui/link.tsx';
import { useHref } from '../ui/use-location.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { resolveRoute } from './routes.tsx';

interface AppProps {
  readonly queryClient: QueryClient;
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
export function App({ queryClient }: AppProps) {
  const href = useHref();
  const pathname = href.split('?')[0] ?? '/';
  const route = resolveRoute(pathname);

  useEffect(() => {
    document.title = route ? `${route.title} · capbands` : 'Not found · capbands';
  }, [route]);

  return (
    <QueryClientProvider client={queryClient}>
      <div className="shell">
        <header className="topbar">
          <Link href="/" className="brand" aria-label="capbands home">
            capbands
          </Link>
          <nav aria-label="Main">
            <Link href="/" aria-current={pathname === '/' ? 'page' : undefined}>
              Tokens
            </Link>
            <Link href="/settings" aria-current={pathname === '/settings' ? 'page' : undefined}>
              Settings
            </Link>
          </nav>
        </header>
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
      </div>
    </QueryClientProvider>
  );
}
