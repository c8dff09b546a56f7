import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  fetchTmGrades,
  fetchTmIds,
  fetchTmScenario,
  fundamentalClass,
  matchTmIds,
  normaliseRating,
  type TokenMetricsConfig,
} from '../../src/data/providers/tokenmetrics.ts';
import { token } from '../fixtures/token.ts';
import { fixture, server } from '../msw.ts';

const config: TokenMetricsConfig = { base: '/proxy/tokenmetrics', apiKey: 'tm-secret' };
const envelope = (data: unknown[]) => ({ success: true, message: 'Data fetched successfully', length: data.length, data });

const tokens = [token('cardano', { symbol: 'ADA' }), token('tron', { name: 'TRON', symbol: 'TRX' }), token('dogecoin', { symbol: 'DOGE' })];

describe('Token Metrics ids', () => {
  it('matches a unique symbol, and a shared one only by name', () => {
    const recorded = (fixture('tm-trader-grades.json') as { data: Array<{ TOKEN_ID: number; TOKEN_NAME: string; TOKEN_SYMBOL: string }> }).data;
    // The recorded file holds a "DOGE" that is not Dogecoin: with a second DOGE row, the name decides.
    const rows = [
      ...recorded.map((r) => ({ id: r.TOKEN_ID, name: r.TOKEN_NAME, symbol: r.TOKEN_SYMBOL })),
      { id: 3315, name: 'Cardano', symbol: 'ADA' },
      { id: 3119, name: 'TRON', symbol: 'TRX' },
      { id: 9999, name: 'Dogecoin', symbol: 'DOGE' },
    ];
    const ids = matchTmIds(tokens, rows);
    expect(ids.get('cardano')).toBe(3315);
    expect(ids.get('tron')).toBe(3119);
    expect(ids.get('dogecoin')).toBe(9999);
    expect(
      matchTmIds(
        tokens,
        recorded.map((r) => ({ id: r.TOKEN_ID, name: r.TOKEN_NAME, symbol: r.TOKEN_SYMBOL })),
      ).get('dogecoin'),
    ).toBe(38892);
  });

  it('asks /tokens with the symbols and the key in a header', async () => {
    let url = '';
    let key: string | null = null;
    server.use(
      http.get('*/proxy/tokenmetrics/tokens', ({ request }) => {
        url = request.url;
        key = request.headers.get('x-api-key');
        return HttpResponse.json(envelope([{ TOKEN_ID: '3315', TOKEN_NAME: 'Cardano', TOKEN_SYMBOL: 'ADA' }]));
      }),
    );
    const ids = await fetchTmIds(config, tokens);
    expect(new URL(url).searchParams.get('symbol')).toBe('ADA,TRX,DOGE');
    expect(url).not.toContain('tm-secret');
    expect(key).toBe('tm-secret');
    expect([...ids]).toEqual([['cardano', 3315]]);
  });
});

