import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", "data/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // next-auth imports next/server, which only resolves when inlined
    server: { deps: { inline: ["next-auth"] } },
    env: { NODE_ENV: "test" },
  },
});
