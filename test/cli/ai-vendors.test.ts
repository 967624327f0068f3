/**
 * `periscope connection add <tenant> openai|anthropic|gemini …` as the README shows them — admin
 * keys, project keys and a service-account key from files, base URLs pointed at the simulators —
 * then a scan and the vendor's findings. No key is ever printed, also not when it is wrong.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AnthropicSimulator,
  type GeminiSimulator,
  type OpenAISimulator,
  startAnthropicSimulator,
  startGeminiSimulator,
  startOpenAISimulator,
} from '../../sandbox/index.ts';
import { cliRunner } from '../support/cli.ts';

describe('periscope connection add … openai | anthropic | gemini', { timeout: 240_000 }, () => {
  let dataDir: string;
  let openai: OpenAISimulator;
  let anthropic: AnthropicSimulator;
  let gemini: GeminiSimulator;
  const periscope = cliRunner(() => dataDir);
  const file = (name: string, text: string) => {
    const path = join(dataDir, name);
    writeFileSync(path, text);
    return path;
  };
  const ruleIdsOf = async (tenant: string) => {
    const json = await periscope('findings', tenant, '--format', 'json');
    expect(json.code).toBe(0);
    return new Set((JSON.parse(json.stdout) as Array<{ ruleId: string }>).map((f) => f.ruleId));
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'periscope-ai-'));
    openai = await startOpenAISimulator({ seed: 5 });
    anthropic = await startAnthropicSimulator({ seed: 5 });
    gemini = await startGeminiSimulator({ seed: 5 });
    expect((await periscope('tenant', 'add', 'acme')).code).toBe(0);
  });
  afterAll(async () => {
    await openai?.close();
    await anthropic?.close();
    await gemini?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('connects OpenAI with an admin key and project keys from a file, scans, lists findings', async () => {
    const keys = file('project-keys.json', JSON.stringify(openai.projectKeys()));
    const added = await periscope(
      'connection',
      'add',
      'acme',
      'openai',
      '--secret',
      `adminKey=${openai.adminKey}`,
      '--secret',
      `projectKeys=@${keys}`,
      '--base-url',
      openai.baseURL,
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const scan = await periscope('scan', 'acme');
    expect(scan.code).toBe(0);
    const rules = await ruleIdsOf('acme');
    expect(rules).toContain('openai/admin-key-not-rotated');
    expect(rules).toContain('openai/high-privilege-invite');
    const printed = [added, scan].map((o) => o.stdout + o.stderr).join('\n');
    for (const secret of [openai.adminKey, ...Object.values(openai.projectKeys())])
      expect(printed).not.toContain(secret);
  });

  it('connects Anthropic with an admin key and scans', async () => {
    expect((await periscope('tenant', 'add', 'beta')).code).toBe(0);
    const added = await periscope(
      'connection',
      'add',
      'beta',
      'anthropic',
      '--secret',
      `adminKey=${anthropic.adminKey}`,
      '--base-url',
      anthropic.baseUrl,
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const scan = await periscope('scan', 'beta');
    expect(scan.code).toBe(0);
    const rules = await ruleIdsOf('beta');
    expect(rules).toContain('anthropic/key-unused');
    expect(rules).toContain('anthropic/high-privilege-invite');
    expect(added.stdout + scan.stdout + scan.stderr).not.toContain(anthropic.adminKey);
  });

  it('connects Gemini with a project id and a service-account key file, and says DLP is not possible', async () => {
    expect((await periscope('tenant', 'add', 'gamma')).code).toBe(0);
    const sa = file('sa.json', JSON.stringify(gemini.serviceAccount));
    const added = await periscope(
      'connection',
      'add',
      'gamma',
      'gemini',
      '--config',
      `projectId=${gemini.projectId}`,
      '--secret',
      `serviceAccountKey=@${sa}`,
      '--secret',
      `geminiApiKey=${gemini.geminiApiKey}`,
      '--base-url',
      gemini.origin,
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const scan = await periscope('scan', 'gamma');
    expect(scan.code).toBe(0);
    expect(scan.stdout).toMatch(/common\/dlp-file-ai-upload: gemini_files_not_downloadable/);
    const rules = await ruleIdsOf('gamma');
    expect(rules).toContain('gemini/api-key-unrestricted');
    const printed = added.stdout + scan.stdout + scan.stderr;
    expect(printed).not.toContain(gemini.geminiApiKey);
    expect(printed).not.toContain('PRIVATE KEY');
  });

  it('names what is wrong without printing the key', async () => {
    const notAdmin = await periscope(
      'connection',
      'add',
      'acme',
      'anthropic',
      '--secret',
      `adminKey=${anthropic.standardKey}`,
      '--base-url',
      anthropic.baseUrl,
    );
    expect(notAdmin.code).not.toBe(0);
    expect(notAdmin.stderr).toMatch(/adminKey/);
    expect(notAdmin.stderr).not.toContain(anthropic.standardKey);

    const wrong = 'sk-admin-not-the-key-1234567890abcdef';
    const refused = await periscope(
      'connection',
      'add',
      'acme',
      'openai',
      '--secret',
      `adminKey=${wrong}`,
      '--base-url',
      openai.baseURL,
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/auth_failed|invalid|401/i);
    expect(refused.stderr).not.toContain(wrong);

    const noProject = await periscope(
      'connection',
      'add',
      'acme',
      'gemini',
      '--secret',
      `serviceAccountKey=${JSON.stringify(gemini.serviceAccount)}`,
      '--base-url',
      gemini.origin,
    );
    expect(noProject.code).toBe(2);
    expect(noProject.stderr).toMatch(/projectId/);
    expect(noProject.stderr).not.toContain('PRIVATE KEY');
  });
});
