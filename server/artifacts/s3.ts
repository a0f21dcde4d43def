/**
 * An S3-compatible artifact store (AWS S3, Cloudflare R2, MinIO, Ceph): path-style
 * PUT and GET of `<endpoint>/<bucket>/<prefix><key>`, signed with AWS Signature V4
 * by aws4fetch (a small, dependency-free signer on WebCrypto). The body's sha-256
 * is sent and signed as x-amz-content-sha256, so the store rejects a body damaged
 * on the way. Errors name the operation, the key and the HTTP status; the
 * credentials never appear in an error or a log.
 */
import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import { assertArtifactKey, toBytes, type ArtifactStore } from "./types";

export interface S3ArtifactConfig {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** "" or a path ending with "/" */
  prefix?: string;
  /** per attempt, ms */
  timeoutMs?: number;
  /** retries of a 5xx or 429 (with backoff) */
  retries?: number;
}

export class S3ArtifactStore implements ArtifactStore {
  readonly kind = "s3";
  private readonly client: AwsClient;
  private readonly base: string;
  private readonly prefix: string;
  private readonly timeoutMs: number;

  constructor(config: S3ArtifactConfig) {
    this.client = new AwsClient({
      accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey,
      service: "s3", region: config.region, retries: config.retries ?? 2, initRetryMs: 100,
    });
    this.base = `${config.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(config.bucket)}/`;
    this.prefix = config.prefix ?? "";
    this.timeoutMs = config.timeoutMs ?? 15_000;
  }

  private url(key: string): string {
    return this.base + `${this.prefix}${assertArtifactKey(key)}`.split("/").map(encodeURIComponent).join("/");
  }

  async put(key: string, body: Uint8Array | string): Promise<void> {
    const bytes = new Uint8Array(toBytes(body)); // an ArrayBuffer-backed copy: what fetch's BodyInit takes
    const res = await this.client.fetch(this.url(key), {
      method: "PUT",
      body: bytes,
      headers: { "content-type": "application/octet-stream", "x-amz-content-sha256": createHash("sha256").update(bytes).digest("hex") },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`Artifact store: PUT ${key} failed with HTTP ${res.status}${await detail(res)}`);
    await res.body?.cancel();
  }

  async get(key: string): Promise<Uint8Array | null> {
    const res = await this.client.fetch(this.url(key), { method: "GET", signal: AbortSignal.timeout(this.timeoutMs) });
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) throw new Error(`Artifact store: GET ${key} failed with HTTP ${res.status}${await detail(res)}`);
    return new Uint8Array(await res.arrayBuffer());
  }
}

/** The S3 error code (<Code>AccessDenied</Code>), which says why without echoing anything secret. */
async function detail(res: Response): Promise<string> {
  const text = await res.text().catch(() => "");
  const code = /<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(text)?.[1];
  return code ? ` (${code})` : "";
}
