/**
 * The arrivals forecast: rolling-origin back-tests on seeded synthetic series (the band's coverage and the median's
 * error against the seasonal naive forecast), and the table cases (shape, order of the band, official scaling,
 * municipal share, bad input, the official forecasts' accuracy).
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/domain/random.ts';
import {
  ForecastInputError,
  forecastAccuracy,
  forecastArrivals,
  MIN_HISTORY_MONTHS,
  municipalForecast,
  seasonalNaive,
  type MonthCount,
} from '../../../src/domain/statistics/forecast.ts';

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Marsaglia–Tsang, shape ≥ 1. */
function gamma(random: () => number, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x = 0;
    let v = 0;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v ** 3;
    if (Math.log(random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

function poisson(random: () => number, mean: number): number {
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= random();
  } while (p > limit);
  return k - 1;
}

/** Negative binomial as a gamma–Poisson mixture: variance mean + mean²/size. */
const negativeBinomial = (random: () => number, mean: number, size: number) =>
  poisson(random, (mean * gamma(random, size)) / size);

const SEASON = [0.8, 0.7, 0.8, 0.9, 0.9, 0.9, 1.0, 1.2, 1.3, 1.4, 1.2, 0.9];
const month = (t: number, startYear = 2014) =>
  `${startYear + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;

/** Ten years of months from 2014-01: level(t) × season × negative-binomial noise (size 20). */
function series(seed: number, level: (t: number) => number): MonthCount[] {
  const random = seededRandom(seed);
  return Array.from({ length: 120 }, (_, t) => ({
    month: month(t),
    count: negativeBinomial(random, level(t) * (SEASON[t % 12] ?? 1), 20),
  }));
}

const SERIES: [string, MonthCount[]][] = [
  ['seasonal, level 300', series(1, () => 300)],
  ['trending 60 → 350 (+1.5 %/month), seasonal', series(2, (t) => 60 * Math.exp(0.015 * t))],
  ['level triples (120 → 360) in 2020-07', series(3, (t) => (t < 78 ? 120 : 360))],
  ['level falls to a quarter (400 → 100) in 2020-07', series(4, (t) => (t < 78 ? 400 : 100))],
  ['small counts, level 6', series(5, () => 6)],
];

interface BackTest {
  readonly coverage: number;
  readonly maeModel: number;
  readonly maeNaive: number;
}

/** Origins every month over the last 36 months that have 12 months after them; horizon 12. */
function backTest(history: readonly MonthCount[]): BackTest {
  let covered = 0;
  let held = 0;
  let model = 0;
  let naive = 0;
  for (let origin = history.length - 48; origin < history.length - 12; origin++) {
    const past = history.slice(0, origin);
    const forecast = forecastArrivals(past, 12);
    const baseline = seasonalNaive(past, 12);
    forecast.forEach((m, i) => {
      const outcome = history[origin + i]?.count ?? 0;
      held++;
      if (outcome >= m.p10 && outcome <= m.p90) covered++;
      model += Math.abs(outcome - m.expected);
      naive += Math.abs(outcome - (baseline[i] ?? 0));
    });
  }
  return { coverage: covered / held, maeModel: model / held, maeNaive: naive / held };
}

describe('the arrivals forecast, back-tested', () => {
  it('covers 65–95 % of held-out months with its 80 % band and beats the seasonal naive median error', () => {
    const rows = SERIES.map(([name, history]) => ({ name, ...backTest(history) }));
    console.log(
      [
        'back-test: 36 origins × 12 months ahead per series',
        ...rows.map(
          (r) =>
            `  ${r.name}: coverage ${(100 * r.coverage).toFixed(1)} %, MAE ${r.maeModel.toFixed(1)} vs seasonal naive ${r.maeNaive.toFixed(1)}`,
        ),
      ].join('\n'),
    );
    for (const r of rows) {
      expect(r.coverage, r.name).toBeGreaterThanOrEqual(0.65);
      expect(r.coverage, r.name).toBeLessThanOrEqual(0.95);
      expect(r.maeModel, r.name).toBeLessThanOrEqual(r.maeNaive);
    }
  });
});

const history = SERIES[0]?.[1] ?? [];

describe('forecastArrivals', () => {
  it('gives the horizon’s months after the last one, p10 ≤ expected ≤ p90, all ≥ 0', () => {
    const forecast = forecastArrivals(history, 15);
    expect(forecast.map((m) => m.month)).toEqual(Array.from({ length: 15 }, (_, i) => month(120 + i)));
    for (const m of forecast) {
      expect(m.p10).toBeGreaterThanOrEqual(0);
      expect(m.expected).toBeGreaterThanOrEqual(m.p10);
      expect(m.p90).toBeGreaterThanOrEqual(m.expected);
    }
    // The season is kept: October above February.
    expect(forecast[9]?.expected ?? 0).toBeGreaterThan(forecast[1]?.expected ?? 0);
  });

  it('needs only 36 months and reaches 60 months ahead, the band widening', () => {
    const short = history.slice(0, MIN_HISTORY_MONTHS);
    const forecast = forecastArrivals(short, 60);
    expect(forecast).toHaveLength(60);
    expect(forecast[0]?.month).toBe('2017-01');
    const width = (m: { p10: number; p90: number; expected: number }) => (m.p90 - m.p10) / m.expected;
    expect(width(forecast[59] ?? forecast[0]!)).toBeGreaterThan(width(forecast[0]!));
  });

  it('forecasts a history of zeros as zeros', () => {
    const zeros = Array.from({ length: 36 }, (_, t) => ({ month: month(t), count: 0 }));
    expect(forecastArrivals(zeros, 3)).toEqual([
      { month: '2017-01', expected: 0, p10: 0, p90: 0 },
      { month: '2017-02', expected: 0, p10: 0, p90: 0 },
      { month: '2017-03', expected: 0, p10: 0, p90: 0 },
    ]);
    // An official total where the model expects nothing: a twelfth a month.
    const spread = forecastArrivals(zeros, 12, { year: 2017, total: 60 });
    expect(spread.every((m) => m.expected === 5 && m.p10 === 5 && m.p90 === 5)).toBe(true);
  });

  it('sets the official year’s level by its total, the band alike, other years untouched', () => {
    const past = history.slice(0, 116); // to 2023-08: 8 months of 2023 known
    const plain = forecastArrivals(past, 12);
    const modelYear = plain.reduce((s, m) => s + m.expected, 0);
    const scaled = forecastArrivals(past, 12, { year: 2023, total: 2 * modelYear });
    const in2023 = scaled.filter((m) => m.month.startsWith('2023'));
    expect(in2023.map((m) => m.month)).toEqual(['2023-09', '2023-10', '2023-11', '2023-12']);
    scaled.forEach((m, i) => {
      const before = plain[i]!;
      const f = m.month.startsWith('2023') ? 2 : 1;
      expect(m.expected).toBeCloseTo(before.expected * f, 9);
      expect(m.p10).toBeCloseTo(before.p10 * f, 9);
      expect(m.p90).toBeCloseTo(before.p90 * f, 9);
    });
  });

  it('takes the official figure as a yearly pace, never as a gap for the last months to make up', () => {
    const past = history.slice(0, 119); // to 2023-11: only December of 2023 left
    const plain = forecastArrivals(past, 12);
    const modelYear = plain.reduce((s, m) => s + m.expected, 0);
    const december = forecastArrivals(past, 12, { year: 2023, total: modelYear })[0];
    // The official total equal to the model's year leaves December as the model has it, whatever has arrived.
    expect(december?.month).toBe('2023-12');
    expect(december?.expected).toBeCloseTo(plain[0]?.expected ?? 0, 9);
  });

  it('scales by the model year also when the horizon stops within the official year', () => {
    const past = history.slice(0, 108); // to 2022-12
    const full = forecastArrivals(past, 12, { year: 2023, total: 5000 });
    expect(full.reduce((s, m) => s + m.expected, 0)).toBeCloseTo(5000, 9);
    expect(forecastArrivals(past, 3, { year: 2023, total: 5000 })).toEqual(full.slice(0, 3));
    // A year outside the forecast changes nothing.
    expect(forecastArrivals(past, 12, { year: 2025, total: 1 })).toEqual(forecastArrivals(past, 12));
  });

  it('refuses a history it cannot forecast from, naming the row', () => {
    const cases: [MonthCount[], RegExp, number | null][] = [
      [history.slice(0, 35), /35 months of history; a forecast needs at least 36/, null],
      [[...history.slice(0, 40), { month: '2017-07', count: 1 }], /2017-07 does not follow 2017-04/, 40],
      [[{ month: '2014-1', count: 1 }, ...history.slice(1, 40)], /"2014-1" is not written YYYY-MM/, 0],
      [
        history.slice(0, 40).map((m, i) => (i === 5 ? { ...m, count: -1 } : m)),
        /count -1 for 2014-06 is not a whole number/,
        5,
      ],
      [history.slice(0, 40).map((m, i) => (i === 6 ? { ...m, count: 2.5 } : m)), /count 2.5/, 6],
    ];
    for (const [bad, message, index] of cases) {
      expect(() => forecastArrivals(bad, 12)).toThrow(message);
      try {
        forecastArrivals(bad, 12);
      } catch (error) {
        expect(error).toBeInstanceOf(ForecastInputError);
        expect((error as ForecastInputError).index).toBe(index);
      }
    }
    expect(() => forecastArrivals(history, 0)).toThrow(/horizon 0/);
    expect(() => forecastArrivals(history, 1.5)).toThrow(/horizon 1.5/);
    expect(() => forecastArrivals(history, 12, { year: 2024, total: -1 })).toThrow(/official forecast -1/);
  });
});

describe('municipalForecast and seasonalNaive', () => {
  it('gives a municipality its share per mille of the median and the band', () => {
    const national = [{ month: '2025-01', expected: 200, p10: 100, p90: 400 }];
    const [share] = municipalForecast(national, 9.45);
    expect(share?.month).toBe('2025-01');
    expect(share?.expected).toBeCloseTo(1.89, 12);
    expect(share?.p10).toBeCloseTo(0.945, 12);
    expect(share?.p90).toBeCloseTo(3.78, 12);
    expect(municipalForecast(national, 0)).toEqual([{ month: '2025-01', expected: 0, p10: 0, p90: 0 }]);
    expect(() => municipalForecast(national, -1)).toThrow(/share -1/);
  });

  it('the baseline repeats the last year’s months', () => {
    const h = Array.from({ length: 36 }, (_, t) => ({ month: month(t), count: t }));
    expect(seasonalNaive(h, 14)).toEqual([24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 24, 25]);
  });
});

describe('forecastAccuracy', () => {
  it('measures the official forecasts against the outcome: 2015 far too low, 2016 close', () => {
    const outcomes = new Map([
      [2015, 35369],
      [2016, 2199],
    ]);
    const result = forecastAccuracy(
      [
        { year: 2015, publishedOn: '2015-02-04', forecast: 7800 },
        { year: 2016, publishedOn: '2016-10-25', forecast: 2400 },
        { year: 2026, publishedOn: '2025-10-28', forecast: 600 },
      ],
      outcomes,
    );
    expect(result[0]).toMatchObject({ outcome: 35369, error: -27569 });
    expect(result[0]?.relativeError).toBeCloseTo(-0.7795, 4);
    expect(result[1]).toMatchObject({ outcome: 2199, error: 201 });
    expect(result[1]?.relativeError).toBeCloseTo(0.0914, 4);
    expect(result[2]).toEqual({
      year: 2026,
      publishedOn: '2025-10-28',
      forecast: 600,
      outcome: null,
      error: null,
      relativeError: null,
    });
  });
});
