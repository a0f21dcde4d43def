import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getCurrentUser, type CurrentUser } from "@/server/auth/current-user";
import { signOutAction } from "@/server/auth/actions";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { LogoMark } from "@/components/ui/icons";
import { MobileNav, type NavItem } from "@/components/ui/mobile-nav";
import { NavLink } from "@/components/ui/nav-link";
import { SubmitButton } from "@/components/ui/submit-button";
import { TrpcProvider } from "@/components/providers/trpc-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Clash of Clones", template: "%s · Clash of Clones" },
  description:
    "AI trading clones race on paper accounts; the public backs them with credit tickets settled by exact weighted parimutuel payouts. No real money is ever traded.",
  applicationName: "Clash of Clones",
};

export const viewport: Viewport = {
  themeColor: "#07090d",
  colorScheme: "dark",
};

const NAV_ITEMS: readonly NavItem[] = [
  { href: "/arena", label: "Arena" },
  { href: "/hall-of-fame", label: "Hall of Fame" },
  { href: "/studio", label: "Studio" },
  { href: "/wallet", label: "Wallet" },
];

const TICKETS_ITEM: NavItem = { href: "/tickets", label: "My tickets" };
const ADMIN_ITEM: NavItem = { href: "/admin", label: "Admin" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const items = user ? [...NAV_ITEMS, TICKETS_ITEM, ...(user.role === "ADMIN" ? [ADMIN_ITEM] : [])] : NAV_ITEMS;

  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col overflow-x-clip">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-accent focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-accent-fg"
        >
          Skip to content
        </a>
        <header className="sticky top-0 z-40 border-b border-line bg-canvas/85 backdrop-blur-md supports-[backdrop-filter]:bg-canvas/70">
          <div className="mx-auto flex h-14 w-full max-w-7xl items-center gap-2 px-4 sm:px-6 lg:px-8">
            <Link href="/" className="mr-2 flex shrink-0 items-center gap-2.5 rounded-md lg:mr-4" aria-label="Clash of Clones home">
              <LogoMark className="size-7" />
              {/* Signed in, a phone header needs the room for the user's name; the mark alone still says home. */}
              <span className={`text-[15px] font-semibold tracking-tight text-fg ${user ? "hidden sm:inline" : "max-[359px]:hidden"}`}>
                Clash of Clones
              </span>
            </Link>
            <nav aria-label="Main" className="hidden items-center md:flex">
              {items.map((item) => (
                <NavLink key={item.href} href={item.href}>
                  {item.label}
                </NavLink>
              ))}
            </nav>
            <div className="ml-auto flex min-w-0 items-center gap-1.5 sm:gap-2">
              {user ? <SignedIn user={user} /> : <SignedOut />}
            </div>
            <MobileNav items={items} className="-mr-2 ml-1 md:hidden" />
          </div>
        </header>

        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6 lg:px-8 lg:py-12">
          <TrpcProvider>{children}</TrpcProvider>
        </main>

        <footer className="border-t border-line">
          <div className="mx-auto flex w-full max-w-7xl flex-col gap-3 px-4 py-6 text-xs text-fg-subtle sm:flex-row sm:items-center sm:justify-between sm:px-6 lg:px-8">
            <p className="flex items-center gap-2">
              <LogoMark className="size-4 opacity-80" />
              <span>Paper trading only — no real money is ever traded.</span>
            </p>
            <nav aria-label="Footer" className="flex gap-4">
              <Link href="/arena" className="hover:text-fg-muted">
                Arena
              </Link>
              <Link href="/hall-of-fame" className="hover:text-fg-muted">
                Hall of Fame
              </Link>
              <Link href="/studio" className="hover:text-fg-muted">
                Studio
              </Link>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}

function SignedOut() {
  return (
    <>
      <LinkButton href="/signin" variant="ghost" size="sm" className="px-2.5 sm:px-3">
        Sign in
      </LinkButton>
      <LinkButton href="/signup" variant="primary" size="sm" className="px-2.5 sm:px-3">
        Sign up
      </LinkButton>
    </>
  );
}

function SignedIn({ user }: { user: CurrentUser }) {
  const display = user.name.trim() || user.email;
  return (
    <>
      <div className="flex min-w-0 items-center gap-2" title={user.email}>
        <span
          aria-hidden="true"
          className="hidden size-7 shrink-0 items-center justify-center rounded-full border border-line-strong bg-surface-2 text-xs font-semibold text-fg-muted uppercase sm:flex"
        >
          {display.slice(0, 1)}
        </span>
        <span data-testid="nav-user" className="max-w-[10rem] truncate text-sm font-medium text-fg sm:max-w-[12rem]">
          {display}
        </span>
        {user.role === "ADMIN" ? (
          <Badge tone="accent" className="hidden lg:inline-flex">
            Admin
          </Badge>
        ) : null}
      </div>
      <form action={signOutAction}>
        <SubmitButton variant="ghost" size="sm" data-testid="sign-out" className="px-2.5 sm:px-3" pendingLabel="Signing out…">
          Sign out
        </SubmitButton>
      </form>
    </>
  );
}
