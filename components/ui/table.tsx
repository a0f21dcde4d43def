import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

/** A scrollable, bordered table; wide tables scroll sideways on phones instead of squashing. */
export function Table({ className, children, ...props }: ComponentProps<"table">) {
  return (
    <div className="overflow-x-auto rounded-card border border-line bg-surface">
      <table className={cn("w-full border-collapse text-sm", className)} {...props}>
        {children}
      </table>
    </div>
  );
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("px-4 py-3 text-left text-sm text-fg-muted caption-bottom", className)} {...props} />;
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("border-b border-line bg-surface-2/60", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-line", className)} {...props} />;
}

export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("transition-colors hover:bg-surface-2/50", className)} {...props} />;
}

interface CellOptions {
  /** Right-aligned tabular figures, so digits line up down the column. */
  numeric?: boolean;
}

export function Th({ numeric, className, scope = "col", ...props }: ComponentProps<"th"> & CellOptions) {
  return (
    <th
      scope={scope}
      className={cn(
        "h-10 px-4 text-xs font-medium tracking-wide whitespace-nowrap text-fg-muted uppercase",
        numeric ? "text-right" : "text-left",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ numeric, className, ...props }: ComponentProps<"td"> & CellOptions) {
  return (
    <td
      className={cn("h-11 px-4 py-2 align-middle text-fg", numeric ? "tabular text-right whitespace-nowrap" : "text-left", className)}
      {...props}
    />
  );
}

/** A single full-width row for "no rows" inside a table body. */
export function TableEmpty({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-4 py-10 text-center text-sm text-fg-muted">
        {children}
      </td>
    </tr>
  );
}
