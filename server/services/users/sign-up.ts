/**
 * Sign-up: the user, their wallet and the 1,000-credit signup grant, in one
 * transaction. An email listed in ADMIN_EMAILS signs up as an admin.
 */
import { DomainError } from "@/lib/domain/errors";
import { signupGrantPosting } from "@/lib/domain/ledger/rules";
import { signUpInput } from "@/lib/schemas/auth";
import { getEnv } from "@/lib/env";
import { hashPassword } from "@/server/auth/password";
import { isUniqueViolation, transaction, type PrismaClient } from "@/server/db";
import { findUserByEmail, insertUser } from "@/server/repositories/users";
import { postLedgerInTx } from "../ledger/post-ledger";
import { zodToDomainError } from "../validation";

export async function signUp(db: PrismaClient, raw: unknown, adminEmails = getEnv().ADMIN_EMAILS) {
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) throw zodToDomainError(parsed.error);
  const { name, email, password } = parsed.data;

  if (await findUserByEmail(db, email)) throw emailTaken();
  const passwordHash = await hashPassword(password);
  try {
    return await transaction(db, async (tx) => {
      const user = await insertUser(tx, { name, email, passwordHash, role: adminEmails.includes(email) ? "ADMIN" : "USER" });
      await postLedgerInTx(tx, { posting: signupGrantPosting(user.id), idempotencyKey: `signup-grant:${user.id}` });
      return user;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw emailTaken();
    throw e;
  }
}

function emailTaken() {
  return new DomainError("CONFLICT", "An account with this email already exists", "email");
}
