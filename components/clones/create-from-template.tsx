"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, FieldShell, fieldControlProps } from "@/components/ui/field";
import { controlClasses } from "@/components/ui/input";
import type { TemplateId } from "@/lib/domain/graph/templates";
import { useTRPC } from "@/lib/trpc/client";
import { toFormError, type FormError } from "@/lib/trpc/errors";

export interface TemplateOption {
  id: string;
  title: string;
  description: string;
}

const SYMBOLS = ["BTC", "ETH", "SOL", "DOGE"] as const;

export function CreateFromTemplate({ templates }: { templates: readonly TemplateOption[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.clones.createFromTemplate.mutationOptions());
  const [failure, setFailure] = useState<FormError | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    setFailure(null);
    try {
      const created = await create.mutateAsync({
        // the server checks it against the template list (zod enum); the select only offers those
        templateId: String(form.get("templateId")) as TemplateId,
        symbol: String(form.get("symbol")),
        ...(name ? { name } : {}),
      });
      router.push(`/clones/${created.cloneId}`);
    } catch (e) {
      setFailure(toFormError(e));
    }
  }

  const fe = failure?.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-[2fr_1fr_2fr_auto] sm:items-start" aria-label="Create a clone from a template">
      {failure && Object.keys(fe).length === 0 ? <Alert tone="negative" className="sm:col-span-4">{failure.message}</Alert> : null}
      <FieldShell label="Template" name="templateId" error={fe.templateId}>
        <select {...fieldControlProps({ name: "templateId", error: fe.templateId })} className={`${controlClasses} h-10`} defaultValue={templates[0]?.id}>
          {templates.map((t) => (
            <option key={t.id} value={t.id} title={t.description}>
              {t.title}
            </option>
          ))}
        </select>
      </FieldShell>
      <FieldShell label="Asset" name="symbol" error={fe.symbol}>
        <select {...fieldControlProps({ name: "symbol", error: fe.symbol })} className={`${controlClasses} h-10`} defaultValue="BTC">
          {SYMBOLS.map((s) => (
            <option key={s} value={s}>{s}-PERP</option>
          ))}
        </select>
      </FieldShell>
      <Field label="Name" name="name" placeholder="Leave empty for the template's" maxLength={40} error={fe.name} />
      <Button type="submit" loading={create.isPending} className="h-10 sm:mt-[1.625rem]">Create and run</Button>
    </form>
  );
}
