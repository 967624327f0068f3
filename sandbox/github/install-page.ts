/**
 * The scanner App's public pages on the web host (github.com, not the API): the installation
 * page `/apps/<slug>/installations/new?state=` names the account to install on and the
 * permissions asked for, with an Install button (a plain form, no script); pressing it sends the
 * browser to the App's setup URL with `installation_id`, `setup_action=install` and the `state`,
 * as GitHub does. The org already has the App installed, so its installation id comes back.
 */
import type { ServerResponse } from 'node:http';
import type { SandboxHandler } from '../host.ts';
import { SCANNER_APP_PERMISSIONS } from './generate-access.ts';
import type { GitHubTenant } from './types.ts';

const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What the page reads; `setupUrl` is the App's setting and may be changed at any time. */
export interface InstallPageApp {
  slug: string;
  setupUrl?: string;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

function installPage(app: InstallPageApp, tenant: GitHubTenant, state: string): string {
  const permissions = Object.entries(SCANNER_APP_PERMISSIONS)
    .map(([name, level]) => `<li>${html(name)}: ${html(String(level))}</li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Install ${html(app.slug)}</title></head>
<body>
<h1>Install ${html(app.slug)}</h1>
<p>Install on your organization <strong id="account">${html(tenant.org.login)}</strong>, all repositories.</p>
<p>with these permissions:</p>
<ul id="permissions">
${permissions}
</ul>
<form method="get" action="/apps/${html(app.slug)}/installations/confirm">
<input type="hidden" name="state" value="${html(state)}">
<input type="hidden" name="target_login" value="${html(tenant.org.login)}">
<button type="submit" id="install">Install</button>
</form>
</body></html>`;
}

export function createInstallPages(app: InstallPageApp, tenant: () => GitHubTenant): SandboxHandler {
  return (req, res, ctx) => {
    if ((req.method ?? 'GET').toUpperCase() !== 'GET') return send(res, 405, 'Method Not Allowed');
    const query = ctx.url.searchParams;
    if (ctx.path === '/new') return send(res, 200, installPage(app, tenant(), query.get('state') ?? ''));
    if (ctx.path === '/confirm') {
      const org = tenant().org.login;
      if (query.get('target_login') !== org) return send(res, 404, 'Not Found');
      if (!app.setupUrl)
        return send(res, 200, `<p id="installed">Installed ${html(app.slug)} on ${html(org)}.</p>`);
      const target = new URL(app.setupUrl);
      target.searchParams.set('installation_id', String(tenant().scannerApp.installationId));
      target.searchParams.set('setup_action', 'install');
      const state = query.get('state');
      if (state) target.searchParams.set('state', state);
      return send(res, 302, '', { location: target.toString() });
    }
    return send(res, 404, 'Not Found');
  };
}
