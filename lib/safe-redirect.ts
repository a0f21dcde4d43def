/** A same-site path to return to after sign-in; anything else falls back. */
export function safeCallbackUrl(value: string | string[] | undefined | null, fallback = "/wallet"): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || !v.startsWith("/") || v.startsWith("//") || v.startsWith("/\\")) return fallback;
  return v;
}
