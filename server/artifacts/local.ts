/**
 * The default artifact store: one file per key under a folder (DATA_DIR/artifacts).
 * Writes go to a temporary file renamed into place, so a reader never sees half an
 * artifact and two writers of the same content-addressed key cannot corrupt it.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { assertArtifactKey, toBytes, type ArtifactStore } from "./types";

export class LocalArtifactStore implements ArtifactStore {
  readonly kind = "local";
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private file(key: string): string {
    return path.join(this.root, ...assertArtifactKey(key).split("/"));
  }

  async put(key: string, body: Uint8Array | string): Promise<void> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    await fs.writeFile(tmp, toBytes(body), { mode: 0o600 });
    await fs.rename(tmp, file);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await fs.readFile(this.file(key)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }
}
