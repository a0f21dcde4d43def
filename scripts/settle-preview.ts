/**
 * `npm run --silent settle:preview -- FILE` (or `-` for stdin): settles races
 * from JSON and prints the results as JSON. Needs no environment and no database,
 * so nothing is loaded that could log. See server/services/settlement/preview-cli.ts.
 */
import fs from "node:fs/promises";
import { EXIT, runSettlePreview } from "@/server/services/settlement/preview-cli";

// stdout carries the JSON alone, whatever a dependency might log
console.log = console.info = (...parts: unknown[]) => console.error(...parts);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

try {
  process.exitCode = await runSettlePreview(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin,
    readFile: (path) => fs.readFile(path, "utf8"),
  });
} catch (e) {
  process.stderr.write(`settle:preview failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = EXIT.failed;
}
