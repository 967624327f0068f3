/**
 * Item content for DLP: `GET /drives/{id}/items/{id}/content`, which answers with a redirect to
 * a pre-authenticated download URL. The redirect is followed without the bearer token (the
 * download host is not Graph). Folders have no content: null, reported as not inspectable.
 */
import type { ConnectorContext, FileContent } from '../../scanner/connector.ts';
import { PeriscopeError } from '../../scanner/errors.ts';
import { streamingFetch } from '../../scanner/http-transport.ts';
import type { FileAsset } from '../../scanner/model.ts';
import type { Microsoft365Client } from './client.ts';
import { Microsoft365Config, type Microsoft365Credentials } from './credentials.ts';

export async function fetchMicrosoftContent(
  ctx: ConnectorContext<Microsoft365Credentials, Microsoft365Client>,
  file: FileAsset,
): Promise<FileContent | null> {
  if (file.mimeType === 'folder') return null;
  const [driveId, itemId] = file.externalId.split(':');
  if (!driveId || !itemId) return null;
  const { caCertificate } = Microsoft365Config.parse(ctx.connection.config);
  const fetchBody = ctx.http.wrapFetch(streamingFetch(caCertificate));
  const url = `${ctx.client.graphRoot}v1.0/drives/${driveId}/items/${itemId}/content`;
  const label = 'GET /drives/{id}/items/{id}/content';
  let response = await ctx.client.call(label, 'Files.Read.All', async () => {
    const token = await ctx.client.accessToken();
    const answer = await fetchBody(url, {
      headers: { authorization: `Bearer ${token}` },
      redirect: 'manual',
    });
    if (answer.status >= 400) {
      await answer.body?.cancel();
      throw { statusCode: answer.status, headers: answer.headers };
    }
    return answer;
  });
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location) {
    await response.body?.cancel();
    response = await fetchBody(new URL(location, url).href);
  }
  if (!response.ok || !response.body) {
    throw new PeriscopeError(
      'vendor_error',
      `microsoft-365 ${label}: download answered HTTP ${response.status}`,
    );
  }
  return {
    body: response.body as unknown as AsyncIterable<Uint8Array>,
    mimeType: response.headers.get('content-type') ?? file.mimeType,
    fileName: file.name,
  };
}
