/** The clone graph's public surface; files inside the folder import each other directly, never this barrel. */
export * from "./schema";
export * from "./validate";
export * from "./queries";
export * from "./templates";
export * from "./basic";
export * from "./limits";
export { autoLayout } from "./layout";
export { fieldLabel } from "./messages";
export { formatDuration } from "./common";
