/**
 * The consent screen a browser sees at `GET /o/oauth2/v2/auth`: the app, the account and the
 * scopes asked for, with Allow and Cancel buttons (a plain form, no script) that come back to
 * the same endpoint with `consent=allow|deny`. Clients that do not ask for HTML (fetch, tests)
 * are answered as before: consent is given at once.
 */
import type { GoogleReply } from './wire.ts';

const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** True when the request is a browser's page load that has not yet answered the screen. */
export function wantsConsentPage(accept: string | undefined, query: URLSearchParams): boolean {
  return (accept ?? '').includes('text/html') && !query.has('consent');
}

export function consentPage(query: URLSearchParams, account: string): GoogleReply {
  const hidden = [...query]
    .map(([name, value]) => `<input type="hidden" name="${html(name)}" value="${html(value)}">`)
    .join('\n');
  const scopes = (query.get('scope') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => `<li>${html(s)}</li>`)
    .join('\n');
  const offline =
    query.get('access_type') === 'offline'
      ? '<p>It will keep this access when you are away (offline access).</p>'
      : '';
  const data = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in - Google Accounts</title></head>
<body>
<h1>${html(query.get('client_id') ?? '')} wants to access your Google Account</h1>
<p id="account">${html(account)}</p>
<p>This will allow the app to:</p>
<ul id="scopes">
${scopes}
</ul>
${offline}
<form method="get" action="/o/oauth2/v2/auth">
${hidden}
<button type="submit" name="consent" value="deny" id="cancel">Cancel</button>
<button type="submit" name="consent" value="allow" id="allow">Allow</button>
</form>
</body></html>`;
  return { status: 200, raw: { contentType: 'text/html; charset=utf-8', data } };
}
