/** The Trading Clone Block: the clone's public identity and the model that decides for it. */
import { z } from "zod";
import { blockIdSchema } from "./common";
import { AVATAR_IDS, PROVIDERS } from "./vocabulary";

/** Control and bidi-override characters would let a public name spoof its neighbours on a leaderboard. */
const SPOOFING_CHARACTERS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** One emoji: a flag, or a pictograph with optional skin tone and zero-width-joined parts. */
const SINGLE_EMOJI =
  /^(?:\p{Regional_Indicator}{2}|\p{Extended_Pictographic}\uFE0F?\p{Emoji_Modifier}?(?:\u200D\p{Extended_Pictographic}\uFE0F?\p{Emoji_Modifier}?)*)$/u;

export const isAvatar = (value: string): boolean =>
  (AVATAR_IDS as readonly string[]).includes(value) || (value.length <= 32 && SINGLE_EMOJI.test(value));

const publicText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !SPOOFING_CHARACTERS.test(s), { error: "Control characters are not allowed" });

export const tradingCloneBlockSchema = z
  .strictObject({
    id: blockIdSchema,
    type: z.literal("trading-clone"),
    name: publicText(2, 40),
    tagline: publicText(0, 120),
    avatar: z.string().refine(isAvatar, { error: `Avatar must be one emoji or one of ${AVATAR_IDS.join(", ")}` }),
    provider: z.enum(PROVIDERS),
    /** The provider's model id; only the anthropic provider uses it. */
    model: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{1,99}$/, { error: "A model id is letters, digits and '-', like claude-sonnet-4-6" })
      .optional(),
    temperature: z.number().min(0).max(1),
    /** id of the trading-prompt block this clone follows */
    prompt: blockIdSchema,
  })
  .superRefine((clone, ctx) => {
    if (clone.provider === "anthropic" && clone.model === undefined) {
      ctx.addIssue({ code: "custom", path: ["model"], message: "The anthropic provider needs a model, like claude-sonnet-4-6" });
    }
  });

export type TradingCloneBlock = z.infer<typeof tradingCloneBlockSchema>;
