/**
 * Quality gate: 1,000 random and adversarial query strings against the three views whose state lives in
 * the link (`/token/cardano?m,s,bear,base,moon,tiers,h`, `/compare?ids,cap,h,...`, `/?m,case,x,min,tm,watch`).
 *
 * The cases come from fast-check with a fixed seed (the same 1,000 every run). Each view has one page; a
 * case is opened in it by the app's own client-side navigation (`history.pushState` + `popstate`, via an
 * unknown path so the view mounts afresh and reads its link as on arrival), and every `RELOAD_EVERY`th case
 * by a full `page.goto`, the cold path. After each: no page error or console error, the view is there (no
 * error boundary), no NaN/Infinity in `main` (the "Link notices" excepted: they may quote the link) nor in
 * the chart's geometry, each slider's value and `aria-valuetext` within its range, nothing injected (no
 * `script`/`iframe`/`object`/`embed` or `on*` attribute in `main`, no `javascript:` URL anywhere, no canary
 * set by a payload, no dialog), and the document title in its pattern.
 */
import fc from 'fast-check';
import type { BrowserContext } from 'playwright-core';
import { afterAll, describe, inject, it } from 'vitest';
import { newPage, sharedBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const SEED = 20_261_124;
/** `URL_FUZZ_CASES=n` for a quicker (or longer) run; the gate is 1,000. */
const CASES = Number(process.env.URL_FUZZ_CASES ?? 1000);
/** Every this many cases a view is opened by a full page load instead of client-side navigation. */
const RELOAD_EVERY = 50;

type View = 'detail' | 'compare' | 'list';
const PATHS: Readonly<Record<View, string>> = { detail: '/token/cardano', compare: '/compare', list: '/' };
const KEYS: Readonly<Record<View, readonly string[]>> = {
  detail: ['m', 's', 'bear', 'base', 'moon', 'tiers', 'h', 'source'],
  compare: ['ids', 'cap', 'h', 'bear', 'base', 'moon', 'tiers', 'm', 's'],
  list: ['m', 'case', 'x', 'min', 'tm', 'watch', 'source', 'q', 'rating', 'signal', 'cat', 'sort'],
};
const TITLES: Readonly<Record<View, string>> = { detail: 'cardano · capbands', compare: 'Compare · capbands', list: 'Tokens · capbands' };

// ---------------------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------------------

/** Payloads that set `window.e2eXss` if the app ever turns link text into markup or a URL it follows. */
const INJECTIONS = [
  '<script>window.e2eXss=1</script>',
  '<script>alert(1)</script>',
  '"><img src=x onerror="window.e2eXss=1">',
  "'><svg onload=window.e2eXss=1>",
  '<svg onload=e2eXss=1>',
  '<b onclick=e2eXss=1>b</b>',
  'javascript:window.e2eXss=1',
  ' JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '{{constructor.constructor("window.e2eXss=1")()}}',
  '${window.e2eXss=1}',
  '<a href="javascript:alert(1)">x</a>',
  '</title><script>alert(1)</script>',
];

const ATOMS = [
  'NaN',
  '-NaN',
  'nan',
  'Infinity',
  '-Infinity',
  'infinity',
  '∞',
  '1e309',
  '-1e309',
  '1e-400',
  '5e-324',
  '1.7976931348623157e308',
  '-1',
  '-0',
  '0',
  '0.0',
  '-16T',
  '-0.5',
  '1e18',
  '1e19',
  '1e21',
  '9'.repeat(400),
  `0.${'0'.repeat(300)}1`,
  '0x10',
  '0b11',
  '0o7',
  '1_000',
  '1,000,000',
  '16T',
  '16t',
  '1Q',
  '100T',
  '101T',
  '0.4T',
  '500B',
  '$16T',
  '16 trillion',
  '1.6e13',
  '1e+13',
  '1e 13',
  '1E13',
  '  5  ',
  '5x',
  '10X',
  '1.01',
  '1000001',
  '',
  ' ',
  '%00',
  '\u0000',
  '%0A',
  '\n',
  '\t',
  '%',
  '%%',
  '%zz',
  '%E0%A4%A',
  '%C0%AE',
  '&',
  '=',
  '==',
  '#',
  '?',
  '+',
  '++',
  ',',
  ',,,',
  '1,2,3',
  ',16T,',
  '16T,16T,16T',
  '𝟙𝟞𝐓',
  '١٦T',
  '１６T',
  'ＮａＮ',
  '٫5',
  '½',
  '⅓',
  'Ⅻ',
  '🚀',
  '👨‍👩‍👧‍👦',
  '\u202Eevil',
  '\u2067x\u2069',
  '\uFEFF16T',
  `${'a'.repeat(22)}🚀🚀`,
  'e',
  '.',
  '..',
  '1..2',
  '1e',
  '.e1',
  'e5',
  'null',
  'undefined',
  'true',
  'false',
  '[]',
  '{}',
  '[1,2]',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'circ',
  'max',
  'MAX',
  'Circ',
  'bear',
  'base',
  'moon',
  'MOON',
  'tm',
  '1',
  'coingecko',
  'snapshot',
  'cardano',
  'cardano,tron',
  'cardano,tron,ripple,bitcoin,ethereum',
  'CARDANO',
  'cardano,cardano',
  '../../etc/passwd',
  '/token/cardano',
  '//evil.example',
  'A'.repeat(70),
  'A'.repeat(5000),
  '16T,'.repeat(300),
  'tron,'.repeat(200),
  ...INJECTIONS,
];

const atom = fc.constantFrom(...ATOMS);
const number = fc.oneof(
  fc.double().map(String),
  fc.double({ min: -1e22, max: 1e22, noNaN: true }).map((n) => n.toExponential()),
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double({ min: 0, max: 5, noNaN: true }).map((n) => n.toFixed(4)),
);
const withUnit = fc
  .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom('K', 'M', 'B', 'T', 'Q', 't', 'bn', 'trillion', '%', 'x', ''))
  .map(([n, u]) => `${n}${u}`);
