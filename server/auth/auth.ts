/**
 * Auth.js v5: email + password (Credentials provider) with JWT sessions.
 * The config is built lazily so the secret and the database are resolved when
 * the first request comes in, not while `next build` imports this module.
 */
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { resolveAuthSecret } from "@/lib/env";
import { getDb } from "@/server/db";
import { verifyCredentials } from "@/server/services/users/verify-credentials";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: resolveAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  logger: {
    // a wrong password is an everyday event, not an error with a stack trace
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") console.warn("[auth] sign-in refused: wrong email or password");
      else console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const user = await verifyCredentials(getDb(), credentials);
        return user && { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    // The role is not kept in the token: every request reads it from the database
    // (server/auth/current-user.ts), so a change of role applies at once.
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));
