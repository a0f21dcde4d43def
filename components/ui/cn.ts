/** Joins class names, skipping falsy ones. Later classes add to earlier ones; they do not override conflicting utilities. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
