import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { dataKeys } from '../../data/queries/keys.ts';
import { TOKEN_COUNTS, useSettingsStore, type PriceSource } from '../../state/settings-store.ts';

/** How long typing must pause before a changed key is tried. */
const KEY_SETTLE_MS = 500;
const TOKENMETRICS_QUERIES = dataKeys.tokenmetrics();
const COINGECKO_QUERIES = dataKeys.coingecko();

/**
 * Once a key stops changing (or the user leaves the page), asks its provider again: the query keys hold
 * no API key, so an answer fetched with the first letters typed (a 401) would otherwise be kept.
 */
function useRefetchWhenKeySettles(key: string, queries: QueryKey): void {
  const queryClient = useQueryClient();
  const seen = useRef(key);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (seen.current === key) return;
    seen.current = key;
    if (pending.current !== null) clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      pending.current = null;
      void queryClient.invalidateQueries({ queryKey: queries });
    }, KEY_SETTLE_MS);
  }, [key, queries, queryClient]);
  useEffect(
    () => () => {
      if (pending.current === null) return;
      clearTimeout(pending.current);
      pending.current = null;
      void queryClient.invalidateQueries({ queryKey: queries });
    },
    [queries, queryClient],
  );
}

/** `/settings`: where prices come from, the user's keys, a proxy for static hosting, how many tokens to load. */
export default function SettingsPage() {
  const s = useSettingsStore();
  const queryClient = useQueryClient();
  const [proxyDraft, setProxyDraft] = useState(s.proxyBase);
  const [proxyMessage, setProxyMessage] = useState<string | null>(null);
  const ids = { cg: useId(), tm: useId(), proxy: useId(), count: useId(), proxyHelp: useId(), keysHelp: useId() };
  useRefetchWhenKeySettles(s.tokenMetricsKey, TOKENMETRICS_QUERIES);
  useRefetchWhenKeySettles(s.coingeckoKey, COINGECKO_QUERIES);

  // The source in use: a `?source=` of this visit wins over the saved one until the user picks here.
  const shownSource = s.visitSource ?? s.source;
  const chooseSource = (source: PriceSource): void => s.setSource(source);

  const saveProxy = (event: FormEvent): void => {
    event.preventDefault();
    const error = s.setProxyBase(proxyDraft);
    setProxyMessage(error ?? 'Saved. Live data will go through this proxy.');
    if (!error) void queryClient.invalidateQueries({ queryKey: dataKeys.all });
  };

  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">Settings</h1>

      <fieldset>
        <legend>Prices</legend>
        <label className="choice">
          <input type="radio" name="source" checked={shownSource === 'snapshot'} onChange={() => chooseSource('snapshot')} />
          Embedded snapshot
        </label>
        <p className="hint">500 tokens from the CoinMarketCap listing of 2026-01-09, with public grades. No network, no key.</p>
        <label className="choice">
          <input type="radio" name="source" checked={shownSource === 'coingecko'} onChange={() => chooseSource('coingecko')} />
          Live (CoinGecko)
        </label>
        <p className="hint">Live prices and today&apos;s total market, through the app&apos;s proxy. If CoinGecko fails, the app keeps the last good data and says why.</p>
        <label htmlFor={ids.count}>Tokens to load live</label>{' '}
        <select id={ids.count} value={s.pages * 250} onChange={(e) => s.setPages(Number(e.target.value) / 250)}>
          {TOKEN_COUNTS.map((n) => (
            <option key={n} value={n}>
              {n.toLocaleString('en-US')}
            </option>
          ))}
        </select>
      </fieldset>

      <fieldset>
        <legend>API keys</legend>
        <p className="hint" id={ids.keysHelp}>
          Keys are sent only to their own provider, in a request header: never in a link, an export or a log. They stay in
          this tab&apos;s session storage unless you tick the box below.
        </p>
        <label htmlFor={ids.cg}>CoinGecko API key</label>
        <input
          id={ids.cg}
          type="password"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={ids.keysHelp}
          value={s.coingeckoKey}
          placeholder="optional demo key"
          onChange={(e) => s.setKey('coingeckoKey', e.target.value)}
        />
        <label htmlFor={ids.tm}>Token Metrics API key</label>
        <input
          id={ids.tm}
          type="password"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={ids.keysHelp}
          value={s.tokenMetricsKey}
          placeholder="optional: live grades and published scenarios"
          onChange={(e) => s.setKey('tokenMetricsKey', e.target.value)}
        />
        <label className="choice">
          <input type="checkbox" checked={s.rememberKeys} onChange={(e) => s.setRememberKeys(e.target.checked)} />
          Remember keys on this device
        </label>
      </fieldset>

      <form onSubmit={saveProxy}>
        <fieldset>
          <legend>Proxy</legend>
          <p className="hint" id={ids.proxyHelp}>
            Left empty, live requests go to this server&apos;s <code>/proxy</code> (there in <code>npm run dev</code> and{' '}
            <code>npm run preview</code>). For a static deployment, give your own proxy&apos;s base URL; the app adds{' '}
            <code>/coingecko</code> and <code>/tokenmetrics</code>.
          </p>
          <label htmlFor={ids.proxy}>Proxy base URL</label>
          <input id={ids.proxy} type="text" inputMode="url" aria-describedby={ids.proxyHelp} value={proxyDraft} placeholder="/proxy" onChange={(e) => setProxyDraft(e.target.value)} />
          <button type="submit">Save proxy</button>
          {proxyMessage ? <p role="status">{proxyMessage}</p> : null}
        </fieldset>
      </form>
    </section>
  );
}
