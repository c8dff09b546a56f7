/**
 * `npm run screenshots`: serves `dist/` and saves PNGs of the main views in headless Chromium,
 * light and dark, 1280 and 390 px wide, into `screenshots/` (or the folder given as the first argument),
 * and the README's image (`docs/images/token-cardano.png`: Cardano with a $2 target, 1280x800, light).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium, pinSnapshot } from '../test/e2e/browser.ts';
import { serveDist } from './serve-dist.ts';

/** Example holdings for /portfolio (only where the page has none of its own). */
async function seedHoldings(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const key = 'capbands.holdings';
    const holdings = [
      { id: 'bitcoin', name: 'Bitcoin', symbol: 'BTC', amount: 0.05 },
      { id: 'ethereum', name: 'Ethereum', symbol: 'ETH', amount: 1.2 },
      { id: 'cardano', name: 'Cardano', symbol: 'ADA', amount: 1500 },
      { id: 'tether', name: 'Tether USDt', symbol: 'USDT', amount: 2000 },
      { id: 'gone-coin', name: 'Gone Coin', symbol: 'GONE', amount: 50 },
    ];
    if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, JSON.stringify({ version: 1, state: { holdings } }));
  });
}

const out = resolve(process.argv[2] ?? 'screenshots');
const README_IMAGE = resolve(import.meta.dirname, '../docs/images/token-cardano.png');
const paths = (process.argv[3] ?? '/ /?m=23T&case=moon /token/cardano /token/shiba-inu /compare?ids=cardano,tron,ripple /portfolio /settings')
  .split(/\s+/)
  .filter(Boolean);
mkdirSync(out, { recursive: true });

const server = await serveDist('dist');
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
      await pinSnapshot(context);
      await seedHoldings(context);
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(server.url + path);
        await page.waitForSelector('h1');
        await page.waitForLoadState('networkidle');
        const name = `${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${width}-${scheme}.png`;
        await page.screenshot({ path: resolve(out, name), fullPage: true });
        console.log(`saved ${name}`);
      }
      await context.close();
    }
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await pinSnapshot(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/token/cardano?t=2`);
  await page
    .getByRole('status', { name: 'Target answer' })
    .getByText(/Base case: needs/)
    .waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: README_IMAGE });
  console.log(`saved ${README_IMAGE}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
