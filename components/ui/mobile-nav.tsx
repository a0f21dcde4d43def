"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { CloseIcon, MenuIcon } from "./icons";
import { NavLink } from "./nav-link";

export interface NavItem {
  href: string;
  label: string;
}

/**
 * The phone menu: a toggle button and a panel under the header. The panel is only
 * rendered while open, so the desktop links are the only ones in the DOM otherwise.
 */
export function MobileNav({ items, className }: { items: readonly NavItem[]; className?: string }) {
  const pathname = usePathname();
  // Remember which path the menu was opened on: navigating elsewhere closes it
  // without an effect that resets state.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpenOn(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className={className}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={open ? "Close menu" : "Open menu"}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="inline-flex size-10 items-center justify-center rounded-md text-fg-muted transition-colors hover:bg-surface-2 hover:text-fg"
      >
        {open ? <CloseIcon /> : <MenuIcon />}
      </button>
      {open ? (
        <>
          {/* Dims the page under the menu; tapping it closes the menu like tapping outside a sheet. */}
          <div aria-hidden="true" onClick={() => setOpenOn(null)} className="absolute inset-x-0 top-full h-dvh bg-black/60" />
          <nav
            id={panelId}
            aria-label="Main menu"
            className="absolute inset-x-0 top-full border-b border-line bg-canvas px-4 pt-2 pb-4 shadow-2xl shadow-black/60"
          >
            <ul className="flex flex-col gap-1">
              {items.map((item) => (
                <li key={item.href}>
                  <NavLink href={item.href} variant="menu" onClick={() => setOpenOn(null)}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </>
      ) : null}
    </div>
  );
}
