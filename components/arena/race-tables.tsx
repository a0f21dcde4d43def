"use client";

import { useState } from "react";
import { DecisionStatusBadge } from "@/components/clones/decision-status-badge";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Credits } from "@/components/ui/credits";
import { Table, TableEmpty, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { CloneAvatar } from "./clone-avatar";
import { baseSize, formatClock, formatReturnPct, label, multiplier, ordinal, price, signedUsdCents, toneOf, usdCents, usdMicro } from "./format";
import type { RaceRow, RaceView } from "./types";

const Clone = ({ name, avatar, sub }: { name: string; avatar: string; sub?: string }) => (
  <div className="flex min-w-0 items-center gap-2">
    <CloneAvatar avatar={avatar} name={name} size="sm" />
    <div className="min-w-0">
      <div className="truncate font-medium text-fg">{name}</div>
      {sub ? <div className="truncate text-xs text-fg-subtle">{sub}</div> : null}
    </div>
  </div>
);

const Side = ({ side, leverage }: { side: string; leverage: number }) =>
  side === "long" ? <Badge tone="positive">Long {leverage}x</Badge> : <Badge tone="negative">Short {leverage}x</Badge>;

/** The standings: place once settled, rank by equity before. */
export function Leaderboard({ rows, settled }: { rows: RaceRow[]; settled: boolean }) {
  const placeCount = new Map<number, number>();
  for (const r of rows) if (r.place !== null) placeCount.set(r.place, (placeCount.get(r.place) ?? 0) + 1);
  return (
    <Table data-testid="leaderboard" aria-label="Leaderboard">
      <THead>
        <Tr>
          <Th className="w-12">{settled ? "Place" : "#"}</Th>
          <Th>Clone</Th>
          <Th numeric>Return</Th>
          <Th numeric>Equity</Th>
          <Th numeric>PnL</Th>
          <Th numeric>Fees</Th>
          <Th numeric>Win rate</Th>
          <Th numeric>Sharpe</Th>
          <Th numeric>Max DD</Th>
          <Th numeric>Trades</Th>
          <Th numeric>Stake</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.length === 0 ? (
          <TableEmpty colSpan={11}>No entrant.</TableEmpty>
        ) : (
          rows.map((r, i) => {
            const tie = r.place !== null && (placeCount.get(r.place) ?? 0) > 1;
            return (
              <Tr key={r.cloneId} data-testid="leaderboard-row">
                <Td className="tabular font-semibold whitespace-nowrap">
                  {r.place !== null ? (
                    <span className={r.place <= 3 ? "text-accent" : "text-fg-muted"}>
                      {ordinal(r.place)}
                      {tie ? <span className="ml-1 text-xs font-normal text-fg-subtle">tie</span> : null}
                    </span>
                  ) : (
                    <span className="text-fg-muted">{i + 1}</span>
                  )}
                </Td>
                <Td className="min-w-40">
                  <Clone name={r.name} avatar={r.avatar} sub={r.creator ? `by ${r.creator}` : undefined} />
                </Td>
                <Td numeric className={`font-medium ${toneOf(r.returnPct)}`}>{formatReturnPct(r.returnPct)}</Td>
                <Td numeric>{usdCents(r.equityCents)}</Td>
                <Td numeric className={toneOf(r.pnlCents)}>{signedUsdCents(r.pnlCents)}</Td>
                <Td numeric className="text-fg-muted">{usdCents(r.feesCents)}</Td>
                <Td numeric>{r.winRate === null ? <span className="text-fg-subtle">–</span> : `${Math.round(r.winRate * 100)}%`}</Td>
                <Td numeric>{r.sharpe === null || !Number.isFinite(r.sharpe) ? <span className="text-fg-subtle">–</span> : r.sharpe.toFixed(2)}</Td>
                <Td numeric className={r.maxDrawdownPct > 0 ? "text-negative" : "text-fg-muted"}>{r.maxDrawdownPct > 0 ? `−${r.maxDrawdownPct.toFixed(2)}%` : "0.00%"}</Td>
                <Td numeric>
                  {r.trades}
                  {r.openPositions > 0 ? <span className="ml-1 text-xs text-fg-subtle">+{r.openPositions} open</span> : null}
                </Td>
                <Td numeric>
                  <Credits cents={r.stakeCents} />
                  <div className="text-xs text-fg-subtle">{r.ticketCount} {r.ticketCount === 1 ? "ticket" : "tickets"}</div>
                </Td>
              </Tr>
            );
          })
        )}
      </TBody>
    </Table>
  );
}

