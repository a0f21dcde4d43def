/**
 * Loads .env / .env.local / .env.<mode> the way `next` does, for command-line
 * tools that run outside Next.js (tsx scripts, prisma.config.ts). Variables
 * already set in the environment win. Import it first.
 */
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
