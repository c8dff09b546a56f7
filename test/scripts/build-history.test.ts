// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildHistory,
  dailyValues,
  DEFAULT_RAW_DIR,
  eurUsdRatios,
  HISTORY_COINS,
  HISTORY_FILE,
  round6,
  serializeHistory,
  totalMarketCaps,
  usdMarketCaps,
} from '../../scripts/build-history.ts';
import { historyFileSchema } from '../../src/data/schemas/history.ts';

const haveRaw = existsSync(DEFAULT_RAW_DIR);
/** Milliseconds at `hours` UTC of an ISO day. */
const at = (iso: string, hours = 0): number => Date.parse(`${iso}T00:00:00Z`) + hours * 3_600_000;

const missing = `the raw data is missing: expected ${DEFAULT_RAW_DIR} (../shared next to the project)`;

describe('the committed history matches its sources', () => {
  it.runIf(!haveRaw && Boolean(process.env['CI']))('needs the raw files on CI', () => {
    expect.fail(`${missing}; CI cannot check that public/data/history.json is up to date without them`);
  });

  it.skipIf(!haveRaw)('rebuilds to exactly the committed public/data/history.json (run `npx tsx scripts/build-history.ts`)', () => {
    const built = buildHistory(DEFAULT_RAW_DIR);
    const committed = readFileSync(HISTORY_FILE, 'utf8').replace(/\r\n/g, '\n');
    expect(built).toStrictEqual(JSON.parse(committed));
    expect(serializeHistory(built)).toBe(committed);
  });

  it.skipIf(!haveRaw)('has the 8 coins in USD, each day of the market series and no day without a Bitcoin ratio', () => {
    const built = buildHistory(DEFAULT_RAW_DIR);
    expect(Object.keys(built.tokens)).toEqual([...HISTORY_COINS]);
    const marketDays = new Set(built.market.points.map(([d]) => d));
    for (const id of HISTORY_COINS) {
      const s = built.tokens[id];
      expect(s?.unit).toBe('USD');
      expect(s?.points.every(([d]) => marketDays.has(d))).toBe(true);
    }
    // Bitcoin converted with its own ratio is its USD market cap: the daily reports' btcMarketCap, within a percent.
    const csv = readFileSync(path.join(DEFAULT_RAW_DIR, 'cg-daily-reports-2025-2026/global_metrics_daily.csv'), 'utf8');
    const btcCap = new Map(
      csv
        .split('\n')
        .slice(1)
        .map((line) => [line.split(',')[0], Number(line.split(',')[10])]),
    );
    for (const [day, usd] of built.tokens['bitcoin']?.points ?? []) {
      expect(Math.abs(usd / (btcCap.get(day) ?? 0) - 1)).toBeLessThan(0.01);
    }
  });
});

