/**
 * A request-weight budget per minute (Hyperliquid: 1200 weight/min per IP), as a
 * token bucket that refills continuously. Pure: time comes in as an argument.
 */
export class WeightBudget {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perMinute: number,
    now: number,
  ) {
    if (!(perMinute > 0)) throw new Error("perMinute must be positive");
    this.tokens = perMinute;
    this.updatedAt = now;
  }

  /**
   * Takes `weight` from the budget and returns how many ms the caller must wait
   * before sending (0 when the budget covers it now). Reservations queue: the
   * budget may go negative, and later callers wait for the refill behind them.
   */
  reserve(weight: number, now: number): number {
    if (weight > this.perMinute) throw new Error(`weight ${weight} exceeds the budget of ${this.perMinute} per minute`);
    this.refill(now);
    this.tokens -= weight;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.perMinute) * 60_000);
  }

  /** Tokens available now (may be negative while reservations wait). */
  available(now: number): number {
    this.refill(now);
    return this.tokens;
  }

  private refill(now: number) {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.perMinute, this.tokens + (elapsed / 60_000) * this.perMinute);
    this.updatedAt = now;
  }
}
