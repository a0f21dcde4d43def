/**
 * A backfill's progress on stderr. On a terminal: one line redrawn in place with
 * `\r`. Redirected to a file or a CI log: a plain line every tenth of the way,
 * because a log full of carriage returns is unreadable.
 */
import type { Out } from "./context";

export interface ProgressState {
  done: number;
  /** chunks expected in all; may be re-estimated as the work goes */
  total: number;
  rows: number;
}

const BAR_WIDTH = 24;

export class ProgressBar {
  private lastDecile = -1;
  private drawn = false;
  private state: ProgressState = { done: 0, total: 1, rows: 0 };
  private readonly startedAt: number;

  constructor(
    private readonly out: Out,
    private readonly label: string,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  update(state: ProgressState): void {
    this.state = { ...state, total: Math.max(state.total, state.done, 1) };
    if (this.out.isTTY) {
      this.out.write(`\r${this.line()}\x1b[K`);
      this.drawn = true;
      return;
    }
    const decile = Math.floor((this.fraction() * 100) / 10);
    if (decile > this.lastDecile) {
      this.lastDecile = decile;
      this.out.write(`${this.line()}\n`);
    }
  }

  /** Ends the redrawn line so whatever is printed next starts on its own line. */
  finish(): void {
    if (this.out.isTTY && this.drawn) this.out.write("\n");
    this.drawn = false;
  }

  elapsedMs(): number {
    return this.now() - this.startedAt;
  }

  private fraction(): number {
    return Math.min(1, this.state.done / this.state.total);
  }

  private line(): string {
    const { done, total, rows } = this.state;
    const pct = Math.floor(this.fraction() * 100);
    const stats = `${pct}% ${done}/${total} chunks · ${rows.toLocaleString("en-US")} rows · ${formatDuration(this.elapsedMs())}`;
    if (!this.out.isTTY) return `${this.label}: ${stats}`;
    const filled = Math.round(this.fraction() * BAR_WIDTH);
    return `${this.label} [${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${stats}`;
  }
}

/** 0.4s, 42.0s, 12:30, 1:02:03: tenths while short, so a quick run does not read "0:00". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.floor(ms / 1000);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}
