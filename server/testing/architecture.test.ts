/**
 * The lint rules that hold ARCHITECTURE.md's arrows, checked against probe files:
 * if a config change stopped them firing, `npm run lint` would pass silently.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function restrictedImports(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").length;
}

describe("architecture lint rules", () => {
  it.each([
    ['import { useState } from "react";', "lib/domain/probe.ts", 1],
    ['import { redirect } from "next/navigation";', "lib/domain/probe.ts", 1],
    ['import { inngest } from "inngest";', "lib/domain/probe.ts", 1],
    ['import { TRPCError } from "@trpc/server";', "lib/domain/probe.ts", 1],
    ['import { getDb } from "@/server/db";', "lib/domain/probe.ts", 1],
    ['import { z } from "zod";', "lib/domain/probe.ts", 0],
    ['import { PrismaClient } from "@/server/db/generated/client";', "server/services/probe.ts", 1],
    ['import { PrismaLibSql } from "@prisma/adapter-libsql";', "app/probe.ts", 1],
    ['import { PrismaClient } from "@/server/db/generated/client";', "server/repositories/probe.ts", 0],
    ['import { PrismaClient } from "./generated/client";', "server/db/probe.ts", 0],
  ])("%s in %s -> %i violation(s)", async (code, file, expected) => {
    expect(await restrictedImports(`${code}\n`, file)).toBeGreaterThanOrEqual(expected);
    if (expected === 0) expect(await restrictedImports(`${code}\n`, file)).toBe(0);
  });
});
