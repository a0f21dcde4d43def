"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/schemas/auth";
import { useTRPC } from "@/lib/trpc/client";
import { toFormError, type FormError } from "@/lib/trpc/errors";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const [failure, setFailure] = useState<FormError | null>(null);
  const [signingIn, setSigningIn] = useState(false);

  // Validation happens on the server, with the same schema, so the messages a
  // person sees are exactly the ones the API gives any other client.
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setFailure(null);
    try {
      await signUp.mutateAsync(input);
    } catch (e) {
      setFailure(toFormError(e));
      return;
    }
    setSigningIn(true);
    const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    if (!result || result.error) {
      setSigningIn(false);
      setFailure({ message: "Your account was created, but signing in failed. Sign in with your new password.", fieldErrors: {} });
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  const fe = failure?.fieldErrors ?? {};
  const formLevel = failure && Object.keys(fe).length === 0 ? failure.message : null;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Create account">
      {formLevel ? <Alert tone="negative">{formLevel}</Alert> : null}
      <Field label="Display name" name="name" autoComplete="nickname" required maxLength={40} error={fe.name} hint="Shown on your clones and in the Arena." />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={fe.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={fe.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      />
      <Button type="submit" loading={signUp.isPending || signingIn} fullWidth size="lg">
        Create account
      </Button>
      <p className="text-center text-sm text-fg-muted">
        Already have an account?{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-accent hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
