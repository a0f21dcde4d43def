/**
 * The artifact store the environment asks for, with the offload threshold: local
 * files under DATA_DIR/artifacts unless S3 is configured (lib/env.ts checks that
 * an S3 choice has its endpoint, bucket and keys).
 */
import path from "node:path";
import type { Env } from "@/lib/env";
import { LocalArtifactStore } from "./local";
import { S3ArtifactStore } from "./s3";
import type { ArtifactStore } from "./types";

export interface Artifacts {
  store: ArtifactStore;
  /** payloads above this many UTF-8 bytes go to the store */
  thresholdBytes: number;
}

type ArtifactEnv = Pick<
  Env,
  | "DATA_DIR" | "ARTIFACT_STORE" | "ARTIFACT_OFFLOAD_THRESHOLD_BYTES" | "ARTIFACT_S3_ENDPOINT" | "ARTIFACT_S3_BUCKET"
  | "ARTIFACT_S3_REGION" | "ARTIFACT_S3_PREFIX" | "ARTIFACT_S3_ACCESS_KEY_ID" | "ARTIFACT_S3_SECRET_ACCESS_KEY"
>;

export function artifactStoreFromEnv(env: ArtifactEnv): Artifacts {
  const s3 = env.ARTIFACT_STORE === "s3" || (env.ARTIFACT_STORE === undefined && !!env.ARTIFACT_S3_BUCKET);
  if (!s3) return { store: new LocalArtifactStore(path.join(env.DATA_DIR, "artifacts")), thresholdBytes: env.ARTIFACT_OFFLOAD_THRESHOLD_BYTES };
  const { ARTIFACT_S3_ENDPOINT: endpoint, ARTIFACT_S3_BUCKET: bucket, ARTIFACT_S3_ACCESS_KEY_ID: accessKeyId, ARTIFACT_S3_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!endpoint || !bucket || !accessKeyId || !secretAccessKey) {
    throw new Error("The S3 artifact store needs ARTIFACT_S3_ENDPOINT, ARTIFACT_S3_BUCKET, ARTIFACT_S3_ACCESS_KEY_ID and ARTIFACT_S3_SECRET_ACCESS_KEY");
  }
  return {
    store: new S3ArtifactStore({ endpoint, bucket, region: env.ARTIFACT_S3_REGION, prefix: env.ARTIFACT_S3_PREFIX, accessKeyId, secretAccessKey }),
    thresholdBytes: env.ARTIFACT_OFFLOAD_THRESHOLD_BYTES,
  };
}
