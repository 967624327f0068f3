/**
 * A connector test double for the DLP pipeline: it serves file assets and their content from
 * memory, so the scan → inspect → findings path can be tested before a file-bearing vendor
 * simulator exists. It stands in for a connector (our interface), never for a vendor's API.
 */
import { z } from 'zod';
import { defineConnector } from '../../scanner/connector.ts';
import type { AssetInput, Exposure } from '../../scanner/model.ts';

export interface MemoryFile {
  name: string;
  exposure: Exposure;
  access: 'edit' | 'view' | null;
  modifiedAt: string;
  mimeType: string;
  /** null: the vendor cannot serve this file's content. */
  content: string | null;
}

export function createFilesConnector(files: Map<string, MemoryFile>) {
  let fetches = 0;
  const toAsset = (id: string, file: MemoryFile): AssetInput => ({
    provider: 'google-workspace',
    kind: 'file',
    externalId: id,
    name: file.name,
    observedAt: new Date().toISOString(),
    owner: 'owner@example.test',
    mimeType: file.mimeType,
    sizeBytes: file.content?.length ?? 0,
    exposure: file.exposure,
    exposureAccess: file.access,
    modifiedAt: file.modifiedAt,
  });
  const connector = defineConnector<Record<string, never>, null>({
    provider: 'google-workspace',
    credentials: z.object({}).strict() as never,
    config: z.record(z.string(), z.string()),
    createClient: () => null,
    streams: [
      {
        name: 'files',
        kinds: ['file'],
        async *collect() {
          yield { assets: [...files].map(([id, file]) => toAsset(id, file)) };
        },
      },
    ],
    verify: async () => {},
    async fetchContent(_ctx, asset) {
      fetches += 1;
      const file = files.get(asset.externalId);
      if (!file || file.content === null) return null;
      return { body: new TextEncoder().encode(file.content), mimeType: file.mimeType, fileName: file.name };
    },
  });
  return { connector, fetches: () => fetches };
}
