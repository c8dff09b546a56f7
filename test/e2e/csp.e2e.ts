/**
 * Quality gate (security): the built app carries a strict Content-Security-Policy and lives within it.
 *
 * `dist/index.html` must hold a CSP meta tag, before anything it governs, with scripts from the app's
 * origin only (no 'unsafe-inline', no 'unsafe-eval', no wildcard or bare scheme), data only from the app and
 * the two providers' API hosts, no plugins, a fixed base URL; and no inline script at all. Then the token
 * browser (snapshot and live), a token with its chart and an Export PNG (SVG drawn on a canvas through a
 * data: URL, saved through a blob: URL) and a comparison with its export load without a single CSP
 * violation (`securitypolicyviolation` events, recorded from before the app's first script, and console
 * messages naming the Content Security Policy). Finally the policy is shown to be enforced: an inline
 * script and an inline event handler are refused and reported (so a run with no violation means something).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newPage, sharedBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const html = readFileSync(resolve(import.meta.dirname, '../../dist/index.html'), 'utf8');
const MARKETS: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/cg-markets.json'), 'utf8'));

const META = /<meta\s+http-equiv=(["'])Content-Security-Policy\1\s+content=(["'])(.*?)\2\s*\/?>/i;
/** The origins the app may fetch from besides its own (the providers' APIs; the proxy is same-origin). */
const API_HOSTS = ['https://api.coingecko.com', 'https://api.tokenmetrics.com'];