describe('Token Metrics grades', () => {
  const signals = (fixture('tm-trading-signals.json') as { data: unknown[] }).data;

  it('merges every endpoint per token, parsing string numbers, and keeps going when one fails', async () => {
    server.use(
      http.get('*/proxy/tokenmetrics/tm-grade', () =>
        HttpResponse.json(
          envelope([
            {
              TOKEN_ID: 3315,
              TM_GRADE: '29.72',
              TM_GRADE_SIGNAL: 'SELL',
              FUNDAMENTAL_GRADE: 77.21,
              FUNDAMENTAL_GRADE_CLASS: null,
              DATE: '2025-11-20T00:00:00.000Z',
            },
          ]),
        ),
      ),
      http.get('*/proxy/tokenmetrics/trader-grades', () =>
        HttpResponse.json(
          envelope([{ TOKEN_ID: 3315, TM_TRADER_GRADE: 41.5, TA_GRADE: '30', QUANT_GRADE: null, TM_TRADER_GRADE_24H_PCT_CHANGE: -2, DATE: '2025-11-20' }]),
        ),
      ),
      http.get('*/proxy/tokenmetrics/investor-grades', () => new HttpResponse(null, { status: 500 })),
      http.get('*/proxy/tokenmetrics/technology-grade', () =>
        HttpResponse.json(
          envelope([
            {
              TOKEN_ID: 3315,
              TECHNOLOGY_GRADE: 81.8,
              ACTIVITY_SCORE: 76,
              SECURITY_SCORE: null,
              REPOSITORY_SCORE: 72,
              COLLABORATION_SCORE: 100,
              DEFI_SCANNER_SCORE: 83,
              DATE: '2025-11-20',
            },
          ]),
        ),
      ),
      http.get('*/proxy/tokenmetrics/trading-signals', () => HttpResponse.json(envelope(signals))),
    );
    const { grades, errors } = await fetchTmGrades(config, [3315, 3119], { today: '2026-11-23' });
    expect(errors.map((e) => e.reason)).toEqual(['HTTP 500']);
    const ada = grades.get(3315);
    expect(ada?.tmGrade).toEqual({ value: 29.72, rating: 'Sell', asOf: '2025-11-20', source: 'tm-live' });
    expect(ada?.fundamental?.class).toBe('Emerging');
    expect(ada?.traderGrade).toMatchObject({ value: 41.5, ta: 30, quant: null });
    expect(ada?.technology?.parts).toEqual({ activity: 76, repository: 72, collaboration: 100, security: null, defiScanner: 83 });
    expect(ada?.signal?.trend).toBe('bearish');
    expect(ada?.investorGrade).toBeUndefined();
    expect(grades.get(3119)?.signal?.trend).toBe('bullish');
  });

  it('fails as a whole only when every endpoint fails', async () => {
    server.use(http.get('*/proxy/tokenmetrics/*', () => new HttpResponse(null, { status: 401 })));
    await expect(fetchTmGrades(config, [3315], { today: '2026-11-23' })).rejects.toMatchObject({ reason: 'HTTP 401', source: 'Token Metrics' });
  });

  it.each([
    ['Strong Buy', 'Strong Buy'],
    ['STRONG_SELL', 'Strong Sell'],
    ['neutral', 'Neutral'],
    ['bullish', null],
    [null, null],
  ])('rating %j -> %j', (text, rating) => {
    expect(normaliseRating(text)).toBe(rating);
  });

  it.each([
    [95, 'Store of value'],
    [85, 'Blue chip'],
    [77.21, 'Emerging'],
    [45, 'Speculative'],
    [10, 'High risk'],
  ])('fundamental %d is %s', (value, cls) => {
    expect(fundamentalClass(value)).toBe(cls);
  });
});

