/**
 * Keeps the catalog, the files on disk and the tests in step: a rule that is written but not
 * registered, registered under the wrong id, or shipped without a test fails here.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConnectors } from '../../connectors/index.ts';
import { rules } from '../../rules/index.ts';
import { providers, severities } from '../../scanner/model.ts';

const rulesDir = join(process.cwd(), 'rules');
const testsDir = join(process.cwd(), 'test', 'rules');

/** `<folder>/<file name>` for every rule file: rules/<folder>/<file>.ts. */
function ruleIdsOnDisk(): string[] {
  return readdirSync(rulesDir)
    .filter((folder) => statSync(join(rulesDir, folder)).isDirectory())
    .flatMap((folder) =>
      readdirSync(join(rulesDir, folder))
        .filter((file) => file.endsWith('.ts'))
        .map((file) => `${folder}/${file.slice(0, -3)}`),
    )
    .sort();
}

describe('rule catalog', () => {
  it('registers exactly the rule files on disk', () => {
    expect(rules.map((rule) => rule.id).sort()).toEqual(ruleIdsOnDisk());
  });

  it.each(ruleIdsOnDisk())('%s: the file exports the rule with its own id', async (id) => {
    const module = (await import(join(rulesDir, `${id}.ts`))) as { default?: { id?: string } };
    expect(module.default?.id).toBe(id);
    expect(rules).toContain(module.default);
  });

  it('lists rules alphabetically and without duplicates', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
  });

  describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    const [folder = '', name = ''] = id.split('/');

    it('has an id of the form <folder>/<kebab-case name>', () => {
      expect(id).toMatch(/^[a-z0-9-]+\/[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    it('has complete metadata', () => {
      expect(rule.title.trim()).not.toBe('');
      expect(rule.title).not.toMatch(/^ensure\b/i);
      expect(rule.description.trim()).not.toBe('');
      expect(rule.remediation.trim()).not.toBe('');
      expect(rule.references.length).toBeGreaterThanOrEqual(1);
      for (const reference of rule.references) expect(reference).toMatch(/^https:\/\//);
      expect(severities).toContain(rule.severity);
      expect(typeof rule.frameworks).toBe('object');
      for (const controls of Object.values(rule.frameworks)) expect(controls.length).toBeGreaterThan(0);
    });

    it('reads the provider of its folder', () => {
      if (folder === 'common') expect(rule.provider).toBe('common');
      else {
        expect(providers).toContain(folder);
        expect(rule.provider).toBe(folder);
      }
    });

    it('depends on streams its connector has, which yield its kind', async () => {
      const connector = rule.provider === 'common' ? undefined : (await loadConnectors())[rule.provider];
      if (!connector) return;
      // Several streams share a kind (settings, identities), so each rule names its streams:
      // otherwise one unavailable stream would mark unrelated rules not evaluated.
      const sharing = connector.streams.filter((s) => s.kinds.includes(rule.kind));
      if (sharing.length > 1 || rule.type === 'tenant') expect(rule.streams?.length ?? 0).toBeGreaterThan(0);
      for (const name of rule.streams ?? []) {
        const stream = connector.streams.find((s) => s.name === name);
        expect(stream, `stream ${name}`).toBeDefined();
        // A stream that yields nothing is a probe (a licence, a permission) the rule also needs.
        if (rule.type === 'asset' && stream?.kinds.length) expect(stream.kinds).toContain(rule.kind);
      }
      if (rule.type === 'asset' && rule.streams) {
        const yielding = rule.streams.filter(
          (name) => connector.streams.find((s) => s.name === name)?.kinds.length,
        );
        expect(yielding.length, 'a stream that yields the rule’s kind').toBeGreaterThan(0);
      }
    });

    it('has a test file', () => {
      expect(existsSync(join(testsDir, folder, `${name}.test.ts`))).toBe(true);
    });
  });
});
