/**
 * The screener's scenario carried to a token and back: a token link from `/` (or `/compare`) adds the
 * market size (`m`), the case (`case`), whose captures (`cap`) and the supply (`h`) to `/token/:id`,
 * and the detail view's link back to `/` gives them back, so the screener opens where it was left.
 * `case` and `cap` are not the scenario codec's keys: the codec keeps them as they are in the URL.
 * Pure: no React, no DOM.
 */
import { CAPTURE_MODES, type CaptureMode } from '../data/captures.ts';
import { CASES, type ScenarioCase } from '../engine/index.ts';
import { usdForUrl } from './usd-url.ts';

/** What a token link carries from the screener. */
export interface CarriedContext {
  readonly marketSize: number | null;
  readonly scenarioCase: ScenarioCase | null;
  readonly captureMode: CaptureMode;
  readonly horizon: 'circ' | 'max';
}

/** The query a token link carries ("?m=23T&case=moon"): keys at their default (16T, base, per token, circulating) are left out. */
export function carriedQuery(c: CarriedContext): string {
  const parts: string[] = [];
  if (c.marketSize !== null && c.marketSize !== 16e12) parts.push(`m=${usdForUrl(c.marketSize)}`);
  if (c.scenarioCase !== null && c.scenarioCase !== 'base') parts.push(`case=${c.scenarioCase}`);
  if (c.captureMode !== 'token') parts.push(`cap=${c.captureMode}`);
  if (c.horizon === 'max') parts.push('h=max');
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The case and captures a link carried (`case`, `cap`); anything else reads as none and "per token". */
export function readCarried(search: string): { readonly scenarioCase: ScenarioCase | null; readonly captureMode: CaptureMode } {
  const q = new URLSearchParams(search);
  const c = q.get('case');
  const cap = q.get('cap');
  return { scenarioCase: CASES.find((k) => k === c) ?? null, captureMode: CAPTURE_MODES.find((m) => m === cap) ?? 'token' };
}

/** The screener's address for a detail view's link back: `/` with the `m`, `case`, `cap`, `h` and `source` the view's link carried. */
export function screenerHref(search: string): string {
  const from = new URLSearchParams(search);
  const back = new URLSearchParams();
  for (const key of ['m', 'case', 'cap', 'h', 'source']) {
    const value = from.get(key);
    if (value !== null) back.set(key, value);
  }
  const text = back.toString();
  return text ? `/?${text}` : '/';
}
