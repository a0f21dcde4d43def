import path from "node:path";
import { defineConfig } from "prisma/config";
import "./scripts/load-env";
import { getEnv } from "./lib/env";

// Prisma's native schema engine is downloaded at install time from a host our
// machines cannot reach; the shim speaks its protocol on top of the wasm engine.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma/engine-shim.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: getEnv().DATABASE_URL,
  },
});
