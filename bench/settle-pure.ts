/**
 * The pure part of settlement: settleRace over one deterministic race of 8
 * entrants and N tickets (stakes 1–1,000 credits, more tickets on the favourites,
 * a dead heat for 2nd), in memory, no database. Reports the median and best of a
 * few runs after a warm-up, and validateSettlementInput (what the preview CLI
 * adds for JSON from outside) separately.
 *
 *   npx tsx bench/settle-pure.ts [tickets]     (default 1,000,000)
 */
import { mulberry32 } from "@/lib/domain/random";
import { settleRace, validateSettlementInput, type SettlementInput, type SettlementTicket } from "@/lib/domain/parimutuel";

const ENTRANTS = 8;


export function settlePureRace(ticketCount: number, seed = 20_240_601): SettlementInput {
  const random = mulberry32(seed);
  const equities = [1_183_250, 1_097_400, 1_097_400, 1_012_345, 1_000_000, 987_654, 951_020, 903_311];
  const entrants = equities.map((finalEquityCents, i) => ({ cloneId: `clone-${i}`, creatorId: `creator-${i % 6}`, finalEquityCents }));
  // Clone k is picked with weight ENTRANTS − k: the favourites draw more tickets.
  const total = (ENTRANTS * (ENTRANTS + 1)) / 2;
  const tickets: SettlementTicket[] = new Array(ticketCount);
  for (let i = 0; i < ticketCount; i++) {
    let pick = random() * total;
    let c = 0;
    while (c < ENTRANTS - 1 && pick >= ENTRANTS - c) pick -= ENTRANTS - c++;
    tickets[i] = { ticketId: `t-${i}`, cloneId: `clone-${c}`, userId: `u-${Math.floor(random() * 50_000)}`, stakeCents: 100 * (1 + Math.floor(random() * 1000)) - Math.floor(random() * 100) };
  }
  return { entrants, tickets };
}

export interface SettlePureFigures {
  tickets: number;
  entrants: number;
  runs: number;
  settleMedianMs: number;
  settleBestMs: number;
  validateMedianMs: number;
  grossCents: number;
  breakageCents: number;
}

function time(runs: number, fn: () => unknown): number[] {
  fn(); // warm-up: the first call pays for compilation
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    ms.push(performance.now() - started);
  }
  return ms.sort((a, b) => a - b);
}

export function settlePureBench(tickets: number, runs = 5): SettlePureFigures {
  const race = settlePureRace(tickets);
  const result = settleRace(race);
  const settle = time(runs, () => settleRace(race));
  const validate = time(runs, () => {
    if (!validateSettlementInput(race).ok) throw new Error("the benchmark race is invalid");
  });
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    tickets,
    entrants: ENTRANTS,
    runs,
    settleMedianMs: round(settle[Math.floor(runs / 2)]!),
    settleBestMs: round(settle[0]!),
    validateMedianMs: round(validate[Math.floor(runs / 2)]!),
    grossCents: result.grossCents,
    breakageCents: result.breakageCents,
  };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  console.log(JSON.stringify(settlePureBench(Number(process.argv[2] ?? 1_000_000))));
}
