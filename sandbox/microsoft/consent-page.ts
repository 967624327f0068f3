/**
 * The admin-consent screen a browser sees at `/{tenant}/adminconsent`: the app, its publisher and
 * the application permissions it asks for, with Accept and Cancel buttons (a plain form, no
 * script) that come back to the same URL with `consent=accept|deny`. Clients that do not ask for
 * HTML are answered as before, by `auth.consentDecision`.
 */
import type { MicrosoftAuthState } from './auth.ts';
import { SCANNER_APP } from './scanner-app.ts';
import type { GraphReply } from './wire.ts';

const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function wantsConsentPage(accept: string | undefined, query: URLSearchParams): boolean {
  return (
    (accept ?? '').includes('text/html') &&
    !query.has('consent') &&
    query.get('client_id') === SCANNER_APP.appId
  );
}

export function adminConsentPage(path: string, query: URLSearchParams, auth: MicrosoftAuthState): GraphReply {
  const hidden = [...query]
    .map(([name, value]) => `<input type="hidden" name="${html(name)}" value="${html(value)}">`)
    .join('\n');
  const permissions = [
    ...auth.consentRoles.graph.map((role) => `Microsoft Graph: ${role}`),
    ...auth.consentRoles.sharepoint.map((role) => `SharePoint: ${role}`),
  ]
    .map((p) => `<li>${html(p)}</li>`)
    .join('\n');
  const data = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Permissions requested</title></head>
<body>
<h1>Permissions requested</h1>
<p id="app">${html(SCANNER_APP.displayName)} (publisher: ${html(SCANNER_APP.publisher)}, verified)</p>
<p>Accept for your organization. This app would like to:</p>
<ul id="permissions">
${permissions}
</ul>
<form method="get" action="${html(path)}">
${hidden}
<button type="submit" name="consent" value="deny" id="cancel">Cancel</button>
<button type="submit" name="consent" value="accept" id="accept">Accept</button>
</form>
</body></html>`;
  return { status: 200, raw: { contentType: 'text/html; charset=utf-8', data } };
}
