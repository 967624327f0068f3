/**
 * Gemini API Files (v1beta): `files.list` and `files.get`, authenticated by an API key and
 * limited to the files of that key's project. `pageSize` defaults to 10 and is capped at 100.
 * There is no route to download an uploaded file: the API has none.
 */
import type { GeminiCall, GeminiRoute } from './route-types.ts';
import type { StoredFile } from './types.ts';
import { clampPageSize, cloudError, decodePageToken, encodePageToken, invalidArgument } from './wire.ts';

const DEFAULT_PAGE_SIZE = 10;

function wireFile(stored: StoredFile, origin: string): Record<string, unknown> {
  const file = JSON.parse(JSON.stringify(stored.file)) as Record<string, unknown>;
  file.uri = `${origin}/v1beta/${stored.file.name}`;
  // Only generated files can be downloaded.
  if (stored.file.source === 'GENERATED')
    file.downloadUri = `${origin}/download/v1beta/${stored.file.name}:download?alt=media`;
  return file;
}

function filesOf(call: GeminiCall): StoredFile[] {
  const projectId = call.apiKey?.projectId;
  return call.tenant.files.filter((f) => f.projectId === projectId);
}

export const fileRoutes: GeminiRoute[] = [
  {
    method: 'GET',
    template: '/v1beta/files',
    auth: 'api-key',
    handle(call) {
      const size = clampPageSize(
        call.query.get('pageSize'),
        DEFAULT_PAGE_SIZE,
        Math.min(100, call.pageLimits.files),
      );
      if (typeof size !== 'number') return size;
      const projectId = call.apiKey?.projectId ?? '';
      const token = call.query.get('pageToken');
      const state = decodePageToken(token);
      if (token && (!state || state.p !== projectId)) return invalidArgument('Invalid page token.');
      const offset = Number(state?.o ?? 0);
      const files = filesOf(call);
      const page = files.slice(offset, offset + size);
      const body: Record<string, unknown> = { files: page.map((f) => wireFile(f, call.origin)) };
      if (offset + size < files.length)
        body.nextPageToken = encodePageToken({ o: offset + size, p: projectId });
      return { status: 200, body };
    },
  },
  {
    method: 'GET',
    template: '/v1beta/files/{file}',
    auth: 'api-key',
    handle(call) {
      const stored = filesOf(call).find((f) => f.file.name === `files/${call.params.file}`);
      if (!stored) {
        return cloudError(
          403,
          `You do not have permission to access the File ${call.params.file} or it may not exist.`,
        );
      }
      return { status: 200, body: wireFile(stored, call.origin) };
    },
  },
];
