import { useEffect, useState } from 'react';
import { create } from 'zustand';
import { CASES, DEFAULT_TIERS, TARGET_VALUE_RANGE, tierLabel, type ScenarioCase } from '../../engine/index.ts';
import { subscribeLocation } from '../../lib/location.ts';
import { syncUrl, type UrlSync } from '../../lib/url-sync.ts';
import { HOLDINGS_PARAM, parseHoldingsSearch, serializeHoldings, type LinkHolding } from '../../state/holdings-url.ts';
import { parseTargetValue } from './target-value.tsx';

/** The keys of `/portfolio`'s address besides `holdings`. */
type ViewKey = 'tier' | 'case' | 't';

/** What a link held that could not be used, and which key it came from (a choice of that key clears it). */
export interface ViewNotice {
  readonly key: ViewKey;
  readonly text: string;
}

/** The holdings a link offers (`holdings=`), read on arrival and kept until the user adds or ignores them. */
export interface HoldingsOffer {
  /** The key's value as the link gave it, kept in the address until the user chooses (a reload asks again). */
  readonly text: string;
  readonly holdings: readonly LinkHolding[];
  /** Entries of the link that are not holdings. */
  readonly notices: readonly string[];
}

/** What `/portfolio`'s address holds: `tier=8T`, `case=moon`, `t=20000`, and a shared link's `holdings=`. */
export interface PortfolioView {
  readonly tier: number;
  readonly scenario: ScenarioCase;
  /** The target value, USD, or null. */
  readonly target: number | null;
  /** The target as the user wrote it (what the box shows and `t` carries); '' without a target. */
  readonly targetText: string;
  readonly notices: readonly ViewNotice[];
  readonly offer: HoldingsOffer | null;
}

const DEFAULT_TIER = DEFAULT_TIERS[1] ?? 16e12;
const clip = (text: string): string => text.replace(/[\p{Cc}\p{Cf}]/gu, ' ').slice(0, 24);

/** Reads the view's keys; a value that is not one of the allowed ones is ignored, and a notice says so. */
export function parsePortfolioView(search: string): PortfolioView {
  const q = new URLSearchParams(search);
  const notices: ViewNotice[] = [];
  const tierText = q.get('tier');
  const tier = tierText === null ? DEFAULT_TIER : DEFAULT_TIERS.find((t) => tierLabel(t).toLowerCase() === tierText.trim().toLowerCase());
  if (tier === undefined)
    notices.push({
      key: 'tier',
      text: `tier "${clip(tierText ?? '')}" is not one of ${DEFAULT_TIERS.map(tierLabel).join(', ')}; showing ${tierLabel(DEFAULT_TIER)}.`,
    });
  const caseText = q.get('case');
  const scenario = CASES.find((c) => c === caseText?.trim().toLowerCase());
  if (caseText !== null && scenario === undefined) notices.push({ key: 'case', text: `case "${clip(caseText)}" is not bear, base or moon; showing base.` });
  const targetText = q.get('t') ?? '';
  const parsed = targetText === '' ? null : parseTargetValue(targetText);
  if (parsed && !parsed.ok) notices.push({ key: 't', text: `t: ${parsed.error}` });
  const offerText = q.get(HOLDINGS_PARAM);
  const offer = parseHoldingsSearch(search);
  return {
    tier: tier ?? DEFAULT_TIER,
    scenario: scenario ?? 'base',
    target: parsed?.ok ? parsed.value : null,
    targetText: parsed?.ok ? targetText.trim() : '',
    notices,
    offer: offer && offerText !== null ? { text: offerText, ...offer } : null,
  };
}

/** The view's own keys, defaults left out, in the order a link shows them. */
function viewEntries(view: PortfolioView): Array<[ViewKey, string]> {
  const entries: Array<[ViewKey, string]> = [];
  if (view.tier !== DEFAULT_TIER) entries.push(['tier', tierLabel(view.tier)]);
  if (view.scenario !== 'base') entries.push(['case', view.scenario]);
  if (view.target !== null) entries.push(['t', view.targetText]);
  return entries;
}

const tidyQuery = (q: URLSearchParams): string => q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');

