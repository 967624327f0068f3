/**
 * The OAuth apps the simulators register (Google web client, Microsoft scanner app, GitHub App),
 * as the `google`/`microsoft`/`github` parts of a connect configuration (api/oauth/config.ts):
 * what `periscope demo` and the connect tests point the connect flows at.
 */
import type { GitHubSimulator } from './github/simulator.ts';
import type { GoogleSimulator } from './google/simulator.ts';
import type { MicrosoftSimulator } from './microsoft/simulator.ts';

export function simulatorConnectApps(sims: {
  github: GitHubSimulator;
  google: GoogleSimulator;
  microsoft: MicrosoftSimulator;
}) {
  const { github, google, microsoft } = sims;
  return {
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
  };
}
