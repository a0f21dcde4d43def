import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { artifactStoreFromEnv } from "./from-env";
import { LocalArtifactStore } from "./local";
import { artifactKey, offloadPayload, resolvePayload } from "./payload";
import { S3ArtifactStore } from "./s3";
import { AUTHORIZATION_FORMAT, startS3Mock, type S3Mock } from "./testing/s3-mock";
import type { ArtifactStore } from "./types";

const creds = { bucket: "clash-artifacts", region: "auto", accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
let dir: string;
let s3: S3Mock;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "clash-artifacts-"));
  s3 = await startS3Mock(creds);
});
afterAll(async () => {
  await s3.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const stores: [string, () => ArtifactStore][] = [
  ["local files", () => new LocalArtifactStore(path.join(dir, "local"))],
  ["S3 over SigV4", () => new S3ArtifactStore({ endpoint: s3.endpoint, ...creds, prefix: "test/" })],
];

describe.each(stores)("%s", (_name, make) => {
  it("puts and gets bytes and text; a missing key is null", async () => {
    const store = make();
    await store.put("sha256/ab/one", "héllo, artifacts\n");
    await store.put("bin/two", new Uint8Array([0, 255, 7]));
    expect(new TextDecoder().decode((await store.get("sha256/ab/one"))!)).toBe("héllo, artifacts\n");
    expect([...(await store.get("bin/two"))!]).toEqual([0, 255, 7]);
    expect(await store.get("nothing/here")).toBeNull();
  });

  it.each(["../escape", "/absolute", "a//b", "a/../b", "a/./b", "", "with space"])("refuses the key %j", async (key) => {
    await expect(make().put(key, "x")).rejects.toThrow(/Invalid artifact key/);
  });

  it("offloads a large payload by content and resolves it back; a small one stays inline", async () => {
    const store = make();
    const big = JSON.stringify({ prompt: "x".repeat(5_000), note: "ünïcode" });
    const ref = await offloadPayload(store, big, 1_024);
    expect(ref).toMatch(/^artifact:sha256:[0-9a-f]{64}$/);
    expect(await offloadPayload(store, big, 1_024)).toBe(ref); // same content, same object
    expect(await resolvePayload(store, ref)).toBe(big);
    expect(await offloadPayload(store, "short", 1_024)).toBe("short");
    expect(await resolvePayload(store, "short")).toBe("short");
    // a short text that looks like a reference is stored, so it reads back as itself
    const lookalike = `artifact:sha256:${"0".repeat(64)}`;
    const stored = await offloadPayload(store, lookalike, 1_024);
    expect(stored).not.toBe(lookalike);
    expect(await resolvePayload(store, stored)).toBe(lookalike);
  });

  it("a reference to a missing or damaged artifact is an explained error", async () => {
    const store = make();
    const hex = "1".repeat(64);
    await expect(resolvePayload(store, `artifact:sha256:${hex}`)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await store.put(artifactKey(hex), "not what the hash says");
    await expect(resolvePayload(store, `artifact:sha256:${hex}`)).rejects.toMatchObject({ code: "INVARIANT_VIOLATED" });
  });
});

describe("S3 requests", () => {
  it("are path-style, signed with a well-formed SigV4 Authorization header the server verifies", async () => {
    const store = new S3ArtifactStore({ endpoint: s3.endpoint, ...creds, prefix: "p/" });
    const before = s3.requests.length;
    await store.put("sha256/cd/key", "body");
    const [put] = s3.requests.slice(before);
    expect(put).toMatchObject({ method: "PUT", path: "/clash-artifacts/p/sha256/cd/key", status: 200 });
    const auth = AUTHORIZATION_FORMAT.exec(put!.authorization);
    expect(auth?.[1]).toBe("AKIDEXAMPLE");
    expect(auth?.[3]).toBe("auto");
    expect(auth?.[4]!.split(";")).toEqual(expect.arrayContaining(["host", "x-amz-content-sha256", "x-amz-date"]));
    expect(put!.authorization).not.toContain(creds.secretAccessKey);
    expect(s3.objects.get("p/sha256/cd/key")?.toString()).toBe("body");
  });

  it("a wrong secret is refused by the server and reported without the secret", async () => {
    const secret = "totally-wrong-secret-value";
    const store = new S3ArtifactStore({ endpoint: s3.endpoint, ...creds, secretAccessKey: secret });
    const error = await store.put("k", "v").then(() => null, (e: Error) => e);
    expect(error?.message).toBe("Artifact store: PUT k failed with HTTP 403 (SignatureDoesNotMatch)");
    expect(error?.message).not.toContain(secret);
  });

  it("a 503 is retried", async () => {
    const store = new S3ArtifactStore({ endpoint: s3.endpoint, ...creds });
    s3.failNext.push(503);
    await store.put("retried", "ok");
    expect(s3.objects.get("retried")?.toString()).toBe("ok");
  });
});

describe("artifactStoreFromEnv", () => {
  it("is local files under DATA_DIR/artifacts by default, with a 64 KiB threshold", async () => {
    const { store, thresholdBytes } = artifactStoreFromEnv(parseEnv({ DATA_DIR: dir }));
    expect([store.kind, thresholdBytes]).toEqual(["local", 65_536]);
    await store.put("sha256/00/x", "y");
    expect(fs.readFileSync(path.join(dir, "artifacts", "sha256", "00", "x"), "utf8")).toBe("y");
  });

  it("is S3 when a bucket is configured", async () => {
    const env = parseEnv({
      ARTIFACT_S3_ENDPOINT: s3.endpoint, ARTIFACT_S3_BUCKET: creds.bucket, ARTIFACT_S3_REGION: creds.region,
      ARTIFACT_S3_ACCESS_KEY_ID: creds.accessKeyId, ARTIFACT_S3_SECRET_ACCESS_KEY: creds.secretAccessKey, ARTIFACT_OFFLOAD_THRESHOLD_BYTES: "2048",
    });
    const { store, thresholdBytes } = artifactStoreFromEnv(env);
    expect([store.kind, thresholdBytes]).toEqual(["s3", 2048]);
    const ref = await offloadPayload(store, "z".repeat(3_000), thresholdBytes);
    expect(await resolvePayload(store, ref)).toBe("z".repeat(3_000));
  });

  it("an incomplete S3 configuration fails naming what is missing, never a value", () => {
    const source = { ARTIFACT_STORE: "s3", ARTIFACT_S3_BUCKET: "b-1", ARTIFACT_S3_SECRET_ACCESS_KEY: "s3cr3t-value" };
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(/ARTIFACT_S3_ENDPOINT: required.*\n.*ARTIFACT_S3_ACCESS_KEY_ID: required/);
    expect(() => parseEnv(source)).not.toThrow(/s3cr3t/);
  });
});
