import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPTURE_RANGE, LIMITS, MARKET_SIZE_RANGE, SHARE_RANGE } from '../../src/engine/index.ts';
import { DEFAULT_SCENARIO, parseScenarioSearch, serializeScenarioSearch, type ScenarioParams } from '../../src/state/url-codec.ts';
import { usdForUrl } from '../../src/state/usd-url.ts';
import { logDouble } from '../engine/arbitraries.ts';

const T = 1e12;
const numRuns = Number(process.env.FUZZ_RUNS ?? 300);

/** Parses and returns only the params, failing the test when notices appear. */
function clean(search: string): ScenarioParams {
  const { params, notices } = parseScenarioSearch(search);
  expect(notices).toEqual([]);
  return params;
}

const withDefaults = (over: Partial<ScenarioParams>): ScenarioParams => ({ ...DEFAULT_SCENARIO, ...over });

describe('parseScenarioSearch: well-formed keys', () => {
  it.each<[string, Partial<ScenarioParams>]>([
    ['', {}],
    ['?', {}],
    ['?m=16000000000000', { marketSize: 16 * T }],
    ['m=1.6e13', { marketSize: 16 * T }],
    ['?m=20T', { marketSize: 20 * T }],
    ['?m=500B', { marketSize: 0.5 * T }],
    ['?m=1e%2B13', { marketSize: 10 * T }],
    ['?m=1e+13', { marketSize: 10 * T }],
    ['?m=%2416T', { marketSize: 16 * T }],
    ['?m=16%2C000%2C000%2C000%2C000', { marketSize: 16 * T }],
    ['?s=0.0048', { share: 0.0048 }],
    ['?s=0.48%25', { share: 0.0048 }],
    ['?bear=0.2', { captures: { bear: 0.2, base: 0.75, moon: 1 } }],
    ['?base=0.6&moon=1.2', { captures: { bear: 0.5, base: 0.6, moon: 1.2 } }],
    ['?bear=0&base=0&moon=0', { captures: { bear: 0, base: 0, moon: 0 } }],
    ['?tiers=8T,16T', { tiers: [8 * T, 16 * T] }],
    ['?tiers=7750000000000,15.5T,2.325e13', { tiers: [7.75 * T, 15.5 * T, 23.25 * T] }],
    ['?tiers=31T,8T', { tiers: [8 * T, 31 * T] }],
    ['?tiers=8T,,16T,', { tiers: [8 * T, 16 * T] }],
    ['?h=max', { horizon: 'max' }],
    ['?h=circ', { horizon: 'circ' }],
    ['?source=coingecko&foo=bar&m=20T', { marketSize: 20 * T }],
  ])('%s', (search, expected) => {
    expect(clean(search)).toEqual(withDefaults(expected));
  });
});

