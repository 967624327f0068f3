/**
 * Gemini API `File` → file asset. The file sits with Google in the key's project (owner), is
 * reachable by nobody else (exposure private), and its size arrives as an int64 string.
 */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';

export const WireFile = z.looseObject({
  name: z.string().min(1),
  displayName: z.string().nullish(),
  mimeType: z.string().nullish(),
  sizeBytes: z.union([z.string(), z.number()]).nullish(),
  createTime: z.string().nullish(),
  updateTime: z.string().nullish(),
  expirationTime: z.string().nullish(),
  uri: z.string().nullish(),
  state: z.string().nullish(),
  source: z.string().nullish(),
});
export type WireFile = z.infer<typeof WireFile>;

function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function bytes(value: string | number | null | undefined): number | null {
  const n = typeof value === 'number' ? value : /^\d+$/.test(value ?? '') ? Number(value) : Number.NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export function normalizeFile(file: WireFile, projectId: string, observedAt: string): AssetInput {
  const id = file.name.replace(/^files\//, '');
  return {
    provider: 'gemini',
    kind: 'file',
    externalId: id,
    name: file.displayName || file.name,
    url: file.uri ?? null,
    observedAt,
    owner: `projects/${projectId}`,
    mimeType: file.mimeType ?? null,
    sizeBytes: bytes(file.sizeBytes),
    exposure: 'private',
    modifiedAt: isoOrNull(file.updateTime ?? file.createTime),
    attributes: {
      resourceName: file.name,
      createdAt: isoOrNull(file.createTime),
      expiresAt: isoOrNull(file.expirationTime),
      source: file.source ?? null,
      state: file.state ?? null,
      // Only files Gemini generated can be downloaded; uploads are metadata-only.
      downloadable: file.source === 'GENERATED',
    },
  };
}
