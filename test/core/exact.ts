/**
 * Exact rational arithmetic on doubles, as the independent oracle of the score arithmetic: every
 * finite double is m·2^e with integer m, so sums and products of doubles are exact as BigInts.
 */
export interface Exact {
  /** value = m · 2^e */
  m: bigint;
  e: number;
}

export function exactOf(x: number): Exact {
  if (!Number.isFinite(x)) throw new Error(`not finite: ${x}`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n === 1n ? -1n : 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  // Subnormals have no implicit leading 1 and the exponent of the smallest normal.
  return exponent === 0 ? { m: sign * fraction, e: -1074 } : { m: sign * (fraction | (1n << 52n)), e: exponent - 1075 };
}

export const times = (a: Exact, b: Exact): Exact => ({ m: a.m * b.m, e: a.e + b.e });

export function plus(a: Exact, b: Exact): Exact {
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e };
}

export function minus(a: Exact, b: Exact): Exact {
  return plus(a, { m: -b.m, e: b.e });
}

/**
 * |got − num/den| ≤ relative·|num/den| + absolute, decided exactly (den > 0). The absolute part
 * allows for results below a double's smallest steps, where only absolute error has a meaning.
 */
export function isCloseToRatio(got: number, num: Exact, den: Exact, relative: number, absolute: number): boolean {
  // |got·den − num| against relative·|num| + absolute·den, all as exact values with one common exponent.
  const abs = (v: Exact): Exact => ({ m: v.m < 0n ? -v.m : v.m, e: v.e });
  const error = abs(minus(times(exactOf(got), den), num));
  const allowed = plus(times(exactOf(relative), abs(num)), times(exactOf(absolute), den));
  const e = Math.min(error.e, allowed.e);
  return error.m << BigInt(error.e - e) <= allowed.m << BigInt(allowed.e - e);
}
