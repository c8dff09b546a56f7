/**
 * axe-core, injected into every view, light and dark: no violations. The app's CSP (`script-src 'self'`)
 * refuses an injected script, so these contexts open with `bypassCSP: true`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { newPage, sharedBrowser, watchErrors } from './browser.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

interface View {
  readonly path: string;
  /** What shows that the view has rendered its content. */
  readonly ready: (page: Page) => Promise<void>;
}

const table = (name: string) => async (page: Page) => page.getByRole('table', { name }).waitFor();
const VIEWS: Readonly<Record<string, View>> = {
  '/': { path: '/', ready: table('Tokens') },
  '/ with the scenario bar on': { path: '/?m=23T&case=moon&cap=same&h=max&x=10&min=2', ready: table('Tokens') },
  '/token/cardano': { path: '/token/cardano', ready: table('Scenario bands') },
  '/compare': { path: '/compare?ids=cardano,tron,ripple', ready: table('Multiples') },
  '/settings': { path: '/settings', ready: async (page) => page.getByRole('radio', { name: 'Embedded snapshot' }).waitFor() },
  '/portfolio': { path: '/portfolio', ready: async (page) => page.getByRole('heading', { level: 1 }).waitFor() },
};

/** One violation, short enough to read in a failed test: the rule, and where with what is wrong. */
interface Found {
  readonly id: string;
  readonly impact: string | null;
  readonly nodes: readonly string[];
}

async function axeViolations(page: Page): Promise<Found[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    interface AxeResult {
      violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
    }
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [name, view] of Object.entries(VIEWS)) {
    it(`${name} in ${colorScheme}: axe finds no violations`, async (ctx) => {
      const { context, page } = await newPage(browser(), { viewport: { width: 1280, height: 800 }, colorScheme, bypassCSP: true });
      const errors = watchErrors(page);
      try {
        await page.goto(`${baseUrl}${view.path}`);
        await view.ready(page);
        // `/portfolio` is being built elsewhere: until its view exists, the route is "Page not found".
        if (name === '/portfolio' && (await page.getByRole('heading', { level: 1, name: 'Page not found' }).count()) > 0) {
          ctx.skip();
          return;
        }
        expect(await axeViolations(page)).toEqual([]);
        // With a term's explanation open, too.
        const help = page.getByRole('button', { name: 'Explain' }).first();
        if ((await help.count()) > 0) {
          await help.focus();
          await page.getByRole('tooltip').waitFor();
          expect(await axeViolations(page)).toEqual([]);
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
}
