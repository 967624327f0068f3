import { describe, expect, it } from 'vitest';
import rule from '../../../rules/common/dlp-file-ai-upload.ts';
import { check, dlpMatch, file } from '../support.ts';

describe(rule.id, () => {
  it.each(['openai', 'anthropic', 'gemini'] as const)('flags a matched file uploaded to %s', (provider) => {
    const asset = file({ provider, exposure: 'private', dlp: dlpMatch(['credentials']) });
    expect(check(rule, asset)?.evidence).toMatchObject({
      profiles: ['credentials'],
      vendor: provider,
      exposure: 'private',
    });
  });

  it.each([
    ['a Drive file', file({ provider: 'google-workspace', exposure: 'private', dlp: dlpMatch(['pii']) })],
    ['a clean upload', file({ provider: 'openai', exposure: 'private', dlp: { status: 'clean' } })],
    ['an upload not yet inspected', file({ provider: 'anthropic', exposure: 'private' })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
