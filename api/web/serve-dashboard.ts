/**
 * The dashboard (web/, built by `npm run build:web`) served at `/` next to the API. Hashed files
 * under assets/ never change, so they are cached for a year; index.html is revalidated on every
 * load so a new build is picked up at once. Without a build, `/` says how to make one (503)
 * rather than failing: the API itself works without the dashboard.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifySchema } from 'fastify';

/** Where `npm run build:web` writes the dashboard, in this checkout or installed package. */
export const builtDashboardDir = join(import.meta.dirname, '..', '..', 'web', 'dist');

const missingBuildPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Periscope dashboard not built</title></head>
<body><main><h1>The Periscope dashboard is not built</h1>
<p>Run <code>npm run build:web</code>, then reload this page. The REST API is served as usual (<a href="/docs">API docs</a>).</p>
</main></body></html>
`;

export async function serveDashboard(app: FastifyInstance, webRoot: string): Promise<void> {
  if (!existsSync(join(webRoot, 'index.html'))) {
    app.get('/', { schema: { hide: true } as FastifySchema }, async (_req, reply) =>
      reply
        .code(503)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(missingBuildPage),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    index: 'index.html',
    cacheControl: false, // set per file below
    schemaHide: true,
    setHeaders(res, path) {
      const hashed = path.startsWith(join(webRoot, 'assets'));
      res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
