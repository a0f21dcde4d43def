// Lint is part of `npm test`. Besides the usual checks it holds two of the
// architecture's arrows (ARCHITECTURE.md): lib/domain imports no framework, and
// only server/repositories and server/db import the Prisma client.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const prismaClient = {
  group: ["@prisma/*", "**/db/generated", "**/db/generated/*", "@/server/db/generated*"],
  message: "Only server/repositories/** (and server/db/**) may import the Prisma client; use a repository function.",
};

const frameworks = {
  group: ["next", "next/*", "next-auth", "next-auth/*", "react", "react/*", "react-dom", "react-dom/*", "@trpc/*", "inngest", "inngest/*", "@/server/*", "@/app/*", "@/components/*"],
  message: "lib/domain is pure TypeScript: no framework, database or server imports.",
};

export default tseslint.config(
  {
    ignores: [".next/**", "node_modules/**", "server/db/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mjs}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs["recommended-latest"].rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "no-restricted-imports": ["error", { patterns: [prismaClient] }],
    },
  },
  {
    files: ["lib/domain/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaClient, frameworks] }] },
  },
  {
    files: ["server/repositories/**", "server/db/**", "prisma/engine-shim.mjs"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // plain Node scripts
    files: ["**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", WebAssembly: "readonly" } },
  },
);
