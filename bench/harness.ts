/**
 * Benchmarks print a readable table and, as their very last line, one line of JSON
 * with their figures. Figures are compared against a baseline measured in the same
 * run (ratios), because machines are noisy.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type PrismaClient } from "@/server/db";
import { migrate } from "@/server/db/migrate";

export interface Benchmark {
  name: string;
  description: string;
  run(args: string[]): Promise<Record<string, unknown>>;
}

export interface Measurement {
  label: string;
  count: number;
  ms: number;
}

export async function measure(label: string, count: number, fn: (i: number) => Promise<unknown>): Promise<Measurement> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await fn(i);
  return { label, count, ms: performance.now() - started };
}

export const perSecond = (m: Measurement) => (m.count / m.ms) * 1000;

export function printTable(rows: Record<string, string | number>[]): void {
  const headers = Object.keys(rows[0] ?? {});
  const cells = rows.map((r) => headers.map((h) => String(r[h])));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ");
  console.log(line(headers));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const c of cells) console.log(line(c));
}

/** A fresh, migrated SQLite file in a temp folder, removed by cleanup(). */
export async function scratchDatabase(): Promise<{ db: PrismaClient; url: string; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clash-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrate({ url });
  const db = createDb({ url });
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
