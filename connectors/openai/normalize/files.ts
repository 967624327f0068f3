/** Files uploaded to (or produced by) OpenAI → file (MODEL.md § file). */
import type { AssetInput } from '../../../scanner/model.ts';
import { DOWNLOADABLE_PURPOSES, PLATFORM } from '../manifest.ts';
import { type File, iso, type Project } from '../schemas.ts';

const MIME: Record<string, string> = {
  csv: 'text/csv',
  txt: 'text/plain',
  md: 'text/markdown',
  json: 'application/json',
  jsonl: 'application/jsonl',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
};

export function normalizeFile(file: File, project: Project, observedAt: string): AssetInput {
  const name = file.filename || file.id;
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return {
    provider: 'openai',
    kind: 'file',
    externalId: file.id,
    name,
    url: `${PLATFORM}/storage/files/${file.id}`,
    observedAt,
    owner: null,
    mimeType: MIME[extension] ?? null,
    sizeBytes: typeof file.bytes === 'number' && file.bytes >= 0 ? Math.floor(file.bytes) : null,
    exposure: 'private',
    modifiedAt: iso(file.created_at),
    attributes: {
      projectId: project.id,
      projectName: project.name ?? null,
      purpose: file.purpose ?? null,
      expiresAt: iso(file.expires_at),
      downloadable: DOWNLOADABLE_PURPOSES.has(file.purpose ?? ''),
    },
  };
}
