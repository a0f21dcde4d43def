/** The decision run as readable text: the outcome first and last, the long parts (prompt, response) in between. */
import type { DecisionReport, StreamDigest } from "./report";

const num = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(7))));
const usd = (v: number) => `$${v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 })}`;
const json = (v: unknown) => JSON.stringify(v, null, 2) ?? "null";

function indicatorValue(v: unknown): string {
  if (typeof v === "number") return num(v);
  if (v === null || v === undefined) return "n/a";
  if (typeof v === "object") return `{${Object.entries(v).map(([k, x]) => `${k} ${indicatorValue(x)}`).join(", ")}}`;
  return String(v);
}

function streamRows(streams: StreamDigest[]): string[] {
  const rows = [
    ["asset", "stream", "dataset", "granularity", "freshness", "points", "indicators"],
    ...streams.map((s) => [
      s.asset, `${s.blockId}${s.included ? "" : " (not in prompt)"}`, s.dataset, s.granularity,
      s.freshness.status === "ok" ? `ok, as of ${s.freshness.asOf}` : `${s.freshness.status}: ${s.freshness.reason ?? ""}`,
      String(s.points),
      Object.entries(s.indicators).map(([k, v]) => `${k}=${indicatorValue(v)}`).join("  ") || "-",
    ]),
  ];
  const widths = rows[0]!.map((_h, i) => Math.max(...rows.map((r) => r[i]!.length)));
  // the last column runs free: indicator lists are long and padding them helps nobody
  return rows.map((r) => `  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  ")}`.trimEnd());
}

function outcome(r: DecisionReport): string {
  return r.reason ? `${r.status}: ${r.reason}` : r.status;
}

export function renderReport(r: DecisionReport): string {
  const c = r.clone;
  const lines = [
    `Decision run ${r.runId}: ${outcome(r)}`,
    ...(r.replayed ? ["  (this slot had been decided before: the stored run is shown, nothing new was decided)"] : []),
    "",
    `Clone      ${c.name} (${c.id}), version ${c.version}`,
    ...(c.throwaway ? [`           THROWAWAY clone made for this run from template "${c.templateId}", owned by the system user ${c.owner}`] : []),
    `Account    ${r.account.mode} ${r.account.id} (scope ${r.account.scopeKey}): orders are logged, never sent`,
    `Decision   ${r.asset} at ${r.decisionTime}`,
    `Model      ${r.provider} / ${r.model}; ${r.latencyMs} ms; tokens in ${r.tokens.input}, out ${r.tokens.output}, cache read ${r.tokens.cacheRead}, cache write ${r.tokens.cacheWrite}; cost ${usd(r.costUsd)}`,
    `Monitor    before deciding: ${r.monitor.exits.length} exit(s), ${r.monitor.fundingHours} funding hour(s) booked`,
    ...r.monitor.exits.map((e) => `             position ${e.positionId} closed at ${num(e.price)}: ${e.reason}`),
    "",
    `Context    last price ${r.context.lastPrice === null ? "unknown" : num(r.context.lastPrice)}`,
    ...streamRows(r.context.streams),
    ...r.context.problems.map((p) => `  problem: ${p.asset} ${p.blockId} ${p.status}: ${p.reason}`),
    "",
    "--- prompt ---",
    r.prompt,
    "--- response ---",
    json(r.response),
    "--- action ---",
    json(r.action),
    "--- validation ---",
    json(r.validation),
    "---",
    ...r.orders.filter((o) => o.status !== "FILLED").map((o) => `Order      ${o.purpose} ${o.side} ${num(o.sizeBase)} ${r.asset}: ${o.status}${o.reason ? ` (${o.reason})` : ""}`),
    ...(r.fills.length === 0
      ? ["Fill       none"]
      : r.fills.map((f) => `Fill       ${f.side} ${num(f.sizeBase)} ${r.asset} at ${num(f.price)}: notional ${usd(f.notionalUsd)}, fee ${usd(f.feeUsd)}, slippage ${num(f.slippageBps)} bps`)),
    ...r.dryRunOrders.map((p) => `Dry run    would send (not sent): ${JSON.stringify(p)}`),
    `Outcome    ${outcome(r)}`,
  ];
  return `${lines.join("\n")}\n`;
}
