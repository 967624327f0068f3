/** `GET /repos/{owner}/{repo}/keys` items → api_key assets; the public key itself is not kept. */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';
import { isoOrNull, maybeBoolean, maybeString } from './fields.ts';

export const GhDeployKey = z.object({
  id: z.number().int(),
  key: maybeString,
  title: maybeString,
  verified: maybeBoolean,
  created_at: maybeString,
  read_only: maybeBoolean,
  added_by: maybeString,
  last_used: maybeString,
  enabled: maybeBoolean,
});
export type GhDeployKey = z.infer<typeof GhDeployKey>;

/** Tail of the OpenSSH SHA256 fingerprint, the form GitHub shows in the UI. */
export function fingerprintHint(publicKey: string | null | undefined): string | null {
  const blob = publicKey?.trim().split(/\s+/)[1];
  if (!blob) return null;
  const digest = createHash('sha256').update(Buffer.from(blob, 'base64')).digest('base64').replace(/=+$/, '');
  return digest.slice(-8);
}

export function normalizeDeployKey(repoFullName: string, key: GhDeployKey, observedAt: string): AssetInput {
  return {
    provider: 'github',
    kind: 'api_key',
    externalId: `deploy-key:${repoFullName}:${key.id}`,
    name: key.title ?? `deploy key ${key.id}`,
    observedAt,
    keyType: 'github_deploy_key',
    owner: key.added_by ?? null,
    hint: fingerprintHint(key.key),
    access: key.read_only === false ? 'write' : key.read_only === true ? 'read' : null,
    createdAt: isoOrNull(key.created_at),
    lastUsedAt: isoOrNull(key.last_used),
    attributes: { repository: repoFullName, verified: key.verified ?? null, enabled: key.enabled ?? null },
  };
}
