/**
 * An S3-compatible server on 127.0.0.1 for tests: it checks each request's AWS
 * Signature V4 the way S3 does (its own implementation, independent of the client's
 * signer), checks the body against x-amz-content-sha256, and stores objects in
 * memory. Replies use S3's XML error shape.
 */
import { createHash, createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface S3MockOptions {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface S3MockRequest {
  method: string;
  path: string;
  authorization: string;
  status: number;
}

export interface S3Mock {
  endpoint: string;
  objects: Map<string, Buffer>;
  requests: S3MockRequest[];
  /** statuses to answer the next requests with before any check (e.g. a 503) */
  failNext: number[];
  close(): Promise<void>;
}

export const AUTHORIZATION_FORMAT =
  /^AWS4-HMAC-SHA256 Credential=([^/\s]+)\/(\d{8})\/([a-z0-9-]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();

function expectedSignature(o: S3MockOptions, req: http.IncomingMessage, signedHeaders: string[], date: string, payloadHash: string) {
  const u = new URL(req.url ?? "/", "http://x");
  const query = [...u.searchParams].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).sort().join("&");
  const headers = signedHeaders.map((h) => `${h}:${String(req.headers[h] ?? "").trim().replace(/\s+/g, " ")}\n`).join("");
  const canonical = [req.method, u.pathname, query, headers, signedHeaders.join(";"), payloadHash].join("\n");
  const amzDate = String(req.headers["x-amz-date"]);
  const scope = `${date}/${o.region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${o.secretAccessKey}`, date), o.region), "s3"), "aws4_request");
  return createHmac("sha256", key).update(toSign).digest("hex");
}

export async function startS3Mock(o: S3MockOptions): Promise<S3Mock> {
  const objects = new Map<string, Buffer>();
  const requests: S3MockRequest[] = [];
  const failNext: number[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const authorization = String(req.headers.authorization ?? "");
    const reply = (status: number, payload: Buffer | string = "", code?: string) => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", authorization, status });
      res.writeHead(status, { "content-type": code ? "application/xml" : "application/octet-stream" });
      res.end(code ? `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>` : payload);
    };
    const forced = failNext.shift();
    if (forced) return reply(forced, "", "SlowDown");

    const auth = AUTHORIZATION_FORMAT.exec(authorization);
    if (!auth) return reply(400, "", "AuthorizationHeaderMalformed");
    const [, keyId, date, region, signed, signature] = auth;
    const signedHeaders = signed!.split(";");
    const amzDate = String(req.headers["x-amz-date"] ?? "");
    const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "");
    if (keyId !== o.accessKeyId) return reply(403, "", "InvalidAccessKeyId");
    if (region !== o.region || !/^\d{8}T\d{6}Z$/.test(amzDate) || !amzDate.startsWith(date!)) return reply(400, "", "AuthorizationHeaderMalformed");
    if (!["host", "x-amz-content-sha256", "x-amz-date"].every((h) => signedHeaders.includes(h))) return reply(400, "", "AuthorizationHeaderMalformed");
    if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== sha256(body)) return reply(400, "", "XAmzContentSHA256Mismatch");
    if (signature !== expectedSignature(o, req, signedHeaders, date!, payloadHash)) return reply(403, "", "SignatureDoesNotMatch");

    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (!path.startsWith(`/${o.bucket}/`)) return reply(404, "", "NoSuchBucket");
    const key = decodeURIComponent(path.slice(o.bucket.length + 2));
    if (req.method === "PUT") {
      objects.set(key, body);
      return reply(200);
    }
    if (req.method === "GET") {
      const object = objects.get(key);
      return object ? reply(200, object) : reply(404, "", "NoSuchKey");
    }
    return reply(405, "", "MethodNotAllowed");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    failNext,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
