import { lazy, type ReactNode } from 'react';
import { matchPath } from '../lib/location.ts';

// Each view is its own chunk: `/` never downloads the detail view (and, later, its chart library).
const TokenListPage = lazy(() => import('../features/token-list/token-list-page.tsx'));
const TokenDetailPage = lazy(() => import('../features/token-detail/token-detail-page.tsx'));
const SettingsPage = lazy(() => import('../features/settings/settings-page.tsx'));
const ComparePage = lazy(() => import('../features/compare/compare-page.tsx'));
const PortfolioPage = lazy(() => import('../features/portfolio/portfolio-page.tsx'));

export interface RouteMatch {
  readonly title: string;
  readonly element: ReactNode;
}

/** The view for a pathname, or null when nothing matches. */
export function resolveRoute(pathname: string): RouteMatch | null {
  if (pathname === '/' || pathname === '') return { title: 'Tokens', element: <TokenListPage /> };
  if (matchPath('/settings', pathname)) return { title: 'Settings', element: <SettingsPage /> };
  if (matchPath('/compare', pathname)) return { title: 'Compare', element: <ComparePage /> };
  if (matchPath('/portfolio', pathname)) return { title: 'Portfolio', element: <PortfolioPage /> };
  const token = matchPath('/token/:id', pathname);
  if (token?.id) return { title: token.id, element: <TokenDetailPage key={token.id} id={token.id} /> };
  return null;
}