export function OpenPositions({ rows }: { rows: RaceView["positions"] }) {
  return (
    <Table data-testid="race-positions" aria-label="Open positions">
      <THead>
        <Tr><Th>Clone</Th><Th>Asset</Th><Th>Side</Th><Th numeric>Size</Th><Th numeric>Entry</Th><Th numeric>Last</Th><Th numeric>Opened</Th></Tr>
      </THead>
      <TBody>
        {rows.length === 0 ? (
          <TableEmpty colSpan={7}>No open position right now.</TableEmpty>
        ) : (
          rows.map((p) => (
            <Tr key={p.id}>
              <Td className="min-w-40"><Clone name={p.name} avatar={p.avatar} /></Td>
              <Td className="font-medium">{p.asset}</Td>
              <Td className="whitespace-nowrap"><Side side={p.side} leverage={p.leverage} /></Td>
              <Td numeric>{baseSize(p.sizeBase)}</Td>
              <Td numeric>{price(p.entryPrice)}</Td>
              <Td numeric>{price(p.lastPrice)}</Td>
              <Td numeric className="text-xs text-fg-muted">{formatClock(p.openedAt)}</Td>
            </Tr>
          ))
        )}
      </TBody>
    </Table>
  );
}

const EXIT: Record<string, string> = { STOP_TRIGGERED: "stop", TP_TRIGGERED: "take-profit", EXPIRY: "race end", CLOSE_SIGNAL: "closed by clone" };

export function CompletedTrades({ rows }: { rows: RaceView["trades"] }) {
  return (
    <Table data-testid="race-trades" aria-label="Completed trades">
      <THead>
        <Tr><Th>Clone</Th><Th>Asset</Th><Th>Side</Th><Th numeric>Entry</Th><Th numeric>Exit</Th><Th numeric>Net PnL</Th><Th>Why it closed</Th><Th numeric>Closed</Th></Tr>
      </THead>
      <TBody>
        {rows.length === 0 ? (
          <TableEmpty colSpan={8}>No trade has closed yet.</TableEmpty>
        ) : (
          rows.map((t) => {
            const net = t.realizedPnlMicro - t.feesMicro + t.fundingMicro;
            return (
              <Tr key={t.id}>
                <Td className="min-w-40"><Clone name={t.name} avatar={t.avatar} /></Td>
                <Td className="font-medium">{t.asset}</Td>
                <Td className="whitespace-nowrap"><Side side={t.side} leverage={t.leverage} /></Td>
                <Td numeric>{price(t.entryPrice)}</Td>
                <Td numeric>{price(t.exitPrice)}</Td>
                <Td numeric className={toneOf(net)}>
                  {net > 0 ? "+" : ""}{usdMicro(net)}
                  <div className="text-xs font-normal text-fg-subtle">fees {usdMicro(t.feesMicro)}</div>
                </Td>
                <Td className="text-fg-muted whitespace-nowrap">{t.exitReason ? (EXIT[t.exitReason] ?? label(t.exitReason)) : "–"}</Td>
                <Td numeric className="text-xs text-fg-muted">{t.closedAt ? formatClock(t.closedAt) : "–"}</Td>
              </Tr>
            );
          })
        )}
      </TBody>
    </Table>
  );
}

const ACTIONS: Record<string, { tone: Tone; label: string }> = {
  open_long: { tone: "positive", label: "Open long" },
  open_short: { tone: "negative", label: "Open short" },
  close: { tone: "info", label: "Close" },
  hold: { tone: "neutral", label: "Hold" },
};

const FEED_SHOWN = 12;

