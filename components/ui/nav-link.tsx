"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "./cn";

export interface NavLinkProps {
  href: string;
  children: ReactNode;
  /** Active only on the exact path; otherwise nested paths (/arena/races/1) count too. */
  exact?: boolean;
  /** "bar" for the desktop header row, "menu" for the stacked phone menu. */
  variant?: "bar" | "menu";
  className?: string;
  onClick?: () => void;
}

export function isActivePath(pathname: string, href: string, exact = false): boolean {
  if (href === "/") return pathname === "/";
  if (exact) return pathname === href;
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The indicator under a bar link. It also pulses while the link's navigation is
 * pending, since dynamic pages have no loading.tsx to show instant feedback.
 */
function Indicator({ active, variant }: { active: boolean; variant: "bar" | "menu" }) {
  const { pending } = useLinkStatus();
  if (variant === "menu") {
    return (
      <span
        aria-hidden="true"
        className={cn("ml-auto size-1.5 rounded-full bg-accent transition-opacity", pending ? "animate-pulse opacity-100" : "opacity-0")}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={cn(
        "absolute inset-x-3 bottom-0 h-0.5 rounded-full transition-colors",
        pending ? "animate-pulse bg-accent/60" : active ? "bg-accent" : "bg-transparent",
      )}
    />
  );
}

/** A header link that marks itself as the current page (aria-current + accent underline). */
export function NavLink({ href, children, exact = false, variant = "bar", className, onClick }: NavLinkProps) {
  const pathname = usePathname();
  const active = isActivePath(pathname, href, exact);
  return (
    <Link
      href={href}
      onClick={onClick}
      aria-current={active ? "page" : undefined}
      className={cn(
        variant === "bar"
          ? cn("relative inline-flex h-14 items-center px-3 text-sm font-medium transition-colors", active ? "text-fg" : "text-fg-muted hover:text-fg")
          : cn(
              "flex h-11 items-center rounded-md border-l-2 px-3 text-base font-medium transition-colors",
              active ? "border-accent bg-surface-2 text-fg" : "border-transparent text-fg-muted hover:bg-surface-2 hover:text-fg",
            ),
        className,
      )}
    >
      {children}
      <Indicator active={active} variant={variant} />
    </Link>
  );
}
