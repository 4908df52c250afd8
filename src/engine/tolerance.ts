/**
 * Utilities are sums of floating-point contributions. Two utilities closer than
 * this many points are the same utility: imported weights such as 0.1 + 0.2 then
 * neither split one frontier point into two nor hide a real difference (real
 * differences in a scenario are many orders of magnitude larger). The engine adds
 * contributions in one fixed order everywhere (see `model.ts`), so equal inputs give
 * bit-identical sums and the tolerance only has to absorb noise from unequal ones.
 */
export const UTILITY_EPSILON = 1e-9;

export function utilitiesEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= UTILITY_EPSILON;
}

/** a is better than b by more than the tolerance. */
export function utilityGreater(a: number, b: number): boolean {
  return a > b + UTILITY_EPSILON;
}