const unicode = fc.string({ unit: 'binary', maxLength: 40 });
const list = fc.array(fc.oneof(atom, number, withUnit), { minLength: 0, maxLength: 20 }).map((xs) => xs.join(','));
const value = fc.oneof(
  { arbitrary: atom, weight: 5 },
  { arbitrary: number, weight: 3 },
  { arbitrary: withUnit, weight: 2 },
  { arbitrary: unicode, weight: 2 },
  { arbitrary: list, weight: 2 },
  { arbitrary: fc.constantFrom(...INJECTIONS), weight: 1 },
);

/** Lone surrogates as U+FFFD (what URLSearchParams writes): `encodeURIComponent` throws on them. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Percent-encoding that never throws. */
function encode(text: string): string {
  return encodeURIComponent(wellFormed(text));
}

type Encoding = 'encoded' | 'raw' | 'twice';
function pair(key: string, val: string, how: Encoding): string {
  if (how === 'raw') return `${key}=${wellFormed(val)}`;
  if (how === 'twice') return `${encode(key)}=${encode(encode(val))}`;
  return `${encode(key)}=${encode(val)}`;
}

interface Case {
  readonly view: View;
  /** The query string, without `?`. */
  readonly query: string;
}

/** One case: 0-8 pairs of the view's keys (repeats included), sometimes an unknown key, each value encoded one of three ways. */
const caseFor = (view: View): fc.Arbitrary<Case> => {
  const key = fc.oneof(
    { arbitrary: fc.constantFrom(...KEYS[view]), weight: 8 },
    { arbitrary: fc.constantFrom('M', 'm[]', 'm%5B%5D', '', '__proto__', 'constructor', 'x'.repeat(300)), weight: 1 },
  );
  const entry = fc.tuple(key, value, fc.constantFrom<Encoding>('encoded', 'encoded', 'raw', 'twice'));
  return fc.array(entry, { minLength: 0, maxLength: 8 }).map((entries) => ({ view, query: entries.map(([k, v, how]) => pair(k, v, how)).join('&') }));
};

const VIEWS: readonly View[] = ['detail', 'compare', 'list'];
/** The 1,000 cases, a third per view, the same every run. */
const ALL: readonly Case[] = fc.sample(
  fc.integer({ min: 0, max: VIEWS.length - 1 }).chain((i) => caseFor(VIEWS[i] ?? 'detail')),
  { seed: SEED, numRuns: CASES },
);

// ---------------------------------------------------------------------------------------------------------
// In the page
// ---------------------------------------------------------------------------------------------------------

interface Ranges {
  readonly [label: string]: { readonly min: number; readonly max: number };
}
/** What each slider's `aria-valuetext` may say, as numbers (market sizes in USD, shares in percent). */
const RANGES: Ranges = {
  'Total market size': { min: 0.5e12, max: 100e12 },
  'Market share': { min: 0.001, max: 50 },
  'Bear capture': { min: 0, max: 3 },
  'Base capture': { min: 0, max: 3 },
  'Moon capture': { min: 0, max: 3 },
};

