import type { ReactNode } from "react";
import { cn } from "./cn";
import { Input, type InputProps } from "./input";
import { Textarea, type TextareaProps } from "./textarea";

/** A field's error as forms produce it: one message, several (zod flatten), or none. */
export type FieldError = string | readonly string[] | null | undefined;

function errorText(error: FieldError): string | null {
  if (error == null) return null;
  const text = typeof error === "string" ? error : error.join(" ");
  return text.trim() === "" ? null : text;
}

export interface FieldControlOptions {
  name: string;
  id?: string;
  hint?: ReactNode;
  error?: FieldError;
}

/**
 * The id, name and ARIA wiring a control needs to sit in a FieldShell: use it for
 * controls Field does not render itself (select, checkbox groups, custom widgets).
 */
export function fieldControlProps({ name, id, hint, error }: FieldControlOptions) {
  const controlId = id ?? `field-${name}`;
  const describedBy = [hint ? `${controlId}-hint` : null, errorText(error) ? `${controlId}-error` : null].filter(Boolean);
  return {
    id: controlId,
    name,
    "aria-invalid": errorText(error) ? (true as const) : undefined,
    "aria-describedby": describedBy.length > 0 ? describedBy.join(" ") : undefined,
  };
}

export interface FieldShellProps extends FieldControlOptions {
  label: ReactNode;
  /** Shown at the right of the label row, e.g. a unit or a "Forgot password?" link. */
  labelAside?: ReactNode;
  required?: boolean;
  className?: string;
  children: ReactNode;
}

/** Label, control slot, hint and error message laid out consistently. */
export function FieldShell({ label, labelAside, name, id, hint, error, required, className, children }: FieldShellProps) {
  const controlId = id ?? `field-${name}`;
  const message = errorText(error);
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={controlId} className="text-sm font-medium text-fg">
          {label}
          {required ? (
            <span className="ml-0.5 text-fg-subtle" aria-hidden="true">
              *
            </span>
          ) : null}
        </label>
        {labelAside ? <span className="text-xs text-fg-muted">{labelAside}</span> : null}
      </div>
      {children}
      {hint ? (
        <p id={`${controlId}-hint`} className="text-xs text-fg-muted">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={`${controlId}-error`} data-testid={`error-${name}`} className="text-xs font-medium text-negative">
          {message}
        </p>
      ) : null}
    </div>
  );
}

interface FieldOwnProps {
  label: ReactNode;
  labelAside?: ReactNode;
  name: string;
  hint?: ReactNode;
  error?: FieldError;
  /** Class of the wrapper; style the control itself with controlClassName. */
  className?: string;
  controlClassName?: string;
}

export type FieldProps = FieldOwnProps & Omit<InputProps, "name" | "className" | "invalid">;
export type TextareaFieldProps = FieldOwnProps & Omit<TextareaProps, "name" | "className" | "invalid">;

/**
 * A labelled input with hint and error. The error element carries
 * data-testid="error-<name>" and is linked through aria-describedby.
 */
export function Field({ label, labelAside, name, id, hint, error, className, controlClassName, ...rest }: FieldProps) {
  return (
    <FieldShell {...{ label, labelAside, name, id, hint, error, className }} required={rest.required}>
      <Input {...rest} {...fieldControlProps({ name, id, hint, error })} className={controlClassName} />
    </FieldShell>
  );
}

/** Field with a multi-line Textarea (prompts, reasons, raw JSON). */
export function TextareaField({ label, labelAside, name, id, hint, error, className, controlClassName, ...rest }: TextareaFieldProps) {
  return (
    <FieldShell {...{ label, labelAside, name, id, hint, error, className }} required={rest.required}>
      <Textarea {...rest} {...fieldControlProps({ name, id, hint, error })} className={controlClassName} />
    </FieldShell>
  );
}
