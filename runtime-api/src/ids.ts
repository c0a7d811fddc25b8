import { randomBytes, randomUUID } from "node:crypto";

/** A new object id. */
export function newId(): string {
  return randomUUID();
}

/** A secret token (sessions, share links, hooks): 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}