/** The query string (`''` or `'?...'`) for `view` over `currentSearch`, keeping keys the view does not own (`source`). */
export function portfolioSearch(view: PortfolioView, currentSearch: string): string {
  const q = new URLSearchParams(currentSearch);
  for (const key of [HOLDINGS_PARAM, 'tier', 'case', 't']) q.delete(key);
  if (view.offer !== null) q.set(HOLDINGS_PARAM, view.offer.text);
  for (const [key, value] of viewEntries(view)) q.set(key, value);
  const text = tidyQuery(q);
  return text ? `?${text}` : '';
}

interface PortfolioViewActions {
  /** One of `DEFAULT_TIERS`; anything else is ignored. */
  setTier: (tier: number) => void;
  setCase: (scenario: ScenarioCase) => void;
  /** The target value (USD, within `TARGET_VALUE_RANGE`) and the text it was read from, or null for none. */
  setTarget: (usd: number | null, text: string) => void;
  /** The user added or ignored the link's holdings: the offer goes, and the address drops `holdings`. */
  settleOffer: () => void;
  /** Replaces the view with the one in `search` (an arrival). */
  loadFromSearch: (search: string) => void;
}

interface PortfolioViewState extends PortfolioView {
  /** Counts arrivals: what keeps a draft of its own (the target box) starts again from the link. */
  readonly arrival: number;
}

const withoutNotice = (notices: readonly ViewNotice[], key: ViewKey): readonly ViewNotice[] =>
  notices.some((n) => n.key === key) ? notices.filter((n) => n.key !== key) : notices;

/** `/portfolio`'s view: read from the link on arrival, then the truth that `syncUrl` writes back. */
export const usePortfolioView = create<PortfolioViewState & PortfolioViewActions>()((set, get) => ({
  ...parsePortfolioView(''),
  arrival: 0,
  setTier: (tier) => {
    if (DEFAULT_TIERS.includes(tier)) set({ tier, notices: withoutNotice(get().notices, 'tier') });
  },
  setCase: (scenario) => {
    if (CASES.includes(scenario)) set({ scenario, notices: withoutNotice(get().notices, 'case') });
  },
  setTarget: (usd, text) => {
    const notices = withoutNotice(get().notices, 't');
    if (usd === null) set({ target: null, targetText: '', notices });
    else if (usd >= TARGET_VALUE_RANGE.min && usd <= TARGET_VALUE_RANGE.max && text.trim() !== '') set({ target: usd, targetText: text.trim(), notices });
  },
  settleOffer: () => set({ offer: null }),
  loadFromSearch: (search) => set({ ...parsePortfolioView(search), arrival: get().arrival + 1 }),
}));

/** `/portfolio`'s address (see `portfolioSearch`). */
const PORTFOLIO_URL: UrlSync = {
  path: /^\/portfolio\/?$/,
  subscribe: (changed) => usePortfolioView.subscribe(() => changed()),
  search: (currentSearch) => portfolioSearch(usePortfolioView.getState(), currentSearch),
};

/**
 * The tier, case and target live in the URL of `/portfolio`, with a shared link's `holdings` until the user
 * chooses: read once on arrival (and again when a link to `/portfolio` is followed from here), then
 * written back by `syncUrl` (as every view's). Call it before anything reads the view.
 */
export function usePortfolioUrl(): void {
  // Read in the first render, so the first frame already shows the link's view.
  useState(() => {
    usePortfolioView.getState().loadFromSearch(window.location.search);
    return true;
  });
  useEffect(() => {
    const stop = syncUrl(PORTFOLIO_URL);
    // A link followed while here (the header's "Portfolio", back, forward) is read as an arrival.
    const unfollow = subscribeLocation(() => {
      if (PORTFOLIO_URL.path.test(window.location.pathname)) usePortfolioView.getState().loadFromSearch(window.location.search);
    });
    return () => {
      unfollow();
      stop();
    };
  }, []);
}

/**
 * The link "Copy link with amounts": `holdings` with the amounts given, then the view (tier, case, target)
 * from the store, so it is up to date before the address bar is; nothing else (never a key, no `source`).
 */
export function linkWithAmounts(holdings: ReadonlyArray<{ readonly id: string; readonly amount: number | null }>): string {
  const view = tidyQuery(new URLSearchParams(viewEntries(usePortfolioView.getState())));
  const query = [serializeHoldings(holdings), view].filter(Boolean).join('&');
  return `${window.location.origin}/portfolio${query ? `?${query}` : ''}`;
}