describe('Token Metrics scenario analysis', () => {
  it('turns their published bands into a published table', async () => {
    server.use(
      http.get('*/proxy/tokenmetrics/scenario-analysis', () =>
        HttpResponse.json(
          envelope([
            {
              TOKEN_ID: 3315,
              SCENARIO_PREDICTION: {
                current_price: '0.645',
                predicted_date: '2026-12-31',
                scenario_prediction: [
                  { scenario: 4, total_mcap_scenario: 15.5e12, predicted_price_bear: 1.53, predicted_price_base: 1.86, predicted_price_moon: 2.2 },
                  { scenario: 2, total_mcap_scenario: 7.75e12, predicted_price_bear: 0.94, predicted_price_base: 1.05, predicted_price_moon: 1.16 },
                  { scenario: 8, total_mcap_scenario: 31e12, predicted_price_bear: null, predicted_price_base: 3.48, predicted_price_moon: 4.27 },
                ],
              },
            },
          ]),
        ),
      ),
    );
    const table = await fetchTmScenario(config, 3315, { today: '2026-11-23' });
    expect(table).toMatchObject({
      currentPrice: 0.645,
      totalMarketCap: 3.875e12,
      tiers: [7.75e12, 15.5e12, 31e12],
      bear: [0.94, 1.53, null],
      base: [1.05, 1.86, 3.48],
      moon: [1.16, 2.2, 4.27],
      asOf: '2026-12-31',
    });
  });

  it('says null when nothing is published', async () => {
    server.use(http.get('*/proxy/tokenmetrics/scenario-analysis', () => HttpResponse.json(envelope([]))));
    await expect(fetchTmScenario(config, 1, { today: '2026-11-23' })).resolves.toBeNull();
  });

  it('refuses an answer whose rows all lack the fields it needs (renamed by an API revision)', async () => {
    server.use(
      http.get('*/proxy/tokenmetrics/scenario-analysis', () =>
        HttpResponse.json(envelope([{ token_id: 3315, scenario_prediction: { current_price: 0.65, predicted_date: '2026-12-31', scenario_prediction: [] } }])),
      ),
    );
    await expect(fetchTmScenario(config, 3315, { today: '2026-11-23' })).rejects.toMatchObject({
      source: 'Token Metrics',
      kind: 'invalid',
      reason: 'invalid response (/scenario-analysis: no usable rows)',
    });
  });
});

/** A row with its keys in lower case, as an API revision might rename them. */
const lowerKeys = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]));

describe('Token Metrics answers with no usable row', () => {
  it('an empty data list is an empty answer, not a failure', async () => {
    server.use(http.get('*/proxy/tokenmetrics/tokens', () => HttpResponse.json(envelope([]))));
    await expect(fetchTmIds(config, tokens)).resolves.toEqual(new Map());
  });

  it('/tokens rows that all fail the schema are an invalid response, not "no ids"', async () => {
    server.use(
      http.get('*/proxy/tokenmetrics/tokens', () => HttpResponse.json(envelope([lowerKeys({ TOKEN_ID: 3315, TOKEN_NAME: 'Cardano', TOKEN_SYMBOL: 'ADA' })]))),
    );
    await expect(fetchTmIds(config, tokens)).rejects.toMatchObject({ kind: 'invalid', reason: 'invalid response (/tokens: no usable rows)' });
  });

  it('one grade endpoint with renamed fields is named among the errors; the others still give their grades', async () => {
    const row = { TOKEN_ID: 3315, DATE: '2026-11-20' };
    server.use(
      http.get('*/proxy/tokenmetrics/tm-grade', () =>
        HttpResponse.json(envelope([{ ...row, TM_GRADE: 41.5, TM_GRADE_SIGNAL: 'NEUTRAL', FUNDAMENTAL_GRADE: 66 }])),
      ),
      http.get('*/proxy/tokenmetrics/trader-grades', () => HttpResponse.json(envelope([lowerKeys({ ...row, TM_TRADER_GRADE: 62.3 })]))),
      http.get('*/proxy/tokenmetrics/investor-grades', () => HttpResponse.json(envelope([{ ...row, TM_INVESTOR_GRADE: 57.8 }]))),
      http.get('*/proxy/tokenmetrics/technology-grade', () => HttpResponse.json(envelope([]))),
      http.get('*/proxy/tokenmetrics/trading-signals', () => HttpResponse.json(envelope([{ ...row, TOKEN_TREND: 1 }]))),
    );
    const { grades, errors } = await fetchTmGrades(config, [3315], { today: '2026-11-23' });
    expect(errors.map((e) => e.reason)).toEqual(['invalid response (/trader-grades: no usable rows)']);
    const ada = grades.get(3315);
    expect(ada?.tmGrade?.value).toBe(41.5);
    expect(ada?.investorGrade?.value).toBe(57.8);
    expect(ada?.signal?.trend).toBe('bullish');
    expect(ada?.traderGrade).toBeUndefined();
    expect(ada?.technology).toBeUndefined();
  });
});
