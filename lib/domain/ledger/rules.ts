/**
 * The posting rule of each money movement in the product (PRODUCT.md §6, §8).
 * Pure: amounts and accounts in, a balanced posting out.
 */
import { DomainError } from "../errors";
import { assertCents, credits, type Cents } from "../money";
import { validatePosting, type Posting } from "./posting";

/** Every user starts with 1,000 credits. */
export const SIGNUP_GRANT_CENTS: Cents = credits(1_000);
/** The Audition Fee, paid to the protocol treasury; re-auditions pay again. */
export const AUDITION_FEE_CENTS: Cents = credits(25);
/** A single admin grant is capped so a typo cannot mint millions. */
export const MAX_ADMIN_GRANT_CENTS: Cents = credits(1_000_000);
export const MAX_REASON_LENGTH = 500;

export function signupGrantPosting(userId: string): Posting {
  return validatePosting({
    kind: "SIGNUP_GRANT",
    memo: "Signup grant",
    legs: [
      { account: { kind: "SIGNUP_GRANTS" }, amountCents: -SIGNUP_GRANT_CENTS },
      { account: { kind: "USER_WALLET", userId }, amountCents: SIGNUP_GRANT_CENTS },
    ],
  });
}

/** The rules of an admin grant's input; returns the reason as it will be recorded. */
export function checkAdminGrant(amountCents: Cents, reason: string): string {
  assertCents(amountCents, "amount");
  if (amountCents <= 0) throw new DomainError("VALIDATION_FAILED", "Amount must be positive", "amount");
  if (amountCents > MAX_ADMIN_GRANT_CENTS) {
    throw new DomainError("VALIDATION_FAILED", "Amount is above the 1,000,000 credit limit of one grant", "amount");
  }
  const why = reason.trim();
  if (why.length < 3) throw new DomainError("VALIDATION_FAILED", "Give a reason (at least 3 characters)", "reason");
  if (why.length > MAX_REASON_LENGTH) {
    throw new DomainError("VALIDATION_FAILED", `Reason must be at most ${MAX_REASON_LENGTH} characters`, "reason");
  }
  return why;
}

export function adminGrantPosting(userId: string, amountCents: Cents, reason: string): Posting {
  const why = checkAdminGrant(amountCents, reason);
  return validatePosting({
    kind: "ADMIN_GRANT",
    memo: `Admin grant: ${why}`,
    legs: [
      { account: { kind: "ADMIN_GRANTS" }, amountCents: -amountCents },
      { account: { kind: "USER_WALLET", userId }, amountCents },
    ],
  });
}

export function auditionFeePosting(userId: string, cloneName: string): Posting {
  return validatePosting({
    kind: "AUDITION_FEE",
    memo: `Audition Fee: ${cloneName}`,
    legs: [
      { account: { kind: "USER_WALLET", userId }, amountCents: -AUDITION_FEE_CENTS },
      { account: { kind: "PROTOCOL_TREASURY" }, amountCents: AUDITION_FEE_CENTS },
    ],
  });
}
