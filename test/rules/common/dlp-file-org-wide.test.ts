import { describe, expect, it } from 'vitest';
import rule from '../../../rules/common/dlp-file-org-wide.ts';
import { check, dlpMatch, file } from '../support.ts';

describe(rule.id, () => {
  it('flags a matched file the whole organization can open', () => {
    const asset = file({ exposure: 'domain', exposureAccess: 'view', dlp: dlpMatch(['source-code']) });
    expect(check(rule, asset)?.evidence).toMatchObject({ profiles: ['source-code'], exposure: 'domain' });
  });

  it.each([
    ['shared with named people only', file({ exposure: 'internal', dlp: dlpMatch(['pii']) })],
    ['private', file({ exposure: 'private', dlp: dlpMatch(['pii']) })],
    ['not supported by the DLP engine', file({ exposure: 'domain', dlp: { status: 'unsupported' } })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
