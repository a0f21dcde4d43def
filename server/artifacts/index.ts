import { getEnv } from "@/lib/env";
import { artifactStoreFromEnv, type Artifacts } from "./from-env";

export { artifactStoreFromEnv, type Artifacts } from "./from-env";
export { artifactKey, isArtifactReference, offloadPayload, resolvePayload } from "./payload";
export type { ArtifactStore } from "./types";

let cached: Artifacts | undefined;

/** The process's artifact store, from the validated environment (built once). */
export function getArtifacts(): Artifacts {
  cached ??= artifactStoreFromEnv(getEnv());
  return cached;
}
