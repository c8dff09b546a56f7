/** `/settings`: data source and API keys (filled in by the data issue). */
export default function SettingsPage() {
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <p>
        capbands runs on data embedded in the app: no network, no key. Live prices from CoinGecko and live grades
        from Token Metrics (with your own key) are coming here.
      </p>
    </section>
  );
}
