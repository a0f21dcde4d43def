/**
 * `npm run --silent settle:preview -- FILE` (or `-` for stdin): settles one race,
 * or a JSON array of races, with the rules of lib/domain/parimutuel and prints
 * the result as JSON on stdout, an object for an object and an array for an
 * array. Nothing is read from or written to the database.
 *
 * stdout carries the JSON alone; every problem goes to stderr, one line each,
 * and exits 2 without printing any result (a batch is all or nothing). Races in
 * an array are numbered from 0, like the field paths (`race 2: tickets[0].cloneId`).
 */
import { isDomainError } from "@/lib/domain/errors";
import { MAX_REPORTED_ERRORS, settleRace, validateSettlementInput, type SettlementInput, type SettlementResult } from "@/lib/domain/parimutuel";

export interface Out {
  write(text: string): unknown;
}

export interface SettlePreviewIo {
  stdout: Out;
  stderr: Out;
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const NAME = "settle:preview";

export const USAGE = `Usage: npm run --silent ${NAME} -- FILE     (FILE is - for stdin)

Settles races with the parimutuel rules (PRODUCT.md §8) and prints the results as JSON.
FILE holds one race, or a JSON array of races (an array of results is printed):
  {"entrants":[{"cloneId":"a","creatorId":"u1","finalEquityCents":1012345}, ...],
   "tickets":[{"ticketId":"t1","cloneId":"a","userId":"u9","stakeCents":500}, ...],
   "placeShares":[60,25,15]}            (optional; the default)
Invalid input exits 2 naming the race (from 0) and the field.
`;

export async function runSettlePreview(argv: readonly string[], io: SettlePreviewIo): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  const problem = argumentProblem(argv);
  if (problem) return fail(io, [`${problem}; see \`npm run ${NAME} -- --help\``]);
  const source = argv[0]!;
  const name = source === "-" ? "stdin" : source;

  let text: string;
  try {
    text = source === "-" ? await io.readStdin() : await io.readFile(source);
  } catch (e) {
    return fail(io, [`cannot read ${name}: ${e instanceof Error ? e.message : String(e)}`]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return fail(io, [`${name} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`]);
  }

  const races = Array.isArray(parsed) ? parsed : [parsed];
  const valid: SettlementInput[] = [];
  const problems: string[] = [];
  races.forEach((race, i) => {
    const checked = validateSettlementInput(race);
    if (checked.ok) return valid.push(checked.input);
    const prefix = Array.isArray(parsed) ? `race ${i}: ` : "";
    for (const e of checked.errors) problems.push(`${prefix}${e.field ? `${e.field}: ` : ""}${e.message}`);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED_ERRORS);
    if (problems.length > shown.length || problems.length === MAX_REPORTED_ERRORS) shown.push(`(only the first ${MAX_REPORTED_ERRORS} problems are listed)`);
    return fail(io, shown);
  }

  let results: ReturnType<typeof previewJson>[];
  try {
    results = valid.map((race) => previewJson(settleRace(race)));
  } catch (e) {
    io.stderr.write(`${NAME} failed: ${isDomainError(e) ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.failed;
  }
  io.stdout.write(`${JSON.stringify(Array.isArray(parsed) ? results : results[0])}\n`);
  return EXIT.ok;
}

function argumentProblem(argv: readonly string[]): string | null {
  if (argv.length === 0) return "missing FILE (a path, or - for stdin)";
  if (argv.length > 1) return `expected one FILE, got ${argv.length} arguments: ${argv.join(" ")}`;
  const [arg] = argv as [string];
  if (arg.startsWith("-") && arg !== "-") return `unknown option ${arg}`;
  if (arg === "") return "FILE is empty";
  return null;
}

function fail(io: SettlePreviewIo, lines: string[]): number {
  io.stderr.write(lines.map((line) => `${NAME}: ${line}\n`).join(""));
  return EXIT.usage;
}

/** The printed shape: exactly these keys in this order, whatever SettlementResult grows. */
function previewJson(r: SettlementResult) {
  return {
    grossCents: r.grossCents,
    rakeCents: r.rakeCents,
    creatorPoolCents: r.creatorPoolCents,
    distributionCents: r.distributionCents,
    breakageCents: r.breakageCents,
    refund: r.refund,
    ranking: r.ranking.map(({ cloneId, place }) => ({ cloneId, place })),
    ticketPayouts: r.ticketPayouts.map(({ ticketId, payoutCents }) => ({ ticketId, payoutCents })),
    creatorPayouts: r.creatorPayouts.map(({ creatorId, payoutCents }) => ({ creatorId, payoutCents })),
  };
}
