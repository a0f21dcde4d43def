/**
 * What a decision reads about its account, in ONE statement read straight on the
 * libSQL client (see server/db/reader.ts): the account, its open positions, the clone's
 * newest version number (its graph is immutable, so the service keeps graphs it
 * has parsed) and the stored run of this slot, if it was decided already.
 *
 * The account and its positions travel as JSON built by printf: SQLite 3.45's own
 * JSON renders a double with 15 digits (not the same double back); '%!.17g' writes
 * 17 (the same). The statement is prepared on every call: it is kept to one printf
 * per row rather than an expression per field (~80 µs to prepare, not ~140).
 */
import { readRows, type Db } from "@/server/db";
import { toAccount, toPosition, type AccountRow, type PositionRow, type StoredPosition } from "./paper";

type Kind = "text" | "real" | "real?" | "int" | "int?";
const POSITION_FIELDS: [keyof PositionRow, Kind][] = [
  ["id", "text"], ["asset", "text"], ["side", "text"], ["state", "text"], ["sizeBase", "real"], ["entryPrice", "real"],
  ["entryNotionalMicro", "int"], ["leverage", "real"], ["marginMicro", "int"], ["stopLoss", "real?"], ["takeProfit", "real?"],
  ["trailingStopPct", "real?"], ["trailHigh", "real"], ["trailLow", "real"], ["lastPrice", "real"], ["realizedPnlMicro", "int"],
  ["feesMicro", "int"], ["fundingMicro", "int"], ["fundingThroughHour", "int"], ["exitReason", "text"], ["exitPrice", "real?"],
  ["details", "text"], ["openedAtMs", "int"], ["updatedAtMs", "int"], ["closedAtMs", "int?"],
];
// one printf per position row: the driver prepares the statement on every call, and
// a concatenation of 25 expressions took ~60 µs of it; printf's format, ~5 µs
const FORMAT: Record<Kind, string> = { text: "%s", real: "%!.17g", "real?": "%s", int: "%d", "int?": "%s" };
const arg = (col: string, kind: Kind) => {
  const c = `p."${col}"`;
  if (kind === "text") return `json_quote(${c})`; // a JSON string, or null
  if (kind === "real?") return `iif(${c} IS NULL, 'null', printf('%!.17g', ${c}))`;
  return kind === "int?" ? `coalesce(${c}, 'null')` : c;
};
const POSITION_JSON = `printf('{${POSITION_FIELDS.map(([name, kind]) => `"${name}":${FORMAT[kind]}`).join(",")}}', ${POSITION_FIELDS.map(([name, kind]) => arg(name, kind)).join(", ")})`;

const ACCOUNT_JSON = `printf('{"id":%s,"cloneId":%s,"mode":%s,"scopeKey":%s,"startMicro":%d,"realizedMicro":%d,"feesMicro":%d,"fundingMicro":%d,"peakEquityMicro":%d,"dayStartEquityMicro":%d,"dayStartMs":%d}',
  json_quote(a."id"), json_quote(a."cloneId"), json_quote(a."mode"), json_quote(a."scopeKey"), a."startMicro", a."realizedMicro", a."feesMicro",
  a."fundingMicro", a."peakEquityMicro", a."dayStartEquityMicro", a."dayStartMs")`;

const SQL = `
SELECT ${ACCOUNT_JSON} AS "account",
  (SELECT max("version") FROM "CloneVersion" WHERE "cloneId" = a."cloneId") AS "version",
  (SELECT json_object('id', "id", 'status', "status", 'reason', "reason", 'parsedAction', "parsedAction")
   FROM "DecisionRun" WHERE "accountId" = a."id" AND "asset" = ?2 AND "decisionTimeMs" = ?3) AS "previous",
  (SELECT '[' || group_concat(${POSITION_JSON}, ',' ORDER BY p."openedAtMs") || ']'
   FROM "PaperPosition" p WHERE p."accountId" = a."id" AND p."state" <> 'CLOSED') AS "positions"
FROM "PaperAccount" a WHERE a."id" = ?1`;

interface Row {
  /** JSON: the driver builds each result column twice (~3 µs a column), one column is cheaper than eleven */
  account: string;
  version: bigint | number | null;
  previous: string | null;
  positions: string | null;
}

export interface StoredRun {
  id: string;
  status: string;
  reason: string | null;
  parsedAction: string | null;
}

export interface DecisionInputs {
  account: AccountRow;
  /** open positions, oldest first */
  positions: StoredPosition[];
  /** the clone's newest version, null if it has none */
  version: number | null;
  /** the run already stored for this slot (account, asset, T) */
  previous: StoredRun | null;
}

export async function decisionInputs(db: Db, accountId: string, asset: string, decisionTimeMs: number): Promise<DecisionInputs | null> {
  const [row] = await readRows<Row>(db, SQL, [accountId, asset, BigInt(decisionTimeMs)]);
  if (!row) return null;
  return {
    account: toAccount(JSON.parse(row.account) as Parameters<typeof toAccount>[0]),
    positions: row.positions ? (JSON.parse(row.positions) as PositionRow[]).map(toPosition) : [],
    version: row.version === null ? null : Number(row.version),
    previous: row.previous ? (JSON.parse(row.previous) as StoredRun) : null,
  };
}