/** `default-src 'self'; script-src 'self'` -> { 'default-src': ["'self'"], 'script-src': ["'self'"] }. */
function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** Sources that let anything (or any inline code) in: a wildcard, a bare scheme, unsafe keywords. */
function loose(sources: readonly string[]): string[] {
  return sources.filter((s) => s === '*' || /^[a-z][a-z0-9+.-]*:$/i.test(s) || /^'unsafe-/i.test(s) || /\*/.test(s));
}

describe('dist/index.html', () => {
  const policy = META.exec(html)?.[3] ?? null;
  const d = directives(policy ?? '');
  /** A fetch directive as the browser applies it: its own value, else default-src. */
  const effective = (name: string): string[] => d.get(name) ?? d.get('default-src') ?? [];

  it('carries a Content-Security-Policy meta tag before anything it governs', () => {
    expect(policy, 'no <meta http-equiv="Content-Security-Policy"> in dist/index.html').not.toBeNull();
    const at = html.search(META);
    for (const tag of [/<script\b/i, /<link\b/i, /<style\b/i, /<base\b/i]) {
      const first = html.search(tag);
      if (first >= 0) expect(at, `the CSP meta tag must come before ${tag.source}`).toBeLessThan(first);
    }
  });

  it('allows scripts from the app only: no unsafe-inline, unsafe-eval, wildcard or bare scheme', () => {
    const scripts = effective('script-src');
    expect(scripts).toContain("'self'");
    expect(loose(scripts)).toEqual([]);
    expect(['script-src-elem', 'script-src-attr', 'worker-src'].flatMap((name) => loose(d.get(name) ?? []).map((source) => `${name} ${source}`))).toEqual([]);
  });

  it('connects to the app and the two providers only', () => {
    expect(new Set(effective('connect-src'))).toEqual(new Set(["'self'", ...API_HOSTS]));
  });

  it('has a default, no plugins, a fixed base and no wildcard anywhere', () => {
    expect(d.get('default-src')).toBeDefined();
    expect(loose(d.get('default-src') ?? [])).toEqual([]);
    expect(effective('object-src')).toEqual(["'none'"]);
    expect(["'self'", "'none'"]).toContain(d.get('base-uri')?.join(' '));
    expect([...d].flatMap(([name, sources]) => sources.filter((s) => s.includes('*')).map((source) => `${name} ${source}`))).toEqual([]);
  });

  it('holds no inline script, event handler attribute or javascript: URL', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    // Every script has a src and no code of its own.
    expect(scripts.filter(([, attrs = '', body = '']) => !/\bsrc=/.test(attrs) || body.trim() !== '').map(([tag]) => tag)).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});

describe('the app under its policy, in Chromium', () => {
  const browser = sharedBrowser();
  let context: BrowserContext;
  let page: Page;
  const violations: string[] = [];
  const consoleCsp: string[] = [];

  beforeAll(async () => {
    ({ context, page } = await newPage(browser(), { viewport: { width: 1280, height: 900 }, acceptDownloads: true }));
    await page.exposeFunction('e2eCspViolation', (text: string) => violations.push(text));
    // Before any of the app's code: every violation of every document this page loads is reported.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { e2eCspViolation: (t: string) => void }).e2eCspViolation;
        report(
          `${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample ? `"${e.sample}"` : ''} at ${e.sourceFile}:${e.lineNumber}`,
        );
      });
    });
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) consoleCsp.push(m.text());
    });
    await page.route('**/proxy/**', (route) => {
      const path = new URL(route.request().url()).pathname;
      const body = path.endsWith('/coins/markets')
        ? new URL(route.request().url()).searchParams.get('page') === '1'
          ? MARKETS
          : []
        : path.endsWith('/global')
          ? { data: { total_market_cap: { usd: 3.2e12 }, updated_at: 1_739_123_044 } }
          : null;
      return body === null
        ? route.fulfill({ status: 404, body: '' })
        : route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    });
  });

  afterAll(async () => {
    await context?.close();
  });

  /** Where the records stand now; `since` gives what came after (each test answers for its own pages). */
  const mark = (): { violations: number; console: number } => ({ violations: violations.length, console: consoleCsp.length });
  const since = (from: { violations: number; console: number }) => ({ violations: violations.slice(from.violations), console: consoleCsp.slice(from.console) });

  async function exportPng(): Promise<Buffer> {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG', exact: true }).click()]);
    return readFileSync(await dl.path());
  }

  it("the token browser, snapshot and live (logos from CoinGecko's CDN), loads without a violation", async () => {
    const from = mark();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('table', { name: 'Tokens' }).getByRole('link', { name: 'Bitcoin', exact: true }).waitFor();
    await page.goto(`${baseUrl}/?source=coingecko`);
    await page.getByRole('status').filter({ hasText: 'CoinGecko (live)' }).waitFor({ timeout: 20_000 });
    // The logos are images from another origin: let them load (or be refused) before counting.
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('table', { name: 'Tokens' }).locator('img').count()).toBeGreaterThan(0);
    expect(since(from)).toEqual({ violations: [], console: [] });
  });

  it('/token/cardano draws its chart and exports a PNG without a violation', async () => {
    const from = mark();
    await page.goto(`${baseUrl}/token/cardano`);
    await page.getByRole('figure', { name: 'Price bands chart' }).locator('svg.recharts-surface').waitFor();
    const png = await exportPng();
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000); // drawn, not blank
    expect(since(from)).toEqual({ violations: [], console: [] });
  });

  it('/compare?ids=cardano,tron draws and exports without a violation', async () => {
    const from = mark();
    await page.goto(`${baseUrl}/compare?ids=cardano,tron`);
    await page.getByRole('table', { name: 'Multiples' }).waitFor();
    await page.getByRole('figure', { name: 'Compare chart' }).locator('svg.recharts-surface').waitFor();
    expect((await exportPng()).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(since(from)).toEqual({ violations: [], console: [] });
  });

  it('the policy is enforced: an inline script and an inline event handler are refused, and reported', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('table', { name: 'Tokens' }).waitFor();
    const from = mark();
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { e2eInlineRan?: boolean; e2eHandlerRan?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.e2eInlineRan = true;';
      document.head.append(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:," onerror="window.e2eHandlerRan = true" onload="window.e2eHandlerRan = true">';
      document.body.append(holder);
      await new Promise((ok) => setTimeout(ok, 200));
      holder.remove();
      return { inline: w.e2eInlineRan === true, handler: w.e2eHandlerRan === true };
    });
    expect(ran).toEqual({ inline: false, handler: false });
    await expect.poll(() => since(from).violations.length).toBeGreaterThanOrEqual(2);
    expect(since(from).violations.join('\n')).toMatch(/script-src/);
  });
});
