/**
 * The three connect flows end to end in headless Chromium: the API listens on a port, the
 * browser opens the URL the start route returns, clicks the simulator's consent (or install)
 * button, follows the vendor's redirect to the callback, and the connection it creates scans.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { type ConnectEnv, scanSucceeds, startConnectEnv } from './connect-env.ts';

let env: ConnectEnv;
let browser: Browser;
let page: Page;
let apiUrl: string;

beforeAll(async () => {
  env = await startConnectEnv();
  apiUrl = await env.app.listen({ host: '127.0.0.1', port: 0 });
  env.setPublicUrl(apiUrl);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await env?.close();
});

async function startFlow(provider: string, body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${apiUrl}/v1/tenants/${env.h.alpha.tenant.slug}/connect/${provider}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${env.h.alpha.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { authorizationUrl: string }).authorizationUrl;
}

/** Opens the vendor page, clicks `button`, and returns the callback's JSON answer. */
async function consent(url: string, button: string, expectOnPage: string[]) {
  page = await browser.newPage();
  await page.goto(url);
  const text = (await page.locator('body').textContent()) ?? '';
  for (const expected of expectOnPage) expect(text).toContain(expected);
  const [callback] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(`${apiUrl}/v1/connect/`)),
    page.click(button),
  ]);
  expect(callback.status(), await callback.text()).toBe(201);
  const body = (await callback.json()) as {
    connection: { id: string; name: string };
    tenant: { slug: string };
  };
  expect(body.tenant.slug).toBe(env.h.alpha.tenant.slug);
  await page.close();
  return body.connection;
}

describe('connect flows in headless Chromium', () => {
  it('Google: consent page → Allow → code exchanged with PKCE → a connection that scans', async () => {
    const url = await startFlow('google', { adminEmail: env.google.adminEmail });
    const connection = await consent(url, '#allow', [
      env.google.adminEmail,
      'admin.directory.user.readonly',
      'offline access',
    ]);
    expect(connection.name).toBe(`google-workspace:${env.google.domain}`);
    await scanSucceeds(env, connection.id);
  });

  it('Microsoft: admin consent page → Accept → tenant verified → a connection that scans', async () => {
    const url = await startFlow('microsoft', {});
    const connection = await consent(url, '#accept', ['Periscope Scanner', 'Microsoft Graph:']);
    expect(connection.name).toBe(`microsoft-365:${env.microsoft.tenantId}`);
    await scanSucceeds(env, connection.id);
  });

  it('GitHub: installation page → Install → installation verified as the App → a connection that scans', async () => {
    const url = await startFlow('github', { org: 'acme' });
    const connection = await consent(url, '#install', ['acme', 'members: read']);
    expect(connection.name).toBe('github:acme');
    await scanSucceeds(env, connection.id);
  });

  it('a Cancel on the consent page comes back as a refusal and connects nothing', async () => {
    const url = await startFlow('google', { adminEmail: env.google.adminEmail });
    page = await browser.newPage();
    await page.goto(url);
    const [callback] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(`${apiUrl}/v1/connect/`)),
      page.click('#cancel'),
    ]);
    expect(callback.status()).toBe(422);
    expect(((await callback.json()) as { error: { code: string } }).error.code).toBe(
      'vendor_permission_denied',
    );
    await page.close();
  });
});
