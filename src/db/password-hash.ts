/**
 * Password hashing with Argon2id (memory-hard), parameters of the OWASP password storage cheat
 * sheet: 19 MiB of memory, 2 iterations, 1 lane.
 */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so that both cases take the same time. */
let dummyHash: Promise<string> | null = null;
export async function burnVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword('doingoai-no-such-user');
  await verifyPassword(await dummyHash, password);
}
