/** `GET /orgs/{org}/hooks` items → 'github.webhook' settings. */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';
import { isoOrNull, maybeBoolean, maybeString } from './fields.ts';

export const GhWebhook = z.object({
  id: z.number().int(),
  name: maybeString,
  active: maybeBoolean,
  events: z.array(z.string()).nullish(),
  config: z
    .object({
      url: maybeString,
      content_type: maybeString,
      // GitHub sends a string ("0"/"1"); some older payloads a number.
      insecure_ssl: z.union([z.string(), z.number()]).nullish(),
      secret: maybeString,
    })
    .nullish(),
  created_at: maybeString,
  updated_at: maybeString,
});
export type GhWebhook = z.infer<typeof GhWebhook>;

/**
 * Payload URLs sometimes carry credentials (user:pass@, ?token=…); keep scheme, host and path
 * only, which is all a rule or a human needs.
 */
export function redactUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search ? '?…' : ''}`;
  } catch {
    return null;
  }
}

export function normalizeWebhook(hook: GhWebhook, observedAt: string): AssetInput {
  const config = hook.config ?? {};
  const insecure = config.insecure_ssl;
  const url = redactUrl(config.url);
  return {
    provider: 'github',
    kind: 'setting',
    externalId: `hook:${hook.id}`,
    name: url ?? `webhook ${hook.id}`,
    observedAt,
    settingType: 'github.webhook',
    scope: 'organization',
    values: {
      url,
      active: hook.active ?? null,
      events: hook.events ?? [],
      // GitHub masks a configured secret as "********" and omits the key when there is none.
      hasSecret: Boolean(config.secret),
      insecureSsl: insecure === undefined || insecure === null ? null : String(insecure) === '1',
      contentType: config.content_type ?? null,
    },
    attributes: { createdAt: isoOrNull(hook.created_at), updatedAt: isoOrNull(hook.updated_at) },
  };
}
