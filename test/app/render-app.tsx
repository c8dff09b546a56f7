import { render } from '@testing-library/react';
import { App } from '../../src/app/app.tsx';
import { createQueryClient } from '../../src/app/query-client.ts';

/** Renders the whole app at `href` with a fresh query client (no retries). */
export function renderApp(href: string) {
  window.history.replaceState(null, '', href);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  return render(<App queryClient={queryClient} />);
}
