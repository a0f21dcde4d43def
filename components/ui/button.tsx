import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

export interface ButtonStyleOptions {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
}

const BASE =
  "inline-flex shrink-0 items-center justify-center gap-2 rounded-md font-medium whitespace-nowrap select-none transition-colors duration-150 " +
  "disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50";

// Hover styles are guarded by not-disabled so a disabled button does not look clickable.
const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-accent text-accent-fg shadow-[inset_0_1px_0_rgb(255_255_255/0.25)] not-disabled:hover:bg-accent-hover",
  secondary: "border border-line-strong bg-surface-2 text-fg not-disabled:hover:border-fg-subtle not-disabled:hover:bg-surface-3",
  ghost: "text-fg-muted not-disabled:hover:bg-surface-2 not-disabled:hover:text-fg",
  danger: "border border-negative/40 bg-negative/10 text-negative not-disabled:hover:border-negative/70 not-disabled:hover:bg-negative/20",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "h-8 px-3 text-sm",
  md: "h-10 px-4 text-sm",
  lg: "h-12 px-6 text-base",
};

/** The button look as a class string, for elements that are not a <button> or <Link>. */
export function buttonClasses({ variant = "primary", size = "md", fullWidth = false }: ButtonStyleOptions = {}): string {
  return cn(BASE, VARIANTS[variant], SIZES[size], fullWidth && "w-full");
}

export interface ButtonProps extends ComponentProps<"button">, ButtonStyleOptions {
  /** Shows a spinner and blocks clicks while an action is in flight. */
  loading?: boolean;
}

export function Button({
  variant,
  size,
  fullWidth,
  loading = false,
  disabled,
  className,
  children,
  type = "button",
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={cn(buttonClasses({ variant, size, fullWidth }), className)}
      {...props}
    >
      {loading ? <Spinner /> : null}
      {children}
    </button>
  );
}

export interface LinkButtonProps extends ComponentProps<typeof Link>, ButtonStyleOptions {}

/** A link that looks like a button: navigation stays a real <a> for middle-click and prefetch. */
export function LinkButton({ variant, size, fullWidth, className, ...props }: LinkButtonProps) {
  return <Link className={cn(buttonClasses({ variant, size, fullWidth }), className)} {...props} />;
}
