/**
 * Large payloads out of the database: a text above the threshold is stored in the
 * artifact store under its sha-256 and replaced by a reference string
 *
 *   artifact:sha256:<64 hex>
 *
 * which resolvePayload turns back into the text (checking the hash, so a damaged or
 * swapped object is refused rather than shown). Content addressing makes writes
 * idempotent: the same prompt stored twice is one object.
 */
import { createHash } from "node:crypto";
import { DomainError } from "@/lib/domain/errors";
import type { ArtifactStore } from "./types";

const REFERENCE = /^artifact:sha256:([0-9a-f]{64})$/;

export function isArtifactReference(value: string): boolean {
  return REFERENCE.test(value);
}

export function artifactKey(sha256Hex: string): string {
  return `sha256/${sha256Hex.slice(0, 2)}/${sha256Hex}`;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The text itself when it fits under `thresholdBytes` (UTF-8), else a reference to it in the store. */
export async function offloadPayload(store: ArtifactStore, text: string, thresholdBytes: number): Promise<string> {
  // a UTF-8 byte per UTF-16 unit at most 3: a text this short fits without encoding it (most of them)
  if (text.length * 3 <= thresholdBytes && !isArtifactReference(text)) return text;
  const bytes = new TextEncoder().encode(text);
  // a short text that looks like a reference is offloaded too, so reading it back gives the text
  if (bytes.byteLength <= thresholdBytes && !isArtifactReference(text)) return text;
  const hex = sha256(bytes);
  await store.put(artifactKey(hex), bytes);
  return `artifact:sha256:${hex}`;
}

/** A stored value as text: itself, or the artifact it refers to. */
export async function resolvePayload(store: ArtifactStore, value: string): Promise<string> {
  const hex = REFERENCE.exec(value)?.[1];
  if (!hex) return value;
  const bytes = await store.get(artifactKey(hex));
  if (!bytes) throw new DomainError("NOT_FOUND", `Artifact sha256:${hex.slice(0, 12)}… is not in the ${store.kind} artifact store`);
  if (sha256(bytes) !== hex) throw new DomainError("INVARIANT_VIOLATED", `Artifact sha256:${hex.slice(0, 12)}… does not match its hash`);
  return new TextDecoder().decode(bytes);
}
