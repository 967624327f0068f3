/**
 * File content for DLP. Google Docs/Sheets/Slides are exported as text (Sheets as CSV; the
 * export is capped at 10 MB by Google); stored files are downloaded with `alt=media`. Other
 * Google-native types (Forms, Drawings, folders, shortcuts) have no text form: null, so the
 * file is reported as not inspectable, never as clean.
 */
import type { ConnectorContext, FileContent } from '../../scanner/connector.ts';
import type { FileAsset } from '../../scanner/model.ts';
import type { GoogleWorkspaceClient } from './client.ts';
import type { GoogleWorkspaceCredentials } from './credentials.ts';
import { SCOPES } from './scopes.ts';
import { pickMember } from './streams/drive.ts';

const EXPORTS: Record<string, string> = {
  'application/vnd.google-apps.document': 'text/plain',
  'application/vnd.google-apps.presentation': 'text/plain',
  'application/vnd.google-apps.spreadsheet': 'text/csv',
};
const GOOGLE_NATIVE = 'application/vnd.google-apps.';

export async function fetchGoogleContent(
  ctx: ConnectorContext<GoogleWorkspaceCredentials, GoogleWorkspaceClient>,
  file: FileAsset,
): Promise<FileContent | null> {
  const { client } = ctx;
  const mimeType = file.mimeType ?? '';
  const exportAs = EXPORTS[mimeType];
  if (!exportAs && mimeType.startsWith(GOOGLE_NATIVE)) return null;
  const reader = await readerOf(client, file);
  if (!reader) return null;
  const session = client.asUser(reader, [SCOPES.drive], { streaming: true });
  const drive = session.drive();
  const body = exportAs
    ? await session.call('GET /drive/v3/files/{fileId}/export', () =>
        drive.files.export({ fileId: file.externalId, mimeType: exportAs }, { responseType: 'stream' }),
      )
    : await session.call('GET /drive/v3/files/{fileId}?alt=media', () =>
        drive.files.get(
          { fileId: file.externalId, alt: 'media', supportsAllDrives: true },
          { responseType: 'stream' },
        ),
      );
  return {
    body: body as unknown as AsyncIterable<Uint8Array>,
    mimeType: exportAs ?? (mimeType || null),
    fileName: file.name,
  };
}

/** The owner for My Drive files; an active member for shared-drive items. */
async function readerOf(client: GoogleWorkspaceClient, file: FileAsset): Promise<string | null> {
  if (file.owner) return file.owner;
  const driveId = typeof file.attributes.driveId === 'string' ? file.attributes.driveId : null;
  return driveId ? pickMember(client, driveId, null) : null;
}
