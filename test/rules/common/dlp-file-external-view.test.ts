import { describe, expect, it } from 'vitest';
import rule from '../../../rules/common/dlp-file-external-view.ts';
import { check, dlpMatch, file } from '../support.ts';

describe(rule.id, () => {
  it('flags a matched file shared for viewing outside the organization', () => {
    const asset = file({
      provider: 'microsoft-365',
      exposure: 'external',
      exposureAccess: 'view',
      sharedWithDomains: ['contoso-partner.com'],
      dlp: dlpMatch(['financial'], [{ id: 'iban', count: 12, hint: 'DE** **** 1234' }]),
    });
    expect(check(rule, asset)?.evidence).toMatchObject({
      profiles: ['financial'],
      detectors: [{ id: 'iban', count: 12, hint: 'DE** **** 1234' }],
      access: 'view',
    });
  });

  it.each([
    [
      'editable (the high rule takes it)',
      file({ exposure: 'external', exposureAccess: 'edit', dlp: dlpMatch(['pii']) }),
    ],
    [
      'shared only with allowed domains',
      file({ exposure: 'external', sharedWithDomains: ['partner.example'], dlp: dlpMatch(['pii']) }),
    ],
    ['internal', file({ exposure: 'internal', dlp: dlpMatch(['pii']) })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset, { policy: { allowedDomains: ['partner.example'] } })).toBeNull();
  });
});