describe('parseScenarioSearch: malformed values keep the default or are clamped, with one notice', () => {
  it.each<[string, Partial<ScenarioParams>, RegExp]>([
    ['?m=abc', {}, /^Market size "abc" in the link was not understood; using 16T\.$/],
    ['?m=', {}, /Market size "" .*not understood/],
    ['?m=NaN', {}, /not understood/],
    ['?m=Infinity', {}, /not understood/],
    ['?m=1e999', {}, /not understood/],
    ['?m=-5T', {}, /not understood/],
    ['?m=0x10', {}, /not understood/],
    ['?m=%3Cscript%3Ealert(1)%3C%2Fscript%3E', {}, /"<script>alert\(1\)<\/scrip…"/],
    [`?m=${'9'.repeat(65)}`, {}, /not understood/],
    ['?m=200T', { marketSize: 100 * T }, /^Market size 200T was above 100T; using 100T\.$/],
    ['?m=16', { marketSize: 0.5 * T }, /^Market size 16 was below 500B; using 500B\.$/],
    ['?s=abc', {}, /^Market share "abc" in the link was not understood; following the base case\.$/],
    ['?s=-0.1', {}, /not understood/],
    ['?s=0.9', { share: 0.5 }, /^Market share 0\.9 was above 50%; using 50%\.$/],
    ['?s=0', { share: 1e-5 }, /below/],
    ['?s=0.00481234', { share: 0.004812 }, /^$/],
    ['?moon=9', { captures: { bear: 0.5, base: 0.75, moon: 3 } }, /^Moon capture 9 was above 3; using 3\.$/],
    ['?bear=-1', {}, /^Bear capture "-1" in the link was not understood; using 0\.5\.$/],
    ['?base=NaN', {}, /^Base capture "NaN"/],
    ['?base=0.12345678', { captures: { bear: 0.1235, base: 0.5, moon: 1 } }, /out of order/],
    ['?h=forever', {}, /^Supply horizon "forever" in the link was not understood; using circ\.$/],
    ['?tiers=', {}, /^No tier in the link was understood; using 8T, 16T, 23T, 31T\.$/],
    ['?tiers=abc,def', {}, /No tier/],
    ['?tiers=8T,abc', { tiers: [8 * T] }, /^Tier "abc" in the link was not understood; left it out\.$/],
    ['?tiers=8T,16T,8000000000000', { tiers: [8 * T, 16 * T] }, /more than once/],
    ['?tiers=0.5,8T', { tiers: [1, 8 * T] }, /outside 1 to 1000Q/],
    [`?tiers=${'1,'.repeat(600)}`, {}, /too long/],
  ])('%s', (search, expected, notice) => {
    const { params, notices } = parseScenarioSearch(search);
    expect(params).toEqual(withDefaults(expected));
    if (notice.source === '^$') expect(notices).toEqual([]);
    else expect(notices.some((n) => notice.test(n))).toBe(true);
  });

  it('gives one notice per malformed value', () => {
    const { notices } = parseScenarioSearch('?m=abc&s=xyz&bear=-1&h=zzz');
    expect(notices).toHaveLength(4);
  });

  it('keeps the first of repeated keys and says so when they differ', () => {
    const { params, notices } = parseScenarioSearch('?m=20T&m=30T&h=max&h=max');
    expect(params.marketSize).toBe(20 * T);
    expect(params.horizon).toBe('max');
    expect(notices).toEqual(['The link gave the market size more than once; using the first.']);
  });

  it('keeps at most 12 tiers, the first ones given', () => {
    const given = Array.from({ length: 15 }, (_, i) => `${15 - i}T`).join(',');
    const { params, notices } = parseScenarioSearch(`?tiers=${given}`);
    expect(params.tiers).toEqual(Array.from({ length: 12 }, (_, i) => (i + 4) * T));
    expect(notices).toEqual(['The link listed 15 tiers; using the first 12.']);
  });

  it('sorts captures that break bear <= base <= moon and says so', () => {
    const { params, notices } = parseScenarioSearch('?bear=2&base=1&moon=0.3');
    expect(params.captures).toEqual({ bear: 0.3, base: 1, moon: 2 });
    expect(notices).toEqual(['The captures in the link were out of order; sorted them so bear ≤ base ≤ moon.']);
  });
});

describe('the target price in a link (t)', () => {
  it.each([
    ['2.5', 2.5],
    ['$0.001', 0.001],
    ['1e-7', 1e-7],
    ['1,000', 1000],
  ])('reads t=%s as %d, with no notice', (raw, usd) => {
    const { params, notices } = parseScenarioSearch(`?t=${encodeURIComponent(raw)}`);
    expect(params.target).toBe(usd);
    expect(notices).toEqual([]);
  });

  it.each([
    ['abc', 'is not a price'],
    ['-5', 'is not a price'],
    ['0', 'is zero'],
    ['1e-20', 'is too small for the model'],
    ['-1.0000053730384412e-103', 'is not a price'],
    ['1e16', 'is too large for the model'],
    ['1.0000053730384412e+103', 'is too large for the model'],
    ['NaN', 'is not a price'],
  ])('leaves t=%s out, with a short notice naming what was used and what is allowed', (raw, why) => {
    const { params, notices } = parseScenarioSearch(`?t=${encodeURIComponent(raw)}&m=20T`);
    expect(params.target).toBeNull();
    expect(params.marketSize).toBe(20 * T);
    expect(notices).toEqual([
      `Target price "${raw}" in the link ${why}; a target is a price in USD above 0, such as t=2.5 (from 1e-15 to 1,000,000,000,000,000). No target drawn.`,
    ]);
    expect(notices[0]?.length).toBeLessThan(200);
  });

  it('writes the target last and reads it back exactly', () => {
    for (const target of [5, 0.3972, 1e-7, 123456.789]) {
      const search = serializeScenarioSearch(withDefaults({ target }));
      expect(search).toMatch(/^\?t=/);
      expect(parseScenarioSearch(search).params.target).toBe(target);
    }
    expect(serializeScenarioSearch(withDefaults({ target: null }))).toBe('');
  });
});

