/**
 * `GET /orgs/{org}/secret-scanning/alerts` items → 'github.secret-scanning-alert' settings.
 * The schema has no `secret` field, so even if `hide_secret` were ignored the value is dropped.
 */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';
import { isoOrNull, maybeBoolean, maybeString } from './fields.ts';

export const GhSecretAlert = z.object({
  number: z.number().int(),
  state: maybeString,
  resolution: maybeString,
  secret_type: maybeString,
  secret_type_display_name: maybeString,
  validity: maybeString,
  publicly_leaked: maybeBoolean,
  push_protection_bypassed: maybeBoolean,
  html_url: maybeString,
  created_at: maybeString,
  updated_at: maybeString,
  resolved_at: maybeString,
  repository: z.object({ full_name: z.string() }),
});
export type GhSecretAlert = z.infer<typeof GhSecretAlert>;

export function normalizeSecretAlert(alert: GhSecretAlert, observedAt: string): AssetInput {
  const repository = alert.repository.full_name;
  const secretType = alert.secret_type_display_name ?? alert.secret_type ?? 'secret';
  return {
    provider: 'github',
    kind: 'setting',
    externalId: `secret-alert:${repository}#${alert.number}`,
    name: `${repository}#${alert.number} ${secretType}`,
    url: alert.html_url ?? null,
    observedAt,
    settingType: 'github.secret-scanning-alert',
    scope: 'object',
    values: {
      state: alert.state ?? null,
      resolution: alert.resolution ?? null,
      secretType: alert.secret_type ?? null,
      secretTypeDisplayName: alert.secret_type_display_name ?? null,
      validity: alert.validity ?? null,
      publiclyLeaked: alert.publicly_leaked ?? null,
      pushProtectionBypassed: alert.push_protection_bypassed ?? null,
      repository,
      number: alert.number,
      createdAt: isoOrNull(alert.created_at),
      resolvedAt: isoOrNull(alert.resolved_at),
    },
  };
}