describe('EUR -> USD with the ratio Bitcoin implies', () => {
  // Bitcoin at 50,000 EUR on day 1 and 40,000 EUR on day 2 (day 2 also has a later "now" point).
  const btcEur = {
    prices: [
      [at('2026-01-01'), 50_000],
      [at('2026-01-02'), 40_000],
      [at('2026-01-02', 18), 99_999],
      [at('2026-01-03'), 45_000],
    ],
  };
  // USD prices: 58,000 on day 1 (1.16 USD per EUR), 47,200 on day 2 (1.18); day 3 has none, day 4 has no EUR price.
  const rows = [
    { date: '2026-01-01', btcPrice: '58000', totalMarketCap: '3000000000000' },
    { date: '2026-01-02', btcPrice: '47200', totalMarketCap: '2900000000000.4' },
    { date: '2026-01-03', btcPrice: '', totalMarketCap: '2950000000000' },
    { date: '2026-01-04', btcPrice: '50000', totalMarketCap: 'n/a' },
  ];
  const coin = {
    market_caps: [
      [at('2026-01-01'), 1_000_000_000],
      [at('2026-01-02'), 2_000_000_000],
      [at('2026-01-02', 18), 5],
      [at('2026-01-03'), 3_000_000_000],
      [at('2026-01-04'), 4_000_000_000],
      [at('2026-01-05'), null],
    ],
  };

  it('divides the USD Bitcoin price by the EUR one of the same day, keeping the 00:00 point', () => {
    const ratios = eurUsdRatios(btcEur, rows);
    expect([...ratios.keys()]).toEqual(['2026-01-01', '2026-01-02']);
    expect(ratios.get('2026-01-01')).toBeCloseTo(1.16, 12);
    expect(ratios.get('2026-01-02')).toBeCloseTo(1.18, 12);
  });

  it('converts each day with its own ratio and drops days without one', () => {
    expect(usdMarketCaps(coin, eurUsdRatios(btcEur, rows))).toEqual([
      ['2026-01-01', 1_160_000_000],
      ['2026-01-02', 2_360_000_000],
    ]);
  });

  it('reads the total market cap in USD, rounded to 6 significant digits, skipping unreadable rows', () => {
    expect(totalMarketCaps(rows)).toEqual([
      ['2026-01-01', 3e12],
      ['2026-01-02', 2.9e12],
      ['2026-01-03', 2.95e12],
    ]);
  });

  it('keeps one value per day, the earliest, and only values above 0', () => {
    expect([...dailyValues(coin.market_caps)]).toEqual([
      ['2026-01-01', 1e9],
      ['2026-01-02', 2e9],
      ['2026-01-03', 3e9],
      ['2026-01-04', 4e9],
    ]);
    expect(dailyValues('not a list').size).toBe(0);
  });

  it('rounds to 6 significant digits', () => {
    expect(round6(1_234_567_890)).toBe(1_234_570_000);
    expect(round6(0.000123456789)).toBe(0.000123457);
  });
});

describe('buildHistory on a tiny raw folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capbands-history-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'cg-market-chart-eur-365d-2026-07'));
  mkdirSync(path.join(dir, 'cg-daily-reports-2025-2026'));
  for (const [i, id] of HISTORY_COINS.entries()) {
    const chart = {
      prices: [
        [at('2026-01-01'), 50_000],
        [at('2026-01-02'), 40_000],
      ],
      market_caps: [
        [at('2026-01-01'), (i + 1) * 1e9],
        [at('2026-01-02'), (i + 1) * 1.1e9],
      ],
      total_volumes: [],
    };
    writeFileSync(path.join(dir, `cg-market-chart-eur-365d-2026-07/${id}_market_chart_eur_365d_daily.json`), JSON.stringify(chart));
  }
  writeFileSync(
    path.join(dir, 'cg-daily-reports-2025-2026/global_metrics_daily.csv'),
    'date,timestamp,totalMarketCap,btcPrice\n2026-01-01,x,3e12,60000\n2026-01-02,x,3.3e12,50000\n2026-01-03,x,3.2e12,51000\n',
  );

  it('writes valid, byte-stable USD series with their sources and ranges', () => {
    const h = buildHistory(dir);
    expect(historyFileSchema.parse(h)).toEqual(h);
    expect(h.market).toMatchObject({ source: 'cg-daily-reports-2026-01-03', from: '2026-01-01', to: '2026-01-03' });
    expect(h.tokens['ripple']).toEqual({
      source: 'cg-market-chart-eur-usd-2026-01-02',
      unit: 'USD',
      from: '2026-01-01',
      to: '2026-01-02',
      points: [
        ['2026-01-01', 3.6e9],
        ['2026-01-02', 4.125e9],
      ],
    });
    expect(Object.keys(h.sources)).toEqual(['cg-daily-reports-2026-01-03', 'cg-market-chart-eur-usd-2026-01-02']);
    expect(serializeHistory(buildHistory(dir))).toBe(serializeHistory(h));
    expect(JSON.parse(serializeHistory(h))).toEqual(h);
  });
});
