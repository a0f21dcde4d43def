/** The runtime assertions (PRODUCT.md §5): pure checks over plain rows, one file each. */
export * from "./outcome";
export { checkActionHasOrder, type DecisionRunRow, type RunOrderRow } from "./action-has-order";
export { checkOrderHasFillOrState, type OrderRow, type OrderFillRow } from "./order-has-fill-or-state";
export { checkPositionsMatchFills, type FillTotalRow, type OpenPositionSizeRow } from "./positions-match-fills";
export { checkEquityIdentity, type AccountTotalsRow } from "./equity-identity";
export { checkInstrumentsInScope, type ScopedPositionRow, type CloneGraphRow } from "./instruments-in-scope";
export { checkNoFutureData, type PacketRunRow, type RunFillRow } from "./no-future-data";
export { checkCapitalCaps, type CappedPositionRow, type CapsInForce } from "./capital-caps";
export { checkHeartbeatsFresh, HEARTBEAT_MAX_AGE_MS, type LeasedJobRow, type WorkerRow } from "./heartbeats-fresh";
