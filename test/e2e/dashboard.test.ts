/**
 * The dashboard end to end in headless Chromium against a real `periscope demo` (child process,
 * embedded mode, its own data dir): log in with a token, see every simulated provider on the
 * overview, approve an AI app and watch its shadow-AI findings resolve after a rescan, mute a
 * finding, run the GitHub connect flow from the connections view, check each view with axe-core,
 * and write the README's screenshots (docs/screenshots/<view>.png, 1280×800).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import {
  createDashboardToken,
  ensureDashboardBuilt,
  type RunningDemo,
  repoRoot,
  startDemo,
} from './demo-process.ts';

const simulatedProviders = ['github', 'google-workspace', 'microsoft-365', 'openai', 'anthropic', 'gemini'];
const screenshots = join(repoRoot, 'docs', 'screenshots');
const axeSource = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
/** Scans of the demo on the shared 2-core machine take a while; locator waits get this long. */
const patience = { timeout: 120_000 };

let dataDir: string;
let demo: RunningDemo;
let token: string;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

type FindingJson = { id: string; status: string; evidence: Record<string, unknown>; mute: unknown };

async function apiGet<T>(path: string): Promise<T> {
  const response = await fetch(`${demo.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** Runs axe-core on the page as it is; returns the serious and critical violations. */
async function seriousViolations(): Promise<string[]> {
  // Evaluated through DevTools, which the page's CSP (script-src 'self') does not govern,
  // unlike an injected <script> tag.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run();
    return result.violations as Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }>;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}

async function checkAndCapture(view: string): Promise<void> {
  expect(await seriousViolations(), `axe on ${view}`).toEqual([]);
  await page.screenshot({ path: join(screenshots, `${view}.png`) });
}

async function openView(label: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: label }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

beforeAll(async () => {
  await ensureDashboardBuilt();
  mkdirSync(screenshots, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'periscope-dashboard-'));
  token = await createDashboardToken(dataDir);
  demo = await startDemo(dataDir);
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the dashboard on periscope demo', { timeout: 180_000 }, () => {
  it('logs in with a pasted token and shows open findings from every simulated provider', async () => {
    const response = await page.goto(`${demo.url}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByLabel('Tenant').selectOption('demo');
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const byProvider = page.locator('figure', { hasText: 'Open findings by provider' }).locator('tbody');
    await byProvider.locator('tr').first().waitFor();
    for (const provider of simulatedProviders) {
      const count = await byProvider
        .locator('tr', { has: page.getByRole('rowheader', { name: provider, exact: true }) })
        .locator('td')
        .textContent();
      expect(Number(count), provider).toBeGreaterThan(0);
    }
    // The token lives in this tab's sessionStorage only: not in the URL, not in a cookie.
    expect(page.url()).not.toContain(token);
    expect(await page.context().cookies()).toEqual([]);
    await checkAndCapture('overview');
  });

  it('approves an AI app in place, and a rescan of its provider resolves its shadow-AI findings', async () => {
    const [apps, shadow] = await Promise.all([
      apiGet<{ items: Array<{ app: string; providers: string[]; approval: string }> }>(
        '/v1/tenants/demo/ai-apps',
      ),
      apiGet<{ items: FindingJson[] }>(
        '/v1/tenants/demo/findings?rule=common/shadow-ai-grant-unapproved&limit=500',
      ),
    ]);
    const flagged = new Set(shadow.items.map((f) => String(f.evidence.app)));
    // Rescanning a small provider keeps the test short; any flagged app would do.
    const order = ['github', 'openai', 'anthropic', 'gemini', 'microsoft-365', 'google-workspace'];
    const cost = (providers: string[]) => Math.max(...providers.map((p) => order.indexOf(p)));
    const app = apps.items
      .filter((a) => flagged.has(a.app) && a.approval !== 'approved')
      .sort((a, b) => cost(a.providers) - cost(b.providers))[0];
    expect(app, 'the demo has an unapproved AI app with an open shadow-AI finding').toBeDefined();

    await openView('AI security', 'AI security report');
    const row = page.locator(`tr[data-app="${app!.app}"]`);
    await row.locator('.shadow-count', { hasText: /\d+ open/ }).waitFor();
    await checkAndCapture('ai-report');

    await row.getByRole('combobox').selectOption('approved');
    await row.getByRole('button', { name: /^Rescan/ }).click();
    await row.locator('.shadow-count', { hasText: 'none open' }).waitFor(patience);

    const after = await apiGet<{ items: FindingJson[] }>(
      '/v1/tenants/demo/findings?rule=common/shadow-ai-grant-unapproved&status=resolved&limit=500',
    );
    expect(after.items.some((f) => f.evidence.app === app!.app)).toBe(true);
    const policy = await apiGet<{ appApprovals: Record<string, string> }>('/v1/tenants/demo/policy');
    expect(policy.appApprovals[app!.app]).toBe('approved');
  });

  it('mutes a finding from the explorer with a reason and an expiry', async () => {
    const github = await apiGet<{ facets: { total: number } }>(
      '/v1/tenants/demo/findings?provider=github&facets=true&limit=1',
    );
    await openView('Findings', 'Findings');
    await page.getByLabel('Provider').selectOption('github');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${github.facets.total} findings match` })
      .waitFor();
    expect(await page.locator('tr[data-finding]:not([data-provider="github"])').count()).toBe(0);
    const first = page.locator('tr[data-finding]').first();
    const findingId = (await first.getAttribute('data-finding'))!;
    await first.getByRole('button').click();
    const drawer = page.locator('aside.drawer');
    await drawer.getByRole('heading', { name: 'Evidence' }).waitFor();
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await drawer.getByLabel('Reason').fill('accepted: demo bot account');
    await drawer.getByLabel('Muted until (optional)').fill(until);
    await drawer.getByRole('button', { name: 'Mute finding' }).click();
    await drawer.locator('.mute-info', { hasText: 'accepted: demo bot account' }).waitFor();
    await page.locator(`tr[data-finding="${findingId}"]`).locator('.badge', { hasText: 'muted' }).waitFor();
    await checkAndCapture('findings');

    const muted = await apiGet<FindingJson & { mute: { reason: string; until: string | null } }>(
      `/v1/tenants/demo/findings/${findingId}`,
    );
    expect(muted.status).toBe('muted');
    expect(muted.mute.reason).toBe('accepted: demo bot account');
    expect(muted.mute.until?.slice(0, 10)).toBe(until);
    await drawer.getByRole('button', { name: /^Close/ }).click();
  });

  it('starts the GitHub connect flow from the connections view and completes it on the install page', async () => {
    await openView('Connections', 'Connections and schedules');
    await page
      .locator('[data-connection="demo-github"]')
      .getByRole('cell', { name: 'completed' })
      .first()
      .waitFor();
    await checkAndCapture('connections');

    await page.getByLabel('GitHub organization').fill(demo.githubOrg);
    await page.getByRole('button', { name: 'Connect GitHub' }).click();
    await page.locator('#install').waitFor();
    expect(await page.locator('#account').textContent()).toBe(demo.githubOrg);
    const [callback] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(`${demo.url}/v1/connect/github/callback`)),
      page.click('#install'),
    ]);
    expect(callback.status()).toBe(201);

    await page.goto(`${demo.url}/#/connections`);
    await page.locator(`[data-connection="github:${demo.githubOrg}"]`).waitFor();
    expect(cspViolations).toEqual([]);
  });

  it('sends a refused token back to the login form', async () => {
    // The page's own storage, reached as the page sees it (the test runs in Node, without DOM types).
    await page.evaluate(
      "sessionStorage.setItem('periscope.token', 'psc_notARealTokenAtAll0000000000000000')",
    );
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Your session ended' }).waitFor();
    await page.getByLabel('API token').waitFor();
    expect(await page.evaluate("sessionStorage.getItem('periscope.token')")).toBeNull();
  });
});
