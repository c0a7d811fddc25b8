import { hash, verify } from "@node-rs/argon2";

/** Hash a password with argon2id (the library's defaults follow OWASP's recommendation). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether the password matches the stored hash; a malformed hash is a mismatch, not a crash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
