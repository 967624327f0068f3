/** PKCE (RFC 7636) with S256: a 43-character verifier and its SHA-256 challenge. */
import { createHash, randomBytes } from 'node:crypto';

export function createPkce(): { verifier: string; challenge: string; method: 'S256' } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url'), method: 'S256' };
}
