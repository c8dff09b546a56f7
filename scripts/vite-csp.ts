import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built app, as a meta tag: scripts only from the app's origin
 * (no inline script), data only from the app (its snapshot and `/proxy`) and the two providers,
 * images from the app, CoinGecko's logo CDN and data/blob URLs (exports). Styles allow inline
 * `style` attributes: recharts and the SVG export write them (setAttribute), and a style attribute
 * cannot run code. A deployment whose proxy lives on another origin adds it to `connect-src` here.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://coin-images.coingecko.com https://assets.coingecko.com",
  "connect-src 'self' https://api.coingecko.com https://api.tokenmetrics.com",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Adds the CSP meta tag to `index.html` in builds only: the dev server injects inline scripts (HMR). */
export function cspPlugin(): Plugin {
  return {
    name: 'capbands-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
    },
  };
}
