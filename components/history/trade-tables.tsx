import { Badge } from "@/components/ui/badge";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { formatTime, label, price, size, tone, usd, usdFine } from "./format";
import type { FillPage, OrderPage, PositionPage } from "./types";

/** date over time, so the first column stays narrow on phones */
const When = ({ ms }: { ms: number }) => {
  const [date, time] = formatTime(ms).split(" ");
  return <><span className="block">{date}</span><span className="block text-fg-subtle">{time} UTC</span></>;
};
/** the close's time alone when it was the same UTC day as the open */
const closedAt = (opened: number, closed: number) => {
  const [openDay] = formatTime(opened).split(" ");
  const [day, time] = formatTime(closed).split(" ");
  return day === openDay ? `${time} UTC` : formatTime(closed);
};
const Side = ({ side }: { side: string }) => (side === "buy" ? <Badge tone="positive">Buy</Badge> : <Badge tone="negative">Sell</Badge>);
/** null when the clone has one account: the mode column is left out */
type ModeOf = ((accountId: string) => string | undefined) | null;

export function OrderTable({ rows, modeOf }: { rows: OrderPage["rows"]; modeOf: ModeOf }) {
  return (
    <Table data-testid="history-orders">
      <THead><Tr><Th>When</Th><Th>Asset</Th><Th>Order</Th><Th numeric>Size</Th><Th>Status</Th><Th numeric>Fill price</Th>{modeOf ? <Th>Mode</Th> : null}</Tr></THead>
      <TBody>
        {rows.map((o) => (
          <Tr key={o.id}>
            <Td className="tabular text-xs whitespace-nowrap text-fg-muted"><When ms={o.createdAtMs} /></Td>
            <Td className="font-medium">{o.asset}</Td>
            <Td className="whitespace-nowrap"><Side side={o.side} /> <span className="text-fg-muted">{label(o.purpose)}</span></Td>
            <Td numeric>{size(o.sizeBase)}</Td>
            <Td>
              {o.status === "FILLED" ? <Badge tone="positive">Filled</Badge> : <Badge tone="negative">Rejected</Badge>}
              {o.reason ? <div className="mt-1 max-w-xs text-xs break-words text-negative">{o.reason}</div> : null}
            </Td>
            <Td numeric>{price(o.fillPrice)}</Td>
            {modeOf ? <Td className="text-fg-muted">{label(modeOf(o.accountId) ?? "")}</Td> : null}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

export function FillTable({ rows, modeOf }: { rows: FillPage["rows"]; modeOf: ModeOf }) {
  return (
    <Table data-testid="history-fills">
      <THead><Tr><Th>When</Th><Th>Asset</Th><Th>Order</Th><Th numeric>Price</Th><Th numeric>Size</Th><Th numeric>Notional</Th><Th numeric>Fee</Th><Th numeric>Slippage</Th>{modeOf ? <Th>Mode</Th> : null}</Tr></THead>
      <TBody>
        {rows.map((f) => (
          <Tr key={f.id}>
            <Td className="tabular text-xs whitespace-nowrap text-fg-muted"><When ms={f.timeMs} /></Td>
            <Td className="font-medium">{f.asset}</Td>
            <Td className="whitespace-nowrap"><Side side={f.side} /> <span className="text-fg-muted">{label(f.purpose)}</span></Td>
            <Td numeric>{price(f.price)}</Td>
            <Td numeric>{size(f.sizeBase)}</Td>
            <Td numeric>{usd(f.notionalMicro)}</Td>
            <Td numeric className="text-fg-muted">{usdFine(f.feeMicro)}</Td>
            <Td numeric className="text-fg-muted">{f.slippageBps.toFixed(1)} bps</Td>
            {modeOf ? <Td className="text-fg-muted">{label(modeOf(f.accountId) ?? "")}</Td> : null}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

export function PositionTable({ rows, modeOf }: { rows: PositionPage["rows"]; modeOf: ModeOf }) {
  return (
    <Table data-testid="history-positions">
      <THead>
        <Tr><Th>Opened</Th><Th>Asset</Th><Th>Side</Th><Th numeric>Size</Th><Th numeric>Entry</Th><Th numeric>Exit</Th><Th>State</Th><Th numeric>Fees</Th><Th numeric>Funding</Th><Th numeric>Net PnL</Th>{modeOf ? <Th>Mode</Th> : null}</Tr>
      </THead>
      <TBody>
        {rows.map((p) => (
          <Tr key={p.id}>
            <Td className="tabular text-xs whitespace-nowrap text-fg-muted">
              <When ms={p.openedAtMs} />
              {p.closedAtMs !== null ? <span className="mt-1 block text-fg-subtle">closed {closedAt(p.openedAtMs, p.closedAtMs)}</span> : null}
            </Td>
            <Td className="font-medium">{p.asset}</Td>
            <Td className="whitespace-nowrap">{p.side === "long" ? <Badge tone="positive">Long {p.leverage}x</Badge> : <Badge tone="negative">Short {p.leverage}x</Badge>}</Td>
            <Td numeric>{size(p.sizeBase)}</Td>
            <Td numeric>{price(p.entryPrice)}</Td>
            <Td numeric>{price(p.exitPrice)}</Td>
            <Td className="whitespace-nowrap">
              {p.state === "CLOSED" ? <Badge>Closed</Badge> : <Badge tone="info" dot="pulse">Open</Badge>}
              {p.exitReason ? <div className="mt-1 text-xs text-fg-muted">{label(p.exitReason)}</div> : null}
            </Td>
            <Td numeric className="text-fg-muted">{usdFine(p.feesMicro)}</Td>
            <Td numeric className={tone(p.fundingMicro)}>{usdFine(p.fundingMicro)}</Td>
            <Td numeric className={tone(p.netPnlMicro)}>
              {usd(p.netPnlMicro)}
              {p.state !== "CLOSED" ? <div className="text-xs font-normal text-fg-subtle">at {price(p.lastPrice)}</div> : null}
            </Td>
            {modeOf ? <Td className="text-fg-muted">{label(modeOf(p.accountId) ?? "")}</Td> : null}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
