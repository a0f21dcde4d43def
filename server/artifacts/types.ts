/**
 * Where large payloads live when they are too big for a database row: a key-value
 * store of bytes. Keys are slash-separated paths of [A-Za-z0-9._-] segments
 * (payload.ts uses "sha256/<2 hex>/<64 hex>"); a key is written once and its bytes
 * never change, so put is idempotent and a get may be cached forever.
 */
export interface ArtifactStore {
  /** "local" or "s3": for logs and health pages (never a secret) */
  readonly kind: string;
  put(key: string, body: Uint8Array | string): Promise<void>;
  /** the bytes, or null when no artifact has this key */
  get(key: string): Promise<Uint8Array | null>;
}

const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Refuses a key that could leave the store's folder or prefix ("..", "/x", "a//b"). */
export function assertArtifactKey(key: string): string {
  if (key.length > 512 || !KEY.test(key) || key.split("/").some((s) => s === "." || s === "..")) {
    throw new Error(`Invalid artifact key ${JSON.stringify(key.slice(0, 80))}`);
  }
  return key;
}

export function toBytes(body: Uint8Array | string): Uint8Array {
  return typeof body === "string" ? new TextEncoder().encode(body) : body;
}
