// One benchmark figure, printed beside the baseline measured in the same run.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: string;
  baselineValue: number;
  ratio: number;
  /** Human-readable target, e.g. "≤ 2× baseline". */
  target: string;
  met: boolean;
}

export function figure(
  name: string,
  value: number,
  unit: string,
  baseline: string,
  baselineValue: number,
  maxRatio: number | null,
  target = maxRatio === null ? 'report only' : `≤ ${maxRatio}× baseline`,
): Figure {
  const ratio = baselineValue > 0 ? value / baselineValue : 0;
  const met = maxRatio === null ? true : ratio <= maxRatio;
  return {
    name,
    value: round(value),
    unit,
    baseline,
    baselineValue: round(baselineValue),
    ratio: round(ratio),
    target,
    met,
  };
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Median wall time in ms of `fn` over `runs` runs after `warmup` unmeasured ones. */
export async function time(fn: () => unknown, runs = 15, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}
