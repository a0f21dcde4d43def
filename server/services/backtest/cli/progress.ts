/**
 * A backtest's progress on stderr: on a terminal one line redrawn with `\r`; in a
 * log a plain line every tenth of the way (carriage returns make logs unreadable).
 */
export interface Out {
  write(text: string): unknown;
  isTTY?: boolean;
}

const WIDTH = 24;

export class BacktestProgress {
  private lastDecile = -1;
  private drawn = false;
  private readonly started: number;

  constructor(
    private readonly out: Out,
    private readonly label: string,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  update(fraction: number): void {
    const f = Math.min(1, Math.max(0, fraction));
    const line = `${this.label} ${this.out.isTTY ? `[${"#".repeat(Math.round(f * WIDTH)).padEnd(WIDTH, ".")}] ` : ""}${Math.floor(f * 100)}% · ${((this.now() - this.started) / 1000).toFixed(1)}s`;
    if (this.out.isTTY) {
      this.out.write(`\r${line}\x1b[K`);
      this.drawn = true;
      return;
    }
    const decile = Math.floor(f * 10);
    if (decile > this.lastDecile) {
      this.lastDecile = decile;
      this.out.write(`${line}\n`);
    }
  }

  finish(): void {
    if (this.out.isTTY && this.drawn) this.out.write("\n");
    this.drawn = false;
  }
}
