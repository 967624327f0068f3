import { describe, expect, it } from 'vitest';
import rule from '../../../rules/common/dlp-file-public-view.ts';
import { check, dlpMatch, file } from '../support.ts';

describe(rule.id, () => {
  it.each([
    ['a public file', file({ exposure: 'public', exposureAccess: 'view', dlp: dlpMatch(['credentials']) })],
    [
      'a link share with unknown access',
      file({ exposure: 'anyone_with_link', dlp: dlpMatch(['credentials']) }),
    ],
  ])('flags %s', (_label, asset) => {
    expect(check(rule, asset)?.evidence).toMatchObject({
      profiles: ['credentials'],
      exposure: asset.exposure,
    });
  });

  it('flags a custom profile match while the custom profile exists', () => {
    const asset = file({ exposure: 'public', dlp: dlpMatch(['project-falcon']) });
    const falcon = { id: 'project-falcon', name: 'Falcon', patterns: [], keywords: ['falcon'], threshold: 1 };
    expect(check(rule, asset, { policy: { customDlpProfiles: [falcon] } })).not.toBeNull();
    expect(check(rule, asset)).toBeNull();
  });

  it.each([
    [
      'editable (the critical rule takes it)',
      file({ exposure: 'public', exposureAccess: 'edit', dlp: dlpMatch(['pii']) }),
    ],
    ['domain-wide', file({ exposure: 'domain', dlp: dlpMatch(['pii']) })],
    ['public but clean', file({ exposure: 'public', dlp: { status: 'clean' } })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
