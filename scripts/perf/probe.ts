/**
 * Key-press latency as a user feels it, measured the same way on every page: a capture-phase
 * `keydown` listener takes the time, then `requestAnimationFrame(() => setTimeout(...))` takes the
 * time once the next frame has been painted (the rAF callback runs just before that frame's style,
 * layout and paint; a task queued from it runs just after). Each sample also says whether the
 * focused input's value (or its `aria-valuetext`) changed, so a press that did nothing is not counted.
 *
 * In-page code is plain JavaScript in strings: tsx's transform may wrap functions in helpers the page lacks.
 */
import type { Locator, Page } from 'playwright-core';

export interface KeySample {
  /** `performance.now()` in the keydown listener. */
  readonly start: number;
  /** The event's own timestamp: when the browser took the key (includes any wait for a busy main thread). */
  readonly eventStart: number;
  /** After the next painted frame. */
  readonly end: number;
  readonly changed: boolean;
}

const PROBE = `(() => {
  if (window.__perfProbe) return;
  const samples = [];
  const waiters = [];
  let pending = 0;
  const read = (el) => el instanceof HTMLInputElement ? el.value + '|' + (el.getAttribute('aria-valuetext') || '') : '';
  addEventListener('keydown', (event) => {
    const start = performance.now();
    const target = event.target;
    const before = read(target);
    pending += 1;
    requestAnimationFrame(() => setTimeout(() => {
      pending -= 1;
      samples.push({ start, eventStart: event.timeStamp, end: performance.now(), changed: read(target) !== before });
      for (const w of waiters.splice(0)) w();
    }, 0));
  }, { capture: true });
  window.__perfProbe = {
    count: () => samples.length + pending,
    sample: (n) => new Promise((ok) => {
      const check = () => { if (samples.length > n) ok(samples[n]); else waiters.push(check); };
      check();
    }),
  };
})();`;

/** Installs the probe in every document the page opens from now on. */
export async function installProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: PROBE });
}

/**
 * Resolves once the page's main thread has nothing left to do (React's deferred renders included)
 * and has painted: a background-priority task runs only when no other task is queued. (Not
 * `requestIdleCallback`: headless Chromium stops giving idle periods after a key press.)
 */
export function idle(page: Page): Promise<void> {
  return page.evaluate<void>(`new Promise((ok) => {
    const bg = (f) => (globalThis.scheduler?.postTask ? scheduler.postTask(f, { priority: 'background' }) : setTimeout(f, 50));
    bg(() => requestAnimationFrame(() => setTimeout(() => bg(() => ok()), 0)));
  })`);
}

/**
 * Waits until the JavaScript expression `condition` holds in the page, checking every 50 ms. (Not
 * `page.waitForFunction`: it evaluates strings with `eval`, which the app's Content-Security-Policy refuses.)
 */
export async function until(page: Page, condition: string, timeoutMs = 30_000): Promise<void> {
  await page.evaluate<void>(`new Promise((ok, fail) => {
    const t0 = performance.now();
    const tick = () => {
      if (${condition}) ok();
      else if (performance.now() - t0 > ${timeoutMs}) fail(new Error('timed out waiting for: ' + ${JSON.stringify(condition)}));
      else setTimeout(tick, 50);
    };
    tick();
  })`);
}

/** Presses `key` on the focused element and waits for its sample (keydown -> next painted frame). */
export async function pressAndMeasure(page: Page, key: string): Promise<KeySample> {
  // Asked each time: keydowns also come from elsewhere (Playwright's `fill('')` presses Delete).
  const n = await page.evaluate<number>('window.__perfProbe.count()');
  await page.keyboard.press(key);
  return page.evaluate<KeySample>(`window.__perfProbe.sample(${n})`);
}

/** Latency in ms of one sample: from the event's timestamp when the browser gives a sane one, else from the listener. */
export function latency(s: KeySample): number {
  const from = s.eventStart > 0 && s.eventStart <= s.start && s.start - s.eventStart < 10_000 ? s.eventStart : s.start;
  return s.end - from;
}

/**
 * Focuses `target` and waits until the page has painted it: the focus ring and the blur of the last
 * input are the focus change's work, not the next key press's (a user tabs or clicks, then presses).
 */
async function focusPainted(page: Page, target: Locator): Promise<void> {
  await target.focus();
  await idle(page);
}

/** Something that produces key-press samples a few at a time, so measures can take turns (see `perf.ts`). */
export interface KeyDriver {
  readonly page: Page;
  /** The next `n` samples (presses that changed nothing are not samples). */
  take(n: number): Promise<KeySample[]>;
}

/**
 * Arrow-key presses on a range input, in sweeps of `sweep` one way, then back, so the value keeps
 * moving around where it started. A press that changes nothing (an end of the range, or a snap that
 * holds the value) is not a sample, and turns the sweep.
 */
export function sliderDriver(page: Page, slider: Locator, sweep = 10): KeyDriver {
  let right = true;
  let inSweep = 0;
  return {
    page,
    async take(n) {
      await focusPainted(page, slider);
      const kept: KeySample[] = [];
      let still = 0;
      while (kept.length < n) {
        const s = await pressAndMeasure(page, right ? 'ArrowRight' : 'ArrowLeft');
        if (!s.changed) {
          if (++still > 3) throw new Error('slider: presses do not move the value');
          right = !right;
          inSweep = 0;
          continue;
        }
        still = 0;
        kept.push(s);
        if (++inSweep >= sweep) {
          right = !right;
          inSweep = 0;
        }
      }
      return kept;
    },
  };
}

/**
 * Types `text` into `box` one character at a time, carrying on where the last call stopped; before
 * each new round the box is emptied and `settle` awaited (not measured).
 */
export function typingDriver(page: Page, box: Locator, text: string, settle: () => Promise<void>): KeyDriver {
  const chars = text.split(''); // ASCII
  let at = 0;
  return {
    page,
    async take(n) {
      const kept: KeySample[] = [];
      await focusPainted(page, box);
      while (kept.length < n) {
        if (at === 0) {
          await box.fill('');
          await settle();
          await focusPainted(page, box);
        }
        const s = await pressAndMeasure(page, chars[at] ?? '');
        if (!s.changed) throw new Error(`search: typing "${chars[at]}" did not change the box`);
        kept.push(s);
        at = (at + 1) % chars.length;
      }
      return kept;
    },
  };
}
