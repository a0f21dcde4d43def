import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { LockIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Admins only" };

export default function Forbidden() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center py-12 text-center sm:py-20">
      <div className="flex size-12 items-center justify-center rounded-xl border border-warning/30 bg-warning/10 text-warning [&_svg]:size-6">
        <LockIcon />
      </div>
      <p className="tabular mt-6 text-sm font-medium text-warning">Error 403</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-balance text-fg">Admins only</h1>
      <p className="mt-3 leading-relaxed text-fg-muted">
        You are signed in, but this area needs the admin role. If you think you should have access, ask an admin of
        this Clash of Clones instance to grant it.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <LinkButton href="/">Back to home</LinkButton>
        <LinkButton href="/arena" variant="secondary">
          Go to the Arena
        </LinkButton>
      </div>
    </div>
  );
}
