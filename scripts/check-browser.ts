/**
 * The end-to-end journeys run in Debian's Chromium. When it is missing and we are
 * root on Debian, install it (the README's test command works on a fresh machine);
 * otherwise fail early with the fix.
 */
import { execSync } from "node:child_process";
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const canInstall = !process.env.CHROMIUM_PATH && process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get");

if (!fs.existsSync(chromium) && canInstall) {
  console.info("[e2e] Chromium is missing: installing Debian's chromium package (apt-get)…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
}
if (!fs.existsSync(chromium)) {
  console.error(
    `Chromium was not found at ${chromium}. The end-to-end journeys run in Debian's Chromium:\n` +
      `  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `(or set CHROMIUM_PATH to another Chromium binary).`,
  );
  process.exit(1);
}
