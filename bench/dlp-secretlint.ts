/**
 * secretlint's recommended preset over a set of files, through @secretlint/core's `lintSource` (the
 * same call @secretlint/node's engine makes per file, minus config loading and formatting).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type { Span } from './dlp-recall.ts';

export async function secretlintFindings(
  files: readonly string[],
): Promise<{ findings: Span[]; ms: number }> {
  const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] };
  const findings: Span[] = [];
  const started = performance.now();
  for (const file of files) {
    const result = await lintSource({
      source: {
        content: readFileSync(file, 'utf8'),
        filePath: file,
        ext: extname(file),
        contentType: 'text',
      },
      options: { config, maskSecrets: true },
    });
    for (const message of result.messages) {
      findings.push({ file, start: message.range[0], end: message.range[1], source: message.ruleId });
    }
  }
  return { findings, ms: performance.now() - started };
}
