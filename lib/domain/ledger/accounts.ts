/**
 * The ledger's accounts (PRODUCT.md §8). Each account has a stable code so a
 * posting can name it before it exists; the service creates it on first use.
 */
export const LEDGER_ACCOUNT_KINDS = [
  "USER_WALLET",
  "PROTOCOL_TREASURY",
  "RACE_POOL_ESCROW",
  "CREATOR_ROYALTIES",
  "SIGNUP_GRANTS",
  "ADMIN_GRANTS",
] as const;
export type LedgerAccountKind = (typeof LEDGER_ACCOUNT_KINDS)[number];

export type AccountRef =
  | { kind: "USER_WALLET"; userId: string }
  | { kind: "CREATOR_ROYALTIES"; userId: string }
  | { kind: "RACE_POOL_ESCROW"; raceId: string }
  | { kind: "PROTOCOL_TREASURY" }
  | { kind: "SIGNUP_GRANTS" }
  | { kind: "ADMIN_GRANTS" };

/**
 * Issuance accounts are where credits come from: their balance is minus the credits
 * they have put into circulation, so they alone may go below zero. Every other
 * account (wallets, escrow, royalties, treasury) never does.
 */
export function allowsNegative(kind: LedgerAccountKind): boolean {
  return kind === "SIGNUP_GRANTS" || kind === "ADMIN_GRANTS";
}

export function accountCode(ref: AccountRef): string {
  switch (ref.kind) {
    case "USER_WALLET":
      return `wallet:${ref.userId}`;
    case "CREATOR_ROYALTIES":
      return `royalties:${ref.userId}`;
    case "RACE_POOL_ESCROW":
      return `escrow:${ref.raceId}`;
    case "PROTOCOL_TREASURY":
      return "treasury";
    case "SIGNUP_GRANTS":
      return "issuance:signup-grants";
    case "ADMIN_GRANTS":
      return "issuance:admin-grants";
  }
}

export function accountOwnerId(ref: AccountRef): string | null {
  return ref.kind === "USER_WALLET" || ref.kind === "CREATOR_ROYALTIES" ? ref.userId : null;
}