/** What each clone decided, newest first, with its reasoning (as text) or why nothing was traded. */
export function ReasoningFeed({ items }: { items: RaceView["feed"] }) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FEED_SHOWN);
  return (
    <>
      <ul className="divide-y divide-line" data-testid="reasoning-feed" aria-label="Reasoning feed">
        {shown.map((d) => {
          const action = d.action ? ACTIONS[d.action] : undefined;
          return (
            <li key={d.id} className="flex gap-3 px-4 py-3.5 sm:px-5" data-testid="feed-item">
              <CloneAvatar avatar={d.avatar} name={d.name} />
              <div className="min-w-0 flex-1">
                <div className="flex items-start gap-3">
                  <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                    <span className="font-semibold text-fg">{d.name}</span>
                    <span className="text-fg-muted">{d.asset}</span>
                    {d.status === "ACTION" && action ? <Badge tone={action.tone}>{action.label}</Badge> : <DecisionStatusBadge status={d.status} />}
                    {d.status !== "ACTION" && action && d.action !== "hold" ? <span className="text-xs text-fg-subtle">wanted to {action.label.toLowerCase()}</span> : null}
                  </div>
                  <time dateTime={new Date(d.time).toISOString()} className="tabular shrink-0 pt-0.5 text-xs text-fg-subtle">
                    {new Date(d.time).toISOString().slice(11, 19)}
                  </time>
                </div>
                {/* the model's reasoning is text: rendered as text, never as markup */}
                <p className="mt-1 text-sm break-words whitespace-pre-wrap text-fg-muted">{d.reasoning ?? d.reason ?? "No reasoning was recorded."}</p>
                {d.reasoning && d.reason && d.status !== "HOLD" && d.status !== "ACTION" ? <p className="mt-1 text-xs break-words text-negative">{d.reason}</p> : null}
              </div>
            </li>
          );
        })}
      </ul>
      {items.length > FEED_SHOWN ? (
        <div className="border-t border-line px-4 py-2 sm:px-5">
          <Button variant="ghost" size="sm" onClick={() => setAll(!all)}>
            {all ? "Show fewer" : `Show all ${items.length} decisions`}
          </Button>
        </div>
      ) : null}
    </>
  );
}

const SHOWN = 25;

/** Every ticket of a finished race with what it was paid back, biggest first. */
export function PayoutTable({ rows, names, refund }: { rows: RaceView["payouts"]; names: Map<string, { name: string; avatar: string }>; refund: boolean }) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, SHOWN);
  return (
    <div className="flex flex-col gap-3">
      <Table data-testid="payouts" aria-label={refund ? "Refunds" : "Payouts"}>
        <THead>
          <Tr><Th>Ticket</Th><Th>Backer</Th><Th>Clone</Th><Th numeric>Stake</Th><Th numeric>{refund ? "Refund" : "Payout"}</Th></Tr>
        </THead>
        <TBody>
          {rows.length === 0 ? (
            <TableEmpty colSpan={5}>No ticket was bought on this race.</TableEmpty>
          ) : (
            shown.map((p) => {
              const clone = names.get(p.cloneId);
              return (
                <Tr key={p.ticketId} data-testid="payout-row">
                  <Td className="font-mono text-xs text-fg-muted" title={p.ticketId}>{p.ticketId.slice(-8)}</Td>
                  <Td className="whitespace-nowrap">{p.backer || "–"}</Td>
                  <Td className="min-w-40">{clone ? <Clone name={clone.name} avatar={clone.avatar} /> : "–"}</Td>
                  <Td numeric><Credits cents={p.stakeCents} /></Td>
                  <Td numeric className={p.payoutCents > 0 ? "font-medium text-positive" : "text-fg-subtle"}>
                    <Credits cents={p.payoutCents} />
                    {p.payoutCents > 0 && p.stakeCents > 0 ? <div className="text-xs font-normal text-fg-subtle">{multiplier(p.payoutCents / p.stakeCents)}</div> : null}
                  </Td>
                </Tr>
              );
            })
          )}
        </TBody>
      </Table>
      {rows.length > SHOWN ? (
        <div>
          <Button variant="ghost" size="sm" onClick={() => setAll(!all)}>
            {all ? `Show the first ${SHOWN}` : `Show all ${rows.length.toLocaleString("en-US")} tickets`}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
