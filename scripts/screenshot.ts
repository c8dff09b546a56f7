/**
 * `npm run screenshots`: serves `dist/` and saves PNGs of the main views in headless Chromium,
 * light and dark, 1280 and 390 px wide, into `screenshots/` (or the folder given as the first argument).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium, pinSnapshot } from '../test/e2e/browser.ts';
import { serveDist } from './serve-dist.ts';

const out = resolve(process.argv[2] ?? 'screenshots');
const paths = (process.argv[3] ?? '/ /?m=23T&case=moon /token/cardano /token/shiba-inu /compare?ids=cardano,tron,ripple /settings')
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
} finally {
  await browser.close();
  await server.close();
}
