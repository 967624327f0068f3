import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/file-shared-to-personal-account.ts';
import { check, file } from '../support.ts';

function driveFile(externalShares: unknown[], sharedWithDomains: string[]) {
  return file({
    provider: 'google-workspace',
    exposure: sharedWithDomains.length > 0 ? 'external' : 'internal',
    exposureAccess: 'view',
    sharedWithDomains,
    attributes: { driveId: null, driveName: null, externalShares },
  });
}

const share = (email: string, expiresAt: string | null = null) => ({
  email,
  domain: email.split('@')[1],
  type: 'user',
  role: 'reader',
  expiresAt,
});

describe(rule.id, () => {
  it('flags a file shared with a gmail.com account, naming the accounts', () => {
    const asset = driveFile(
      [share('alice.doe@gmail.com'), share('bob@partner.example')],
      ['gmail.com', 'partner.example'],
    );
    expect(check(rule, asset)).toEqual({
      evidence: {
        domains: ['gmail.com'],
        accounts: [{ email: 'alice.doe@gmail.com', domain: 'gmail.com', role: 'reader', expiresAt: null }],
        owner: 'alice@acme.example',
        exposure: 'external',
      },
    });
  });

  it('flags a consumer domain in sharedWithDomains even when the 50-share list left it out', () => {
    expect(check(rule, driveFile([], ['Proton.me']))?.evidence).toMatchObject({
      domains: ['proton.me'],
      accounts: [],
    });
  });

  it('flags a consumer account in externalShares, in any case', () => {
    const asset = driveFile([{ ...share('x@outlook.com'), domain: 'OUTLOOK.COM' }], []);
    expect(check(rule, asset)?.evidence).toMatchObject({ domains: ['outlook.com'] });
  });

  it('honours the consumerDomains option', () => {
    const asset = driveFile([share('a@example.org')], ['example.org']);
    expect(check(rule, asset)).toBeNull();
    expect(check(rule, asset, { options: { consumerDomains: ['example.org'] } })).not.toBeNull();
  });

  it.each([
    ['a partner domain', driveFile([share('bob@partner.example')], ['partner.example'])],
    [
      'a look-alike company domain',
      driveFile([share('bob@gmail.com.acme.example')], ['gmail.com.acme.example']),
    ],
    [
      'a subdomain of a consumer domain',
      driveFile([share('x@mail.yahoo.com.evil.example')], ['mail.yahoo.com.evil.example']),
    ],
    ['nobody outside', driveFile([], [])],
  ])('does not flag a file shared with %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
