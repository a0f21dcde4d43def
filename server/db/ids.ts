/**
 * Ids for rows written with plain SQL (where Prisma's client-side cuid() does not
 * run), shaped like its ids: 25 characters, "c", the time, a counter, randomness.
 */
import { randomFillSync } from "node:crypto";

// random bytes are drawn 4 KB at a time: one draw per id cost ~15 µs of a decision
const pool = Buffer.alloc(4096);
let used = pool.length;
let counter = 0;

export function newId(): string {
  if (used + 8 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const random = pool.readBigUInt64BE(used).toString(36).padStart(12, "0").slice(-12);
  used += 8;
  counter = (counter + 1) % 36 ** 4;
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${random}`;
}
