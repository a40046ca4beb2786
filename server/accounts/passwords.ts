// Password hashing with Node's scrypt (memory-hard, in node:crypto: no native
// package to build). Parameters: N = 2^15, r = 8, p = 1 — 32 MiB and about
// 100 ms per hash on this class of machine — with a 16-byte random salt and a
// 32-byte key; they are stored with each hash, so raising them later leaves
// old hashes verifiable. The async form runs on libuv's thread pool, off the
// event loop.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ACCOUNT_LIMITS } from '../../core/limits.js';

const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

const PASSWORD_MIN = ACCOUNT_LIMITS.passwordMin;
const PASSWORD_MAX = ACCOUNT_LIMITS.passwordMax;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  // maxmem must exceed 128 * N * r bytes (32 MiB here).
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem: 256 * options.N! * options.r! }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** "scrypt$N$r$p$salt$key" (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS, KEY_LENGTH);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  return timingSafeEqual(actual, expected);
}

/** Costs what a real check costs, so a sign-in with an unknown e-mail takes as long as one with a wrong password. */
let dummy: Promise<string> | undefined;
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword('no such user: a hash to compare against');
  await verifyPassword(password, await dummy);
  return false;
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `password: at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `password: at most ${PASSWORD_MAX} characters`;
  return null;
}
