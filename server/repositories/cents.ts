/** Money is BigInt in the database and a safe-integer number of cents in TypeScript. */
export function toCents(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`amount ${value} is outside the safe integer range`);
  return n;
}
