import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { server } from './msw.ts';

// Views render charts and 500-token lists: on a loaded 2-core machine a query can take more than 1 s.
configure({ asyncUtilTimeout: 15_000 });

// recharts' ResponsiveContainer measures with ResizeObserver, which jsdom lacks.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { value: ResizeObserverStub, writable: true });
}

// jsdom lays nothing out, so the token list's virtualizer would see a 0 px window and render no row.
// Give its scroll container a real-looking size (the virtualizer reads clientWidth/clientHeight).
for (const [prop, size] of typeof Element === 'undefined'
  ? []
  : ([
      ['clientHeight', 640],
      ['clientWidth', 1000],
    ] as const)) {
  const original = Object.getOwnPropertyDescriptor(Element.prototype, prop);
  Object.defineProperty(Element.prototype, prop, {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('token-scroll') ? size : (original?.get?.call(this) ?? 0);
    },
  });
}

// The app asks for live prices by default; the suite stays offline: every test starts on the snapshot
// (saved as the user's choice), and a test that wants live prices says so (?source=coingecko or its settings).
const pinSnapshot = (): void => {
  if (typeof window !== 'undefined') window.localStorage.setItem('capbands.settings.v1', JSON.stringify({ source: 'snapshot' }));
};
pinSnapshot();
beforeEach(pinSnapshot);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  if (typeof window !== 'undefined') {
    window.sessionStorage.clear();
    window.localStorage.clear();
  }
});
afterAll(() => server.close());
