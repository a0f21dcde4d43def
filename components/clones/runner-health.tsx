"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { toFormError } from "@/lib/trpc/errors";

interface Pair {
  asset: string;
  status: "OK" | "FAILING" | "FAILED";
  consecutiveFailures: number;
  lastError: string | null;
  lastErrorAt: number | null;
}

/** Shown only when the runner has trouble with this clone: what failed, and a way to resume a stopped asset. */
export function RunnerHealth({ cloneId, pairs }: { cloneId: string; pairs: Pair[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const resume = useMutation(trpc.clones.resumeRunner.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  if (pairs.length === 0) return null;
  const stopped = pairs.some((p) => p.status === "FAILED");

  return (
    <Alert tone={stopped ? "negative" : "warning"} title={stopped ? "The runner stopped deciding for this clone" : "Decisions are failing"} data-testid="runner-health">
      <ul className="mt-1 flex flex-col gap-1">
        {pairs.map((p) => (
          <li key={p.asset}>
            <strong>{p.asset}</strong>: {p.status === "FAILED" ? `stopped after ${p.consecutiveFailures} failed slots in a row` : "failing, retrying with backoff"}
            {p.lastError ? <> — last error{p.lastErrorAt ? ` at ${formatDateTime(new Date(p.lastErrorAt))}` : ""}: <code className="text-xs">{p.lastError}</code></> : null}
          </li>
        ))}
      </ul>
      {stopped ? (
        <div className="mt-3 flex items-center gap-3">
          <Button
            size="sm"
            loading={resume.isPending}
            onClick={async () => {
              setError(null);
              try {
                await resume.mutateAsync({ cloneId });
                router.refresh();
              } catch (e) {
                setError(toFormError(e).message);
              }
            }}
          >
            Resume decisions
          </Button>
          {error ? <span className="text-xs">{error}</span> : null}
        </div>
      ) : null}
    </Alert>
  );
}
