/** Parimutuel settlement of a race (PRODUCT.md §8); files inside the folder import each other directly, never this barrel. */
export * from "./types";
export { breakageOf, planSettlement, settleRace, type SettlementPlan } from "./settle";
export { validateSettlementInput, MAX_REPORTED_ERRORS, type SettlementIssue, type SettlementValidation } from "./validate";
