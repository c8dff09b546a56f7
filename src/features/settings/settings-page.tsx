import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { dataKeys } from '../../data/queries/keys.ts';
import { TOKEN_COUNTS, useSettingsStore, type PriceSource } from '../../state/settings-store.ts';
import './settings.css';

/** How long typing must pause before a changed key is used. */
const KEY_SETTLE_MS = 500;

interface KeyInputProps {
  readonly id: string;
  readonly which: 'coingeckoKey' | 'tokenMetricsKey';
  readonly placeholder: string;
  readonly describedBy: string;
}

/**
 * A key's password field. What is typed shows at once; the settings (and so the data layer and the
 * storage) take it only once typing pauses for `KEY_SETTLE_MS`, or at once on Enter, on leaving the
 * field, the page or the tab: a key typed letter by letter is never sent as its first letters.
 */
function KeyInput({ id, which, placeholder, describedBy }: KeyInputProps) {
  const [draft, setDraft] = useState(() => useSettingsStore.getState()[which]);
  // The typed value not yet handed to the settings, and the timer that will hand it over.
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commit = useCallback((): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const value = pending.current;
    pending.current = null;
    if (value !== null) useSettingsStore.getState().setKey(which, value);
  }, [which]);
  useEffect(() => {
    window.addEventListener('pagehide', commit);
    return () => {
      window.removeEventListener('pagehide', commit);
      commit();
    };
  }, [commit]);

  return (
    <input
      id={id}
      className="typed-box"
      type="password"
      autoComplete="off"
      spellCheck={false}
      aria-describedby={describedBy}
      value={draft}
      placeholder={placeholder}
      onChange={(e) => {
        setDraft(e.target.value);
        pending.current = e.target.value;
        if (timer.current !== null) clearTimeout(timer.current);
        timer.current = setTimeout(commit, KEY_SETTLE_MS);
      }}
      onBlur={commit}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

/** `/settings`: where prices come from, the user's keys, a proxy for static hosting, how many tokens to load. */
export default function SettingsPage() {
  const s = useSettingsStore();
  const queryClient = useQueryClient();
  const [proxyDraft, setProxyDraft] = useState(s.proxyBase);
  const [proxyMessage, setProxyMessage] = useState<string | null>(null);
  const ids = { cg: useId(), tm: useId(), proxy: useId(), count: useId(), proxyHelp: useId(), keysHelp: useId() };

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
        <p className="hint">
          The default: live prices and today&apos;s total market, through the app&apos;s proxy. The snapshot shows at once and stays whenever CoinGecko cannot
          be reached (the app says why, and waits a minute after a rate limit before it asks again).
        </p>
        <label htmlFor={ids.count}>Tokens to load live</label>{' '}
        <select id={ids.count} className="typed-box" value={s.pages * 250} onChange={(e) => s.setPages(Number(e.target.value) / 250)}>
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
          Keys are sent only to their own provider, in a request header: never in a link, an export or a log. They stay in this tab&apos;s session storage
          unless you tick the box below.
        </p>
        <label htmlFor={ids.cg}>CoinGecko API key</label>
        <KeyInput id={ids.cg} which="coingeckoKey" describedBy={ids.keysHelp} placeholder="optional demo key" />
        <label htmlFor={ids.tm}>Token Metrics API key</label>
        <KeyInput id={ids.tm} which="tokenMetricsKey" describedBy={ids.keysHelp} placeholder="optional: live grades and published scenarios" />
        <label className="choice">
          <input type="checkbox" checked={s.rememberKeys} onChange={(e) => s.setRememberKeys(e.target.checked)} />
          Remember keys on this device
        </label>
      </fieldset>

      <form onSubmit={saveProxy}>
        <fieldset>
          <legend>Proxy</legend>
          <p className="hint" id={ids.proxyHelp}>
            Left empty, live requests go to this server&apos;s <code>/proxy</code> (there in <code>npm run dev</code> and <code>npm run preview</code>). For a
            static deployment, give your own proxy&apos;s base URL; the app adds <code>/coingecko</code> and <code>/tokenmetrics</code>.
          </p>
          <label htmlFor={ids.proxy}>Proxy base URL</label>
          <input
            id={ids.proxy}
            className="typed-box"
            type="text"
            inputMode="url"
            aria-describedby={ids.proxyHelp}
            value={proxyDraft}
            placeholder="/proxy"
            onChange={(e) => setProxyDraft(e.target.value)}
          />
          <button type="submit">Save proxy</button>
          {proxyMessage ? <p role="status">{proxyMessage}</p> : null}
        </fieldset>
      </form>
    </section>
  );
}