describe('serializeScenarioSearch', () => {
  it('writes nothing for the defaults', () => {
    expect(serializeScenarioSearch(DEFAULT_SCENARIO)).toBe('');
    expect(serializeScenarioSearch(DEFAULT_SCENARIO, '?m=20T&s=0.1')).toBe('');
  });

  it('writes every key in a stable order after the other keys of base', () => {
    const params: ScenarioParams = {
      marketSize: 7.75 * T,
      share: 0.0048,
      captures: { bear: 0.455, base: 0.628, moon: 0.8025 },
      tiers: [7.75 * T, 15.5 * T, 0.5 * T],
      horizon: 'max',
      target: 2.5,
    };
    expect(serializeScenarioSearch(params, '?h=circ&source=snapshot&tiers=1T&x=a%20b')).toBe(
      '?source=snapshot&x=a+b&m=7.75T&s=0.0048&bear=0.455&base=0.628&moon=0.8025&tiers=500B,7.75T,15.5T&h=max&t=2.5',
    );
    expect(serializeScenarioSearch(params, new URLSearchParams({ source: 'coingecko' }))).toMatch(/^\?source=coingecko&m=/);
  });

  it('rounds share to 4 significant digits and captures to 4 decimals, and clamps', () => {
    const search = serializeScenarioSearch(withDefaults({ share: 0.00481234567, captures: { bear: 0.123456, base: 0.75, moon: 7 }, marketSize: 1e15 }));
    expect(search).toBe('?m=100T&s=0.004812&bear=0.1235&moon=3');
  });

  it.each([
    [16 * T, '16T'],
    [7.75 * T, '7.75T'],
    [0.5 * T, '500B'],
    [16.2 * T, '16.2T'],
    [16123456789012.5, '16123456789012.5'],
    [1e18, '1e18'],
    [5, '5'],
  ])('writes %d as %s', (usd, text) => {
    expect(usdForUrl(usd)).toBe(text);
    expect(clean(`?tiers=${text}`).tiers).toEqual([usd]);
  });
});

// Valid params as the store holds them: in range, share with 4 significant digits, captures with 4 decimals.
const marketSizeArb = fc.oneof(
  logDouble(MARKET_SIZE_RANGE.min, MARKET_SIZE_RANGE.max),
  fc.integer({ min: 5, max: 1000 }).map((n) => n * 1e11),
  fc.constantFrom(MARKET_SIZE_RANGE.min, MARKET_SIZE_RANGE.max, 16 * T),
);
const shareArb = fc.option(
  logDouble(SHARE_RANGE.min, SHARE_RANGE.max).map((x) => Number(x.toPrecision(4))),
  { nil: null },
);
const capturesArb = fc
  .tuple(...[0, 1, 2].map(() => fc.integer({ min: 0, max: CAPTURE_RANGE.max * 1e4 })))
  .map((ks) => ks.map((k) => k / 1e4).sort((a, b) => a - b))
  .map(([bear = 0, base = 0, moon = 0]) => ({ bear, base, moon }));
const tierArb = fc.oneof(
  logDouble(LIMITS.marketSize.min, LIMITS.marketSize.max),
  fc.integer({ min: 1, max: 400 }).map((n) => n * 1e11),
);
const tiersArb = fc.uniqueArray(tierArb, { minLength: 1, maxLength: 12 }).map((ts) => ts.sort((a, b) => a - b));
const paramsArb: fc.Arbitrary<ScenarioParams> = fc.record({
  marketSize: marketSizeArb,
  share: shareArb,
  captures: capturesArb,
  tiers: tiersArb,
  horizon: fc.constantFrom('circ' as const, 'max' as const),
  target: fc.option(logDouble(LIMITS.targetPrice.min, LIMITS.targetPrice.max), { nil: null }),
});

const ADVERSARIAL = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '0',
  '-0',
  '1e999',
  '-1e999',
  '1e-999',
  '1e308',
  '9'.repeat(400),
  '<script>alert(1)</script>',
  '%',
  '%%',
  '%E0%A4%A',
  '',
  ' ',
  '+',
  '.',
  'e5',
  '1e',
  '0x1F',
  '1_000',
  '١٦',
  '16T',
  '16 T',
  '200T',
  '0.0048',
  '0.48%',
  '9%',
  'max',
  'circ',
  '8T,16T',
  ',,,',
  '8T,abc,1e999,-1,2000Q',
  '\u0000',
  '\uD800',
  '🚀🚀',
  'null',
  'undefined',
  '{}',
  '[]',
];
const keyArb = fc.oneof(fc.constantFrom('m', 's', 'bear', 'base', 'moon', 'tiers', 'h', 'source', 'M', ''), fc.string());
const valueArb = fc.oneof(
  fc.constantFrom(...ADVERSARIAL),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.double().map(String),
  fc.array(fc.oneof(fc.constantFrom(...ADVERSARIAL), fc.double().map(String)), { maxLength: 30 }).map((a) => a.join(',')),
);
const garbageSearchArb = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc
    .array(fc.tuple(keyArb, valueArb, fc.boolean()), { maxLength: 12 })
    // Half the pairs raw, half form-encoded (URLSearchParams, which also survives lone surrogates).
    .map((pairs) => `?${pairs.map(([k, v, encode]) => (encode ? new URLSearchParams([[k, v]]).toString() : `${k}=${v}`)).join('&')}`),
);

