import { Inngest } from "inngest";

/**
 * The Inngest client. Event and signing keys, INNGEST_DEV and INNGEST_BASE_URL
 * are read by the SDK from the environment (documented in .env.example).
 */
export const inngest = new Inngest({ id: "clash-of-clones" });
