/**
 * `npm run bench` lists the benchmarks; `npm run bench -- NAME [args]` runs one.
 * Its last line of output is one line of JSON with its figures.
 */
import { backtestBenchmark } from "./backtest";
import { decisionBenchmark } from "./decision";
import { ingestBenchmark } from "./ingest";
import { ledgerBenchmark } from "./ledger";
import { purchaseBenchmark } from "./purchase";
import { settleBenchmark } from "./settle";
import { tickBenchmark } from "./tick";
import type { Benchmark } from "./harness";

const BENCHMARKS: Benchmark[] = [ledgerBenchmark, ingestBenchmark, decisionBenchmark, tickBenchmark, backtestBenchmark, settleBenchmark, purchaseBenchmark];

const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.log("Benchmarks (npm run bench -- NAME):");
  for (const b of BENCHMARKS) console.log(`  ${b.name.padEnd(12)} ${b.description}`);
  process.exit(0);
}
const bench = BENCHMARKS.find((b) => b.name === name);
if (!bench) {
  console.error(`Unknown benchmark "${name}". Known: ${BENCHMARKS.map((b) => b.name).join(", ")}`);
  process.exit(2);
}
console.log(`# ${bench.name}: ${bench.description}\n`);
const figures = await bench.run(args);
console.log(JSON.stringify(figures));
