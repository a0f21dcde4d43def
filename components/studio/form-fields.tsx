"use client";

import type { ReactNode } from "react";
import { FieldShell, fieldControlProps } from "@/components/ui/field";
import { Input, controlClasses } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/components/ui/cn";
import { fieldMessages } from "@/lib/domain/graph/error-lookup";
import { useBuilder } from "./builder-context";
import { NumberInput } from "./number-input";

interface Bound {
  /** the block the field belongs to */
  blockId: string;
  /** its path inside the block, as validateGraph reports it: "risk.maxLeverage" */
  field: string;
  label: ReactNode;
  hint?: ReactNode;
  labelAside?: ReactNode;
  className?: string;
  /** show only errors at the field itself, not inside it (a list whose rows show their own) */
  exact?: boolean;
}

/** The id, name and error of a block's field; names are "<blockId>.<field>", unique on the page. */
function useBound({ blockId, field, hint, exact }: Bound) {
  const { errors } = useBuilder();
  const name = `${blockId}.${field}`;
  const error = fieldMessages(errors, blockId, field, exact);
  return { name, error, control: fieldControlProps({ name, hint, error }) };
}

const shell = (p: Bound, name: string, error: string[]) => ({ label: p.label, labelAside: p.labelAside, hint: p.hint, className: p.className, name, error });

export function TextField(props: Bound & { value: string; onChange: (v: string) => void; placeholder?: string; mono?: boolean; maxLength?: number }) {
  const { name, error, control } = useBound(props);
  return (
    <FieldShell {...shell(props, name, error)}>
      <Input {...control} value={props.value} placeholder={props.placeholder} maxLength={props.maxLength} className={props.mono ? "font-mono" : undefined} onChange={(e) => props.onChange(e.target.value)} />
    </FieldShell>
  );
}

export function TextareaField(props: Bound & { value: string; onChange: (v: string) => void; rows?: number }) {
  const { name, error, control } = useBound(props);
  return (
    <FieldShell {...shell(props, name, error)}>
      <Textarea {...control} mono rows={props.rows ?? 6} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </FieldShell>
  );
}

export function NumberField(props: Bound & { value: number | undefined; onChange: (v: number | undefined) => void; optional?: boolean; placeholder?: string; min?: number; max?: number }) {
  const { name, error, control } = useBound(props);
  return (
    <FieldShell {...shell(props, name, error)}>
      <NumberInput {...control} value={props.value} optional={props.optional} placeholder={props.placeholder} min={props.min} max={props.max} onChange={props.onChange} />
    </FieldShell>
  );
}

export function SelectField<T extends string>(props: Bound & { value: T | undefined; options: readonly T[]; onChange: (v: T) => void; labels?: Partial<Record<T, string>>; placeholder?: string }) {
  const { name, error, control } = useBound(props);
  return (
    <FieldShell {...shell(props, name, error)}>
      <select {...control} className={cn(controlClasses, "h-10")} value={props.value ?? ""} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.value === undefined || !props.options.includes(props.value) ? <option value={props.value ?? ""} disabled>{props.placeholder ?? `${props.value ?? "Choose"} (not offered)`}</option> : null}
        {props.options.map((o) => (
          <option key={o} value={o}>{props.labels?.[o] ?? o}</option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A checkbox with its label beside it; the error (if any) underneath. */
export function CheckField(props: Omit<Bound, "labelAside"> & { checked: boolean; onChange: (v: boolean) => void }) {
  const { name, error, control } = useBound(props);
  return (
    <div className={cn("flex flex-col gap-1", props.className)}>
      <label htmlFor={control.id} className="flex min-h-10 cursor-pointer items-center gap-2.5 text-sm font-medium text-fg">
        <input {...control} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} className="size-4 accent-accent" />
        {props.label}
      </label>
      {props.hint ? <p id={`${control.id}-hint`} className="text-xs text-fg-muted">{props.hint}</p> : null}
      {error.length > 0 ? <p id={`${control.id}-error`} data-testid={`error-${name}`} className="text-xs font-medium text-negative">{error.join(" ")}</p> : null}
    </div>
  );
}

/** Several options of one list field (datapoints, allowed actions) as checkboxes in a fieldset. */
export function CheckGroup<T extends string>(props: Bound & { values: readonly T[]; options: readonly T[]; onChange: (v: T[]) => void; labels?: Partial<Record<T, string>> }) {
  const { name, error } = useBound(props);
  const toggle = (o: T, on: boolean) => props.onChange(on ? props.options.filter((x) => x === o || props.values.includes(x)) : props.values.filter((x) => x !== o));
  return (
    <fieldset className={cn("flex flex-col gap-1.5", props.className)} aria-invalid={error.length > 0 || undefined} aria-describedby={error.length > 0 ? `field-${name}-error` : undefined}>
      <legend className="mb-1.5 text-sm font-medium text-fg">{props.label}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {props.options.map((o) => (
          <label key={o} className="flex min-h-8 cursor-pointer items-center gap-2 text-sm text-fg">
            <input type="checkbox" name={name} value={o} checked={props.values.includes(o)} onChange={(e) => toggle(o, e.target.checked)} className="size-4 accent-accent" />
            {props.labels?.[o] ?? o}
          </label>
        ))}
      </div>
      {props.hint ? <p className="text-xs text-fg-muted">{props.hint}</p> : null}
      {error.length > 0 ? <p id={`field-${name}-error`} data-testid={`error-${name}`} className="text-xs font-medium text-negative">{error.join(" ")}</p> : null}
    </fieldset>
  );
}
