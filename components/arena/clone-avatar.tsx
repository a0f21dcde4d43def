import { cn } from "@/components/ui/cn";

/** The Arena's avatar ids (lib/domain/graph/vocabulary.ts AVATAR_IDS) as an emoji on a tint of their own. */
const AVATARS: Record<string, { emoji: string; tint: string }> = {
  tiger: { emoji: "🐯", tint: "bg-orange-500/15 ring-orange-400/30" },
  owl: { emoji: "🦉", tint: "bg-amber-600/15 ring-amber-500/30" },
  shark: { emoji: "🦈", tint: "bg-sky-500/15 ring-sky-400/30" },
  whale: { emoji: "🐋", tint: "bg-blue-500/15 ring-blue-400/30" },
  fox: { emoji: "🦊", tint: "bg-orange-600/15 ring-orange-500/30" },
  bear: { emoji: "🐻", tint: "bg-yellow-800/25 ring-yellow-700/40" },
  falcon: { emoji: "🦅", tint: "bg-stone-500/20 ring-stone-400/30" },
  octopus: { emoji: "🐙", tint: "bg-pink-500/15 ring-pink-400/30" },
  bull: { emoji: "🐂", tint: "bg-red-500/15 ring-red-400/30" },
  robot: { emoji: "🤖", tint: "bg-cyan-500/15 ring-cyan-400/30" },
  rocket: { emoji: "🚀", tint: "bg-violet-500/15 ring-violet-400/30" },
  wolf: { emoji: "🐺", tint: "bg-slate-400/15 ring-slate-300/30" },
};

const SIZES = {
  sm: "size-6 text-sm",
  md: "size-9 text-lg",
  lg: "size-12 text-2xl",
} as const;

/** An id we do not know is shown as itself only when it is an emoji, never as a word. */
const looksLikeEmoji = (s: string) => /\p{Extended_Pictographic}/u.test(s) && [...s].length <= 8;

/**
 * A clone's avatar: its emoji in a tinted circle. Decorative when the name is printed
 * beside it (the default); pass `label` when the avatar stands alone.
 */
export function CloneAvatar({ avatar, name, size = "md", label, className }: { avatar: string; name: string; size?: keyof typeof SIZES; label?: boolean; className?: string }) {
  const known = AVATARS[avatar];
  const glyph = known?.emoji ?? (looksLikeEmoji(avatar) ? avatar : (name.trim()[0] ?? "?").toUpperCase());
  return (
    <span
      role={label ? "img" : undefined}
      aria-label={label ? name : undefined}
      aria-hidden={label ? undefined : true}
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-full leading-none ring-1 select-none",
        known?.tint ?? "bg-surface-3 ring-line-strong",
        !known && !looksLikeEmoji(avatar) && "font-semibold text-fg-muted",
        SIZES[size],
        className,
      )}
    >
      {glyph}
    </span>
  );
}
