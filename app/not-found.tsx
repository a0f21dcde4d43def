import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LinkButton } from "@/components/ui/button";
import { CompassIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StatusScreen
      code="404"
      icon={<CompassIcon />}
      title="This page is off the board"
      body="The page you asked for does not exist, or it has moved. Check the address, or head back to a page that does."
    />
  );
}

function StatusScreen({ code, icon, title, body }: { code: string; icon: ReactNode; title: string; body: string }) {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center py-12 text-center sm:py-20">
      <div className="flex size-12 items-center justify-center rounded-xl border border-line-strong bg-surface-2 text-fg-muted [&_svg]:size-6">
        {icon}
      </div>
      <p className="tabular mt-6 text-sm font-medium text-accent">Error {code}</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-balance text-fg">{title}</h1>
      <p className="mt-3 leading-relaxed text-fg-muted">{body}</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <LinkButton href="/">Back to home</LinkButton>
        <LinkButton href="/arena" variant="secondary">
          Go to the Arena
        </LinkButton>
      </div>
    </div>
  );
}
