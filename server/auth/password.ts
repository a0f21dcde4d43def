/**
 * Password hashing with bcrypt (bcryptjs: maintained, pure JavaScript, so nothing
 * native to download or compile). Cost 11: ~0.1–0.2 s per hash on our machines.
 */
import bcrypt from "bcryptjs";

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A real hash to compare against when the email is unknown, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= bcrypt.hash("not-a-real-password", COST);
  return dummyHash;
}
