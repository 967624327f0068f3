/**
 * The connect flows of `periscope demo`, pointed at its own simulators: the dashboard's connect
 * buttons then walk the simulated consent and installation pages as they would the vendors'. An
 * installation's own PERISCOPE_CONNECT_CONFIG, when set, wins.
 */
import { parseConnectSettings, stateSecret } from '../api/oauth/config.ts';
import { type ConnectService, createConnectService, loadConnectService } from '../api/oauth/service.ts';
import type { SecretBox } from '../runtime/secrets.ts';
import {
  type GitHubSimulator,
  type GoogleSimulator,
  type MicrosoftSimulator,
  simulatorConnectApps,
} from '../sandbox/index.ts';

export interface DemoConnect {
  service: ConnectService;
  /** Call once the API listens: callbacks (and the GitHub App's setup URL) point at it. */
  setPublicUrl(url: string): void;
}

export function demoConnectService(
  box: SecretBox,
  sims: { github: GitHubSimulator; google: GoogleSimulator; microsoft: MicrosoftSimulator },
): DemoConnect {
  const configured = loadConnectService(box);
  if (configured) return { service: configured, setPublicUrl: () => {} };
  const { github } = sims;
  const service = createConnectService({
    box,
    secret: stateSecret(),
    settings: parseConnectSettings({
      publicUrl: 'http://127.0.0.1', // replaced by setPublicUrl once the port is known
      ...simulatorConnectApps(sims),
    }),
  });
  return {
    service,
    setPublicUrl(url) {
      service.settings.publicUrl = url;
      github.app.setupUrl = `${url}/v1/connect/github/callback`;
    },
  };
}
