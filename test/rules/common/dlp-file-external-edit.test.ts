import { describe, expect, it } from 'vitest';
import rule from '../../../rules/common/dlp-file-external-edit.ts';
import { check, dlpMatch, file } from '../support.ts';

const shared = (domains: string[], access: 'edit' | 'view' = 'edit') =>
  file({ exposure: 'external', exposureAccess: access, sharedWithDomains: domains, dlp: dlpMatch(['phi']) });

describe(rule.id, () => {
  it('flags a matched file external accounts can edit', () => {
    expect(check(rule, shared(['gmail.com']))?.evidence).toMatchObject({
      profiles: ['phi'],
      exposure: 'external',
      access: 'edit',
      sharedWithDomains: ['gmail.com'],
    });
  });

  it('flags a share that reaches any domain outside allowedDomains', () => {
    const policy = { allowedDomains: ['partner.example'] };
    expect(check(rule, shared(['partner.example', 'gmail.com']), { policy })).not.toBeNull();
    expect(check(rule, shared(['Partner.example']), { policy })).toBeNull();
  });

  it.each([
    ['view only', shared(['gmail.com'], 'view')],
    ['public', file({ exposure: 'public', exposureAccess: 'edit', dlp: dlpMatch(['phi']) })],
    ['clean', file({ exposure: 'external', exposureAccess: 'edit', dlp: { status: 'clean' } })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
