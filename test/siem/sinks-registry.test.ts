/** Conformance: the sink catalog equals the files in siem/sinks/, each named for its type, each with a test. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sinkTypes } from '../../siem/sink.ts';
import { sinks } from '../../siem/sinks/index.ts';

const root = join(import.meta.dirname, '..', '..');

describe('sink catalog', () => {
  it('lists every file of siem/sinks exactly once, under its own type', () => {
    const files = readdirSync(join(root, 'siem', 'sinks'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(sinks).sort()).toEqual(files);
    expect([...sinkTypes].sort()).toEqual(files);
    for (const [type, definition] of Object.entries(sinks)) expect(definition.type).toBe(type);
  });

  it('has a test file per sink', () => {
    for (const type of sinkTypes)
      expect(existsSync(join(root, 'test', 'siem', 'sinks', `${type}.test.ts`)), type).toBe(true);
  });
});
