import { render } from '@testing-library/react';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { App } from '../../src/app/app.tsx';
import { createQueryClient } from '../../src/app/query-client.ts';

/**
 * Renders the whole app at `href` with a fresh query client (no retries); `onCommit`, when given, is
 * told of every React commit (a `<Profiler>` around the app).
 */
export function renderApp(href: string, onCommit?: ProfilerOnRenderCallback) {
  window.history.replaceState(null, '', href);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  const app = <App queryClient={queryClient} />;
  return render(
    onCommit ? (
      <Profiler id="app" onRender={onCommit}>
        {app}
      </Profiler>
    ) : (
      app
    ),
  );
}