interface InPage {
  readonly view: View;
  /** Where to navigate client-side first; null when the page was just loaded there. */
  readonly path: string | null;
  readonly title: string;
  readonly ranges: Ranges;
}

/**
 * Runs in the page, in one round trip per case: opens `path` by client-side navigation (through an unknown
 * path first, so the view mounts afresh and reads its link as on arrival), waits for the view and two more
 * frames (the chart follows the sliders a beat behind), then returns every problem as a sentence.
 */
async function runInPage(arg: InPage): Promise<string[]> {
  const { view, path, title, ranges } = arg;
  // Helpers live inside: this function is sent to the page as its source text.
  // oxlint-disable-next-line unicorn/consistent-function-scoping
  const frame = (): Promise<void> => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  // oxlint-disable-next-line unicorn/consistent-function-scoping
  const go = (href: string): void => {
    history.pushState(null, '', href);
    dispatchEvent(new PopStateEvent('popstate'));
  };
  const viewIsThere = (): boolean => {
    const h1 = document.querySelector('main h1')?.textContent ?? null;
    if (view === 'list') return document.querySelector('main table[aria-label="Tokens"]') !== null || (h1 !== null && h1 !== 'Page not found');
    return h1 !== null && h1 !== 'Page not found';
  };
  if (path !== null) {
    go('/fuzz-between-cases');
    await frame();
    go(path);
  }
  const deadline = Date.now() + 5000;
  while (!viewIsThere() && Date.now() < deadline) await frame();
  await frame();
  await frame();
  const problems: string[] = [];
  const main = document.querySelector('main');
  if (!main) return ['no <main>'];
  // The view is there.
  const h1 = main.querySelector('h1')?.textContent?.trim() ?? '';
  if (view === 'detail' && h1 !== 'Cardano (ADA)') problems.push(`heading "${h1}"`);
  if (view === 'compare' && h1 !== 'Compare') problems.push(`heading "${h1}"`);
  if (view === 'list' && !main.querySelector('table[aria-label="Tokens"]')) problems.push(`no Tokens table (heading "${h1}")`);
  if (document.title !== title) problems.push(`title "${document.title.slice(0, 80)}"`);
  // No NaN or Infinity: the text (minus the notices that quote the link), the sliders, the chart's geometry.
  const clone = main.cloneNode(true) as HTMLElement;
  for (const note of clone.querySelectorAll('[role="note"][aria-label="Link notices"]')) note.remove();
  const text = clone.textContent ?? '';
  const bad = /NaN|Infinity/.exec(text);
  if (bad) problems.push(`"${bad[0]}" shown: …${text.slice(Math.max(0, bad.index - 60), bad.index + 40)}…`);
  // What the notices quote from the link is shown as plain, well-formed, left-to-right-safe text: no bidi
  // overrides or isolates (they would reverse the rest of the sentence) and no half of a cut-up emoji.
  const full = main.textContent ?? '';
  const bidi = /[\u202A-\u202E\u2066-\u2069]/.exec(full);
  if (bidi)
    problems.push(`bidi control U+${bidi[0].charCodeAt(0).toString(16).toUpperCase()} shown: …${full.slice(Math.max(0, bidi.index - 40), bidi.index + 20)}…`);
  const half = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(full);
  if (half) problems.push(`lone surrogate shown: …${full.slice(Math.max(0, half.index - 40), half.index)}…`);
  for (const el of main.querySelectorAll('svg *')) {
    for (const attr of el.attributes) if (/NaN|Infinity/.test(attr.value)) problems.push(`svg ${el.tagName} ${attr.name}="${attr.value.slice(0, 60)}"`);
  }
  // Sliders in range: the native value and what the accessible text says.
  const unit: Readonly<Record<string, number>> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12, Q: 1e15 };
  for (const input of main.querySelectorAll<HTMLInputElement>('input[type="range"]')) {
    const label = input.labels?.[0]?.textContent?.trim() ?? '?';
    const v = Number(input.value);
    if (!Number.isFinite(v) || v < Number(input.min) || v > Number(input.max))
      problems.push(`${label} slider value ${input.value} outside ${input.min}..${input.max}`);
    const shown = input.getAttribute('aria-valuetext') ?? '';
    const m = /^(\d+(?:\.\d+)?)([KMBTQ%]?)$/.exec(shown);
    const range = ranges[label];
    if (!m || !range) {
      problems.push(`${label} aria-valuetext "${shown}"`);
      continue;
    }
    const n = Number(m[1]) * (m[2] && m[2] !== '%' ? (unit[m[2]] ?? 1) : 1);
    // Labels keep three significant digits: allow their rounding at the ends.
    if (!(n >= range.min * 0.995 && n <= range.max * 1.005)) problems.push(`${label} aria-valuetext "${shown}" outside ${range.min}..${range.max}`);
  }
  // Nothing injected.
  const injected = main.querySelectorAll('script, iframe, object, embed, frame, base, meta, link[rel="import"]');
  if (injected.length > 0) problems.push(`injected <${injected[0]?.tagName.toLowerCase()}> in main`);
  for (const el of main.querySelectorAll('*')) {
    for (const attr of el.attributes) if (/^on/i.test(attr.name)) problems.push(`injected ${attr.name} on <${el.tagName.toLowerCase()}>`);
  }
  for (const el of document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')) {
    for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
      const v = el.getAttribute(name);
      // The URL parser drops tabs, newlines and leading control characters/spaces: so must this check.
      // oxlint-disable-next-line no-control-regex -- exactly the characters the URL parser ignores
      if (v !== null && /^javascript:|^data:text\/html/i.test(v.replace(/[\u0000-\u0020]/g, '')))
        problems.push(`${name}="${v.slice(0, 60)}" on <${el.tagName.toLowerCase()}>`);
    }
  }
  if ((window as unknown as { e2eXss?: unknown }).e2eXss !== undefined) problems.push('a payload ran (window.e2eXss set)');
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// The runs
// ---------------------------------------------------------------------------------------------------------

