/**
 * File content for DLP. Only model outputs can be downloaded; a user upload is reported not
 * inspectable (null), never clean. The project's own key reads it.
 */
import type { ConnectorContext, FileContent } from '../../scanner/connector.ts';
import { isPeriscopeError } from '../../scanner/errors.ts';
import type { FileAsset } from '../../scanner/model.ts';
import type { OpenAIClient } from './client.ts';
import type { OpenAICredentials } from './credentials.ts';

export async function fetchOpenAIContent(
  ctx: ConnectorContext<OpenAICredentials, OpenAIClient>,
  file: FileAsset,
): Promise<FileContent | null> {
  const projectId = typeof file.attributes.projectId === 'string' ? file.attributes.projectId : null;
  const sdk = projectId ? ctx.client.forProject(projectId) : null;
  if (!sdk || file.attributes.downloadable !== true) return null;
  try {
    const response = await ctx.client.call('GET /files/{id}/content', (signal) =>
      sdk.files.content(file.externalId, { signal }),
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { body: bytes, mimeType: file.mimeType, fileName: file.name };
  } catch (error) {
    // 400: this purpose is not downloadable after all; 404: deleted since the scan listed it.
    if (isPeriscopeError(error) && (error.code === 'internal' || error.code === 'not_found')) return null;
    throw error;
  }
}
