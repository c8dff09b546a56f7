import type { Dataset } from '../../data/types.ts';
import { formatAmount } from '../../lib/amount.ts';
import { useHoldingsStore, type Holding } from '../../state/holdings-store.ts';
import { usePortfolioView } from './portfolio-url.ts';

/**
 * A link with `holdings=` offers them: add them to this device's holdings (a token held in both takes the
 * link's amount, and the message says which) or ignore them. Nothing changes until the user chooses; then
 * the offer goes, and with it `holdings=` from the address (a reload does not ask again).
 */
export function LinkOffer({ dataset, onMerged }: { readonly dataset: Dataset; readonly onMerged: (message: string) => void }) {
  const parsed = usePortfolioView((s) => s.offer);
  const settle = usePortfolioView((s) => s.settleOffer);
  const mine = useHoldingsStore((s) => s.holdings);
  const merge = useHoldingsStore((s) => s.merge);
  if (parsed === null) return null;
  const byId = new Map(dataset.tokens.map((t) => [t.id, t]));
  const incoming: Holding[] = parsed.holdings.map(({ id, amount }) => {
    const token = byId.get(id);
    return { id, name: token?.name ?? id, symbol: token?.symbol ?? id, amount };
  });
  const overlap = incoming.filter((h) => mine.some((m) => m.id === h.id)).map((h) => h.name);
  const accept = (): void => {
    const report = merge(incoming);
    const parts = [
      report.added.length > 0 ? `added ${report.added.join(', ')}` : '',
      report.updated.length > 0 ? `set ${report.updated.join(', ')} to the link's amount` : '',
      report.skipped.length > 0 ? `left out ${report.skipped.join(', ')} (the list is full)` : '',
    ].filter(Boolean);
    onMerged(`From the link: ${parts.join('; ') || 'nothing to add'}.`);
    settle();
  };
  return (
    <div className="notices link-offer" role="region" aria-label="Holdings in this link">
      <div>
        <p>
          This link carries {incoming.length} holding{incoming.length === 1 ? '' : 's'}:{' '}
          {incoming.map((h) => `${formatAmount(h.amount ?? 0)} ${byId.has(h.id) ? h.symbol : `${h.id} (not in the loaded list)`}`).join(', ') ||
            'none readable'}
          .{' '}
          {mine.length === 0
            ? 'You have no holdings on this device yet.'
            : `Your ${mine.length} holding${mine.length === 1 ? '' : 's'} on this device stay${mine.length === 1 ? 's' : ''}${overlap.length > 0 ? `; ${overlap.join(', ')} would take the link's amount` : ''}.`}
        </p>
        {parsed.notices.length > 0 ? (
          <ul>
            {parsed.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
        <button type="button" onClick={accept} disabled={incoming.length === 0}>
          Add the link&apos;s holdings to mine
        </button>{' '}
        <button type="button" onClick={settle}>
          Ignore the link
        </button>
      </div>
    </div>
  );
}
