#!/usr/bin/env node
/**
 * Our machines' npm registry carries the Linux builds of packages with native
 * binaries (next's SWC, tailwind's oxide, …) but not the macOS / Windows / Android
 * ones. `npm install` then leaves those optional dependencies out of
 * package-lock.json, and `npm ci` refuses the lockfile as "out of sync".
 *
 * This puts the missing entries back with the os / cpu constraints their names
 * state, so `npm ci` skips them on Linux and installs them elsewhere (from a
 * registry that has them). Run after `npm install` changes the lockfile:
 *   node scripts/lockfile-platforms.mjs
 */
import fs from "node:fs";

const OSES = ["android", "darwin", "freebsd", "linux", "win32", "openbsd", "netbsd", "sunos", "aix"];
const CPUS = { arm64: "arm64", x64: "x64", arm: "arm", ia32: "ia32", wasm32: "wasm32", ppc64: "ppc64", s390x: "s390x", riscv64: "riscv64" };

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OSES.includes(p));
  const cpu = parts.map((p) => CPUS[p]).find(Boolean);
  return { os, cpu };
}

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const added = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ""}node_modules/${dep}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${dep}`]) continue;
    const { os, cpu } = platformOf(dep);
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec) || (!os && !cpu)) {
      console.warn(`left alone: ${dep}@${spec} (no exact version or no platform in its name)`);
      continue;
    }
    lock.packages[`node_modules/${dep}`] = {
      version: spec,
      ...(cpu ? { cpu: [cpu] } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
    };
    added.push(`${dep}@${spec}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(added.length ? `added ${added.length} platform entries:\n  ${added.join("\n  ")}` : "lockfile already complete");
