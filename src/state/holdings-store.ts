/**
 * The user's holdings, kept on this device only (localStorage through zustand's `persist`), never sent
 * anywhere: the data layer never reads this store. A link carries them only when the user asks for it
 * (`holdings-url.ts`).
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { MAX_AMOUNT } from '../lib/amount.ts';

/** One holding. Name and symbol are kept so a token that leaves the live list still reads as itself. */
export interface Holding {
  /** The provider's token id (`cardano`). */
  readonly id: string;
  readonly name: string;
  readonly symbol: string;
  /** Tokens held; null until the user types an amount. */
  readonly amount: number | null;
}

/** At most this many holdings (a table a person can read, and a link that fits in a URL). */
export const MAX_HOLDINGS = 100;

interface HoldingsState {
  readonly holdings: readonly Holding[];
}

/** What an import or a merge did, by token name, for the message the user reads. */
export interface MergeReport {
  readonly added: readonly string[];
  readonly updated: readonly string[];
  /** Left out because the list was full. */
  readonly skipped: readonly string[];
}

interface HoldingsActions {
  /** Adds a token (at the end); false when it is already held or the list is full. */
  add: (token: Omit<Holding, 'amount'>, amount?: number | null) => boolean;
  setAmount: (id: string, amount: number | null) => void;
  remove: (id: string) => void;
  /** Adds new tokens and sets the amount of tokens already held; nothing else changes. */
  merge: (incoming: readonly Holding[]) => MergeReport;
}

const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_AMOUNT;
const text = (v: unknown, max: number): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null);

/**
 * Holdings read back from storage (or any untrusted source): each entry needs an id, and keeps a name
 * and symbol (the id stands in when missing) and an amount that is a finite number >= 0 (else none).
 * Duplicates keep the first; at most `MAX_HOLDINGS`.
 */
export function cleanHoldings(value: unknown): Holding[] {
  if (!Array.isArray(value)) return [];
  const out: Holding[] = [];
  const seen = new Set<string>();
  for (const raw of value as unknown[]) {
    if (raw === null || typeof raw !== 'object') continue;
    const entry: Record<string, unknown> = Object.fromEntries(Object.entries(raw));
    const id = text(entry.id, 120);
    if (id === null || seen.has(id) || out.length >= MAX_HOLDINGS) continue;
    seen.add(id);
    out.push({ id, name: text(entry.name, 80) ?? id, symbol: text(entry.symbol, 20) ?? id, amount: isAmount(entry.amount) ? entry.amount : null });
  }
  return out;
}

/** The `holdings` field of a stored state, whatever its shape. */
function storedHoldings(persisted: unknown): unknown {
  return persisted !== null && typeof persisted === 'object' && 'holdings' in persisted ? persisted.holdings : null;
}

export const useHoldingsStore = create<HoldingsState & HoldingsActions>()(
  persist(
    (set, get) => ({
      holdings: [],
      add: (token, amount = null) => {
        const { holdings } = get();
        if (holdings.some((h) => h.id === token.id) || holdings.length >= MAX_HOLDINGS) return false;
        set({ holdings: [...holdings, { id: token.id, name: token.name, symbol: token.symbol, amount }] });
        return true;
      },
      setAmount: (id, amount) => set({ holdings: get().holdings.map((h) => (h.id === id ? { ...h, amount: isAmount(amount) ? amount : null } : h)) }),
      remove: (id) => set({ holdings: get().holdings.filter((h) => h.id !== id) }),
      merge: (incoming) => {
        const next = [...get().holdings];
        const report = { added: [] as string[], updated: [] as string[], skipped: [] as string[] };
        for (const h of cleanHoldings(incoming)) {
          const i = next.findIndex((x) => x.id === h.id);
          if (i >= 0) {
            next[i] = { ...(next[i] ?? h), amount: h.amount };
            report.updated.push(h.name);
          } else if (next.length < MAX_HOLDINGS) {
            next.push(h);
            report.added.push(h.name);
          } else report.skipped.push(h.name);
        }
        set({ holdings: next });
        return report;
      },
    }),
    {
      name: 'capbands.holdings',
      version: 1,
      storage: createJSONStorage(() => window.localStorage),
      partialize: (state): HoldingsState => ({ holdings: state.holdings }),
      // No earlier version was released; anything else found under this name is read as leniently as it can be.
      migrate: (persisted): HoldingsState => ({ holdings: cleanHoldings(storedHoldings(persisted)) }),
      // Stored data is untrusted (another tab, an extension, an old build): checked entry by entry.
      merge: (persisted, current) => ({
        ...current,
        holdings: cleanHoldings(storedHoldings(persisted)),
      }),
    },
  ),
);
