/**
 * The connect flows' surroundings for tests: the API harness (two tenants over the GitHub
 * simulator), Google and Microsoft simulators (Microsoft not yet consented), and the connect
 * service configured with the three simulators' apps, as an installation's config file would.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { BuildOptions } from '../../api/app.ts';
import { parseConnectSettings } from '../../api/oauth/config.ts';
import { type ConnectService, createConnectService } from '../../api/oauth/service.ts';
import { rules } from '../../rules/index.ts';
import { SecretBox } from '../../runtime/secrets.ts';
import {
  type GoogleSimulator,
  type MicrosoftSimulator,
  simulatorConnectApps,
  startGoogleSimulator,
  startMicrosoftSimulator,
} from '../../sandbox/index.ts';
import { type ApiHarness, startApiHarness } from '../api/harness.ts';
import { testKey } from '../support/github-harness.ts';

export const stateKey = Buffer.alloc(32, 9);

export interface ConnectEnv {
  h: ApiHarness;
  google: GoogleSimulator;
  microsoft: MicrosoftSimulator;
  connect: ConnectService;
  deps: BuildOptions['deps'];
  /** An app with the connect service (closed by close()). */
  app: FastifyInstance;
  /** Points the callbacks (and the GitHub App's setup URL) at `url`, e.g. a listening server. */
  setPublicUrl(url: string): void;
  close(): Promise<void>;
}

/** `publicUrl`: where the callbacks are reached (a listening server's URL in browser tests). */
export async function startConnectEnv(publicUrl = 'http://periscope.test'): Promise<ConnectEnv> {
  const h = await startApiHarness();
  const google = await startGoogleSimulator({ seed: 3 });
  const microsoft = await startMicrosoftSimulator({ seed: 3, consented: false });
  const github = h.alpha.harness.sim;
  const settings = parseConnectSettings({
    publicUrl,
    ...simulatorConnectApps({ github, google, microsoft }),
  });
  const setPublicUrl = (url: string) => {
    settings.publicUrl = url;
    github.app.setupUrl = `${url}/v1/connect/github/callback`;
  };
  setPublicUrl(publicUrl);
  // The scan pipeline opens credentials with the harness key: seal with the same one.
  const connect = createConnectService({ settings, box: new SecretBox(testKey), secret: stateKey });
  const deps: BuildOptions['deps'] = {
    db: h.database.db,
    queue: h.queue,
    rules,
    checks: {},
    connect,
  };
  const app = await h.buildApp({ deps });
  return {
    h,
    google,
    microsoft,
    connect,
    deps,
    app,
    setPublicUrl,
    async close() {
      await google.close();
      await microsoft.close();
      await h.close();
    },
  };
}

/** Scans the connection through the API's scan route and the real pipeline; it must succeed. */
export async function scanSucceeds(env: ConnectEnv, connectionId: string): Promise<void> {
  const started = await env.app.inject({
    method: 'POST',
    url: `/v1/tenants/${env.h.alpha.tenant.slug}/scans`,
    headers: { authorization: `Bearer ${env.h.alpha.token}` },
    payload: { connectionId },
  });
  expect(started.statusCode, started.body).toBe(202);
  const scan = started.json<{ items: Array<{ id: string; connectionId: string }> }>().items[0]!;
  expect(scan.connectionId).toBe(connectionId);
  const outcome = await env.h.queue.waitFor(scan.id);
  expect(outcome.status, JSON.stringify(outcome)).toBe('succeeded');
}
