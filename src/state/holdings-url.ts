/**
 * `?holdings=cardano:1500,bitcoin:0.5`: holdings in a link, written only when the user asks for
 * "Copy link with amounts". Ids are URL-encoded; amounts are plain numbers.
 */
import { MAX_AMOUNT } from '../lib/amount.ts';
import { MAX_HOLDINGS } from './holdings-store.ts';

export const HOLDINGS_PARAM = 'holdings';

export interface LinkHolding {
  readonly id: string;
  readonly amount: number;
}

/** The query string part for `holdings` (amounts in full precision); empty holdings give ''. */
export function serializeHoldings(holdings: ReadonlyArray<{ readonly id: string; readonly amount: number | null }>): string {
  const parts = holdings.filter((h) => h.amount !== null).map((h) => `${encodeURIComponent(h.id)}:${String(h.amount)}`);
  return parts.length > 0 ? `${HOLDINGS_PARAM}=${parts.join(',')}` : '';
}

/**
 * Reads `holdings` from a query string. Entries that are not `id:amount` with an amount >= 0 are named in
 * `notices` and left out; a repeated id keeps the first; at most `MAX_HOLDINGS`. Null when the link has none.
 */
export function parseHoldingsSearch(search: string): { holdings: LinkHolding[]; notices: string[] } | null {
  const raw = new URLSearchParams(search).get(HOLDINGS_PARAM);
  if (raw === null) return null;
  const holdings: LinkHolding[] = [];
  const notices: string[] = [];
  for (const part of raw.split(',').filter((p) => p.trim() !== '')) {
    const at = part.lastIndexOf(':');
    let id = '';
    try {
      id = decodeURIComponent(part.slice(0, at)).trim();
    } catch {
      id = '';
    }
    const amount = Number(part.slice(at + 1));
    const label = part.replace(/[\p{Cc}\p{Cf}]/gu, ' ').slice(0, 40);
    if (at <= 0 || id === '' || !/^-?[\d.]+(e[+-]?\d+)?$/i.test(part.slice(at + 1)) || !(amount >= 0) || amount > MAX_AMOUNT) {
      notices.push(`"${label}" is not a holding (token id:amount >= 0); left out.`);
    } else if (holdings.length >= MAX_HOLDINGS) {
      notices.push(`At most ${MAX_HOLDINGS} holdings; left out "${label}".`);
    } else if (!holdings.some((h) => h.id === id)) holdings.push({ id, amount });
  }
  return { holdings, notices };
}
