import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { clearDecodedSessions, sessionToken, sessionUserIdFromCookies } from "./session-user";

const SECRET = "session-user test secret, 32 bytes or more of it";
const NAME = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
const NOW = Date.parse("2026-11-21T12:00:00Z");

/** A session token exactly as Auth.js writes it at sign-in (its own encode, the cookie name as salt). */
async function tokenFor(sub: string, opts: { salt?: string; secret?: string; expiresAtMs?: number } = {}) {
  const maxAgeS = Math.round(((opts.expiresAtMs ?? NOW + 30 * 86_400_000) - Date.now()) / 1000);
  return encode({ token: { sub, name: "Ada", email: "ada@example.com" }, secret: opts.secret ?? SECRET, salt: opts.salt ?? NAME, maxAge: maxAgeS });
}

describe("sessionUserIdFromCookies", () => {
  beforeEach(() => clearDecodedSessions());

  it("reads the user id of a token Auth.js encoded, among other cookies", async () => {
    const token = await tokenFor("user-1");
    expect(await sessionUserIdFromCookies(`theme=dark; ${NAME}=${token}; authjs.csrf-token=x`, NOW, SECRET)).toBe("user-1");
    // answered from memory the second time: same answer
    expect(await sessionUserIdFromCookies(`${NAME}=${token}`, NOW, SECRET)).toBe("user-1");
  });

  it("reads the secure cookie, whose name is the salt", async () => {
    const token = await tokenFor("user-2", { salt: SECURE });
    expect(await sessionUserIdFromCookies(`${SECURE}=${token}`, NOW, SECRET)).toBe("user-2");
    // the same token under the other name was encrypted with another key: not a session
    expect(await sessionUserIdFromCookies(`${NAME}=${token}`, NOW, SECRET)).toBeNull();
  });

  it("joins a token split into numbered chunks, in their order", async () => {
    const token = await tokenFor("user-3");
    const third = Math.ceil(token.length / 3);
    const [a, b, c] = [token.slice(0, third), token.slice(third, 2 * third), token.slice(2 * third)];
    expect(await sessionUserIdFromCookies(`${NAME}.2=${c}; ${NAME}.0=${a}; ${NAME}.1=${b}`, NOW, SECRET)).toBe("user-3");
    expect(sessionToken(`${NAME}.1=${b}; ${NAME}.0=${a}`)).toEqual({ name: NAME, token: a + b });
  });

  it("is signed out without a cookie, with a tampered token, or a token of another secret", async () => {
    expect(await sessionUserIdFromCookies(null, NOW, SECRET)).toBeNull();
    expect(await sessionUserIdFromCookies("theme=dark", NOW, SECRET)).toBeNull();
    const token = await tokenFor("user-4");
    const tampered = token.slice(0, -6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    expect(await sessionUserIdFromCookies(`${NAME}=${tampered}`, NOW, SECRET)).toBeNull();
    expect(await sessionUserIdFromCookies(`${NAME}=${await tokenFor("user-4", { secret: "another secret of 32 bytes or more..." })}`, NOW, SECRET)).toBeNull();
    expect(await sessionUserIdFromCookies(`${NAME}=not.a.jwe`, NOW, SECRET)).toBeNull();
  });

  it("stops answering once the token expires, also from memory", async () => {
    const expiresAtMs = Date.now() + 60_000;
    const token = await tokenFor("user-5", { expiresAtMs });
    expect(await sessionUserIdFromCookies(`${NAME}=${token}`, Date.now(), SECRET)).toBe("user-5");
    expect(await sessionUserIdFromCookies(`${NAME}=${token}`, expiresAtMs + 1_000, SECRET)).toBeNull();
  });
});