const browser = sharedBrowser();
const contexts: BrowserContext[] = [];
const summary: string[] = [];

afterAll(async () => {
  for (const c of contexts) await c.close();
  console.log(`\nURL fuzz (seed ${SEED}, ${ALL.length} cases):\n${summary.join('\n')}`);
});

describe.concurrent('url fuzz', () => {
  for (const view of VIEWS) {
    it(`${view}: ${ALL.filter((c) => c.view === view).length} links`, async ({ expect }) => {
      const cases = ALL.filter((c) => c.view === view);
      const { context, page } = await newPage(browser(), { viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      // `?source=coingecko` makes the view ask the proxy: answer at once (no retry), so the view falls back.
      await page.route('**/proxy/**', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' }));
      const events: string[] = [];
      page.on('pageerror', (e) => events.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) events.push(`console: ${m.text().slice(0, 200)}`);
      });
      page.on('dialog', (d) => {
        events.push(`dialog ${d.type()}: ${d.message()}`);
        void d.dismiss();
      });

      await page.goto(`${baseUrl}${PATHS[view]}`);
      await page.evaluate(runInPage, { view, path: null, title: TITLES[view], ranges: RANGES });
      const started = Date.now();
      const failures: string[] = [];
      let reloads = 0;
      for (const [i, c] of cases.entries()) {
        const path = `${PATHS[view]}${c.query ? `?${c.query}` : ''}`;
        events.length = 0;
        let problems: string[];
        try {
          const reload = i % RELOAD_EVERY === RELOAD_EVERY - 1;
          if (reload) {
            reloads += 1;
            await page.goto(`${baseUrl}${path}`);
          }
          problems = await page.evaluate(runInPage, { view, path: reload ? null : path, title: TITLES[view], ranges: RANGES });
        } catch (error) {
          const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
          // The browser is gone (the test timed out): stop, the time-out is the failure.
          if (/has been closed/.test(message ?? '')) break;
          problems = [`harness: ${message}`];
        }
        problems.push(...events);
        if (problems.length > 0) failures.push(`#${i} ${path.slice(0, 160)}${path.length > 160 ? '…' : ''}\n    ${problems.slice(0, 4).join('\n    ')}`);
      }
      const seconds = (Date.now() - started) / 1000;
      summary.push(`  ${view}: ${cases.length} cases (${reloads} full loads) in ${seconds.toFixed(1)} s, ${failures.length} failing`);
      if (failures.length > 0) summary.push(...failures.slice(0, 10).map((f) => `    ${f}`));
      expect(failures.slice(0, 15), `${failures.length} of ${cases.length} ${view} links misbehaved`).toEqual([]);
    }, 240_000);
  }
});