function expectValid(p: ScenarioParams): void {
  expect(Number.isFinite(p.marketSize)).toBe(true);
  expect(p.marketSize).toBeGreaterThanOrEqual(MARKET_SIZE_RANGE.min);
  expect(p.marketSize).toBeLessThanOrEqual(MARKET_SIZE_RANGE.max);
  if (p.share !== null) {
    expect(Number.isFinite(p.share)).toBe(true);
    expect(p.share).toBeGreaterThanOrEqual(SHARE_RANGE.min);
    expect(p.share).toBeLessThanOrEqual(SHARE_RANGE.max);
  }
  for (const c of [p.captures.bear, p.captures.base, p.captures.moon]) {
    expect(Number.isFinite(c)).toBe(true);
    expect(c).toBeGreaterThanOrEqual(CAPTURE_RANGE.min);
    expect(c).toBeLessThanOrEqual(CAPTURE_RANGE.max);
  }
  expect(p.captures.bear).toBeLessThanOrEqual(p.captures.base);
  expect(p.captures.base).toBeLessThanOrEqual(p.captures.moon);
  expect(p.tiers.length).toBeGreaterThanOrEqual(1);
  expect(p.tiers.length).toBeLessThanOrEqual(12);
  p.tiers.forEach((t, i) => {
    expect(Number.isFinite(t)).toBe(true);
    expect(t).toBeGreaterThanOrEqual(LIMITS.marketSize.min);
    expect(t).toBeLessThanOrEqual(LIMITS.marketSize.max);
    if (i > 0) expect(t).toBeGreaterThan(p.tiers[i - 1] ?? Number.NaN);
  });
  expect(['circ', 'max']).toContain(p.horizon);
}

// `FUZZ_RUNS=100000` runs take longer than the default 5 s.
describe('properties', { timeout: 600_000 }, () => {
  it('round trip: parse(serialize(p)) equals p with no notices', () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        const search = serializeScenarioSearch(p);
        expect(search === '' || search.startsWith('?')).toBe(true);
        const { params, notices } = parseScenarioSearch(search);
        expect({ params, notices }).toEqual({ params: p, notices: [] });
      }),
      { numRuns },
    );
  });

  it("round trip with a token's own captures: the link leaves them out, and a reader gets back what was shown", () => {
    fc.assert(
      fc.property(paramsArb, capturesArb, fc.boolean(), (p, other, useOwn) => {
        const own = useOwn ? p.captures : other;
        const search = serializeScenarioSearch(p, '', own);
        const read = parseScenarioSearch(search);
        // A reader without captures in the link uses the token's own (the store's adoptOwnCaptures).
        const shown = read.capturesInLink ? read.params.captures : own;
        expect(shown).toEqual(p.captures);
        if (useOwn) expect(new URLSearchParams(search).has('base')).toBe(false);
      }),
      { numRuns },
    );
  });

  it('round trip keeps the other keys of base', () => {
    fc.assert(
      fc.property(paramsArb, fc.string(), (p, source) => {
        const search = serializeScenarioSearch(p, new URLSearchParams({ source }));
        expect(new URLSearchParams(search).get('source')).toBe(source);
        expect(parseScenarioSearch(search).params).toEqual(p);
      }),
      { numRuns },
    );
  });

  it('garbage never throws and always yields valid, finite, ordered params', () => {
    fc.assert(
      fc.property(garbageSearchArb, (search) => {
        const { params, notices } = parseScenarioSearch(search);
        expectValid(params);
        for (const n of notices) expect(n.length).toBeLessThan(200);
        // What garbage parses to is itself a valid scenario: writing it and reading it back is clean.
        expect(parseScenarioSearch(serializeScenarioSearch(params, search))).toMatchObject({ params, notices: [] });
      }),
      { numRuns },
    );
  });
});
