/**
 * The connect flows of `periscope demo`, pointed at its own simulators: the dashboard's connect
 * buttons then walk the simulated consent and installation pages as they would the vendors'. An
 * installation's own PERISCOPE_CONNECT_CONFIG, when set, wins.
 */
import { stateSecret } from '../api/oauth/config.ts';
import { type ConnectService, createConnectService, loadConnectService } from '../api/oauth/service.ts';
import type { SecretBox } from '../runtime/secrets.ts';
import type { GitHubSimulator, GoogleSimulator, MicrosoftSimulator } from '../sandbox/index.ts';

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
  const { github, google, microsoft } = sims;
  const service = createConnectService({
    box,
    secret: stateSecret(),
    settings: {
      publicUrl: 'http://127.0.0.1', // replaced by setPublicUrl once the port is known
      google: {
        clientId: google.webClient.clientId,
        clientSecret: google.webClient.clientSecret,
        authUrl: google.authUrl,
        tokenUrl: google.tokenUrl,
        apiBaseUrl: google.origin,
      },
      microsoft: {
        clientId: microsoft.scanner.clientId,
        clientSecret: microsoft.scanner.clientSecret,
        loginUrl: new URL(microsoft.authority).origin,
        graphBaseUrl: microsoft.graphBaseUrl,
        sharepointAdminUrl: microsoft.sharepointAdminUrl,
        caCertificate: microsoft.caPem,
      },
      github: {
        appId: String(github.app.appId),
        privateKey: github.app.privateKey,
        slug: github.app.slug,
        webUrl: github.origin,
        apiBaseUrl: github.baseUrl,
      },
    },
  });
  return {
    service,
    setPublicUrl(url) {
      service.settings.publicUrl = url;
      github.app.setupUrl = `${url}/v1/connect/github/callback`;
    },
  };
}
