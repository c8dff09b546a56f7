import { IsRestoringProvider, QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { matchPath } from '../lib/location.ts';
import { useDataConfig } from '../state/settings-store.ts';
import { Link } from '../ui/link.tsx';
import { useHref } from '../ui/use-location.ts';
import { DataBanner } from './data-banner.tsx';
import { ErrorBoundary } from './error-boundary.tsx';
import { RefetchOnKeyChange } from './refetch-on-key-change.tsx';
import { resolveRoute } from './routes.tsx';

/** Keeps a query client's live answers across reloads (`app/persist.ts`). */
export interface Persistence {
  /** Loads what an earlier visit kept into the client; never rejects. */
  restore(queryClient: QueryClient): Promise<void>;
  /** Saves the client whenever its cache changes; returns the unsubscribe. */
  subscribe(queryClient: QueryClient): () => void;
}

interface AppProps {
  readonly queryClient: QueryClient;
  /** Loads the persistence of live answers (IndexedDB); tests leave it out. */
  readonly persist?: (() => Promise<Persistence>) | undefined;
}

/**
 * The query client, persisted once a live source is in use: the persistence loads then (on the
 * snapshot alone nothing is kept, so `/` neither fetches that code nor waits for IndexedDB), and live
 * queries wait for the restore, as under `PersistQueryClientProvider`, so a reload reuses the answers
 * it kept instead of spending the user's rate limit.
 */
function QueryProvider({ queryClient, persist, children }: AppProps & { readonly children: ReactNode }) {
  const config = useDataConfig();
  const wanted = persist !== undefined && (config.source !== 'snapshot' || config.tokenmetrics !== null);
  const [loaded, setLoaded] = useState<Persistence | 'failed' | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (!wanted || started.current) return;
    started.current = true;
    persist()
      .then(async (p) => {
        await p.restore(queryClient);
        setLoaded(p);
      })
      // The module did not load (offline after a deploy): live answers are then not kept, nothing else changes.
      .catch(() => setLoaded('failed'));
  }, [wanted, persist, queryClient]);
  useEffect(() => (loaded && loaded !== 'failed' ? loaded.subscribe(queryClient) : undefined), [loaded, queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <IsRestoringProvider value={wanted && loaded === null}>{children}</IsRestoringProvider>
    </QueryClientProvider>
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

/** The main navigation: each view's address and name; the link to the view shown is marked current. */
const NAV = [
  ['/', 'Tokens'],
  ['/compare', 'Compare'],
  ['/portfolio', 'Portfolio'],
  ['/settings', 'Settings'],
] as const;

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
            {NAV.map(([path, label]) => (
              <Link key={path} href={path} aria-current={pathname === path ? 'page' : undefined}>
                {label}
              </Link>
            ))}
          </nav>
        </header>
        <DataBanner focusId={matchPath('/token/:id', pathname)?.id} />
        <main id="main">
          <ErrorBoundary key={pathname}>
            <Suspense fallback={<p className="loading">Loading…</p>}>{route ? route.element : <NotFound pathname={pathname} />}</Suspense>
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
