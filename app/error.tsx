"use client";

import { useEffect } from "react";
import { Button, LinkButton } from "@/components/ui/button";
import { ErrorIcon, RefreshIcon } from "@/components/ui/icons";

/** Route error boundary: the header and footer stay, only the page body is replaced. */
export default function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    // Surfaces the client-side stack in the browser console; the server has its own log line under the digest.
    console.error(error);
  }, [error]);

  // Server errors reach the client with only an opaque digest, which support can match in the server logs.
  const digest =
    typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center py-12 text-center sm:py-20">
      <div className="flex size-12 items-center justify-center rounded-xl border border-negative/30 bg-negative/10 text-negative [&_svg]:size-6">
        <ErrorIcon />
      </div>
      <h1 className="mt-6 text-3xl font-semibold tracking-tight text-balance text-fg">Something went wrong</h1>
      <p className="mt-3 leading-relaxed text-fg-muted">
        This page hit an error while loading. Balances, tickets and clones only ever change all-or-nothing, so nothing
        is left half-done. Try again, and if it keeps failing, come back in a minute.
      </p>
      {digest ? (
        <p className="mt-4 text-xs text-fg-subtle">
          Reference <span className="tabular text-fg-muted">{digest}</span>
        </p>
      ) : null}
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Button onClick={() => retry()}>
          <RefreshIcon className="size-4" />
          Try again
        </Button>
        <LinkButton href="/" variant="secondary">
          Back to home
        </LinkButton>
      </div>
    </div>
  );
}
