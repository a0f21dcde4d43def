import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 8;

export const emailSchema = z
  .string({ message: "Enter your email address" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }).max(254, { message: "Email is too long" }));

export const signUpInput = z.object({
  name: z
    .string({ message: "Enter a display name" })
    .trim()
    .min(2, { message: "Display name must be at least 2 characters" })
    .max(40, { message: "Display name must be at most 40 characters" }),
  email: emailSchema,
  password: z
    .string({ message: "Choose a password" })
    .min(PASSWORD_MIN_LENGTH, { message: `Password must be at least ${PASSWORD_MIN_LENGTH} characters` })
    .max(200, { message: "Password must be at most 200 characters" }),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "Enter your password" }).max(200),
});
