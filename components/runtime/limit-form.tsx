"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/lib/trpc/client";
import { toFormError, type FormError } from "@/lib/trpc/errors";

interface Limit {
  name: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  value: number;
}

/** One global limit: a new value and a reason; the service checks the range and names it when refused. */
export function LimitForm({ limit }: { limit: Limit }) {
  const trpc = useTRPC();
  const router = useRouter();
  const change = useMutation(trpc.admin.runtime.setLimit.mutationOptions());
  const [failure, setFailure] = useState<FormError | null>(null);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFailure(null);
    setSaved(false);
    try {
      await change.mutateAsync({ name: limit.name, value: String(form.get("value") ?? ""), reason: String(form.get("reason") ?? "") });
      setSaved(true);
      router.refresh();
    } catch (e) {
      setFailure(toFormError(e));
    }
  }

  const error = failure ? (failure.fieldErrors.value?.[0] ?? failure.fieldErrors.reason?.[0] ?? failure.message) : null;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={limit.label} className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <div className="w-32 shrink-0">
          <Input name="value" defaultValue={limit.value} inputMode="decimal" aria-label={`${limit.label} (${limit.unit})`} className="tabular" />
        </div>
        <div className="min-w-40 flex-1">
          <Input name="reason" placeholder="Reason for the change" aria-label={`Reason to change ${limit.label}`} />
        </div>
        <Button type="submit" variant="secondary" loading={change.isPending}>Save</Button>
      </div>
      <span className="text-xs text-fg-subtle">
        {limit.min.toLocaleString("en-US")}–{limit.max.toLocaleString("en-US")} {limit.unit}
        {saved && !error ? <span className="ml-2 text-positive">Saved</span> : null}
      </span>
      {error ? <span className="text-xs text-negative" role="alert">{error}</span> : null}
    </form>
  );
}
