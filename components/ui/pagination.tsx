import Link from "next/link";
import { cn } from "./cn";
import { ChevronLeftIcon, ChevronRightIcon } from "./icons";

export interface PaginationProps {
  /** 1-based current page; clamped into 1..pageCount. */
  page: number;
  pageCount: number;
  /** Builds the URL of a page, so the list state lives in the URL (shareable, back button works). */
  hrefFor: (page: number) => string;
  className?: string;
}

const ITEM =
  "inline-flex h-8 items-center gap-1 rounded-md border border-line-strong bg-surface-2 px-2.5 text-sm font-medium text-fg transition-colors hover:border-fg-subtle hover:bg-surface-3";
const DISABLED = "inline-flex h-8 items-center gap-1 rounded-md border border-line px-2.5 text-sm font-medium text-fg-subtle opacity-60";

/** Previous / next links around "Page X of Y". */
export function Pagination({ page, pageCount, hrefFor, className }: PaginationProps) {
  const total = Math.max(1, Math.floor(pageCount));
  const current = Math.min(Math.max(1, Math.floor(page)), total);
  const prev = current > 1 ? current - 1 : null;
  const next = current < total ? current + 1 : null;
  return (
    <nav aria-label="Pagination" className={cn("flex items-center justify-between gap-3", className)}>
      {prev !== null ? (
        <Link href={hrefFor(prev)} rel="prev" className={ITEM}>
          <ChevronLeftIcon className="size-4" />
          Previous
        </Link>
      ) : (
        <span className={DISABLED} aria-disabled="true">
          <ChevronLeftIcon className="size-4" />
          Previous
        </span>
      )}
      <p className="text-sm text-fg-muted">
        Page <span className="tabular text-fg">{current}</span> of <span className="tabular text-fg">{total}</span>
      </p>
      {next !== null ? (
        <Link href={hrefFor(next)} rel="next" className={ITEM}>
          Next
          <ChevronRightIcon className="size-4" />
        </Link>
      ) : (
        <span className={DISABLED} aria-disabled="true">
          Next
          <ChevronRightIcon className="size-4" />
        </span>
      )}
    </nav>
  );
}
