"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextareaField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";
import { toFormError, type FormError } from "@/lib/trpc/errors";

export function GrantCreditsForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const grant = useMutation(trpc.admin.grantCredits.mutationOptions());
  // One id per grant the admin means to make: a double click or a retried request
  // posts once. A new id is drawn after each success.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [failure, setFailure] = useState<FormError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const input = {
      email: String(form.get("email") ?? ""),
      amount: String(form.get("amount") ?? ""),
      reason: String(form.get("reason") ?? ""),
      requestId,
    };
    setFailure(null);
    setDone(null);
    try {
      await grant.mutateAsync(input);
      setDone(`Granted ${input.amount.trim()} credits to ${input.email.trim().toLowerCase()}.`);
      setRequestId(crypto.randomUUID());
      formEl.reset();
      router.refresh();
    } catch (e) {
      setFailure(toFormError(e));
    }
  }

  const fe = failure?.fieldErrors ?? {};
  const formLevel = failure && Object.keys(fe).filter((k) => k !== "requestId").length === 0 ? failure.message : null;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Grant credits">
      {done ? <Alert tone="positive">{done}</Alert> : null}
      {formLevel ? <Alert tone="negative">{formLevel}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <Field label="User email" name="email" type="email" required error={fe.email} />
        <Field label="Amount" name="amount" inputMode="decimal" required numeric labelAside="credits" error={fe.amount} placeholder="100.00" />
      </div>
      <TextareaField label="Reason" name="reason" required rows={2} error={fe.reason} hint="Recorded on the ledger transaction and shown in the user's wallet." />
      <div>
        <Button type="submit" loading={grant.isPending}>
          Grant credits
        </Button>
      </div>
    </form>
  );
}
