import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/saml-credential-without-expiry.ts';
import { check, daysAgo, grant } from '../support.ts';

const credential = (fields: Parameters<typeof grant>[0]) =>
  grant({
    externalId: 'credential:161195',
    appId: 'personal access token',
    principal: 'octocat',
    principalType: 'user',
    attributes: { credentialType: 'personal access token', expiryReported: true },
    ...fields,
  });

describe(rule.id, () => {
  it('flags a token credential without expiry', () => {
    expect(check(rule, credential({ expiresAt: null }))).toEqual({
      evidence: { login: 'octocat', credentialType: 'personal access token', expiresAt: null },
    });
  });

  it.each([
    ['expiring token', credential({ expiresAt: daysAgo(-30) })],
    [
      'expiry not reported',
      credential({ attributes: { credentialType: 'personal access token', expiryReported: false } }),
    ],
    [
      'SSH key (never expires by design)',
      credential({ attributes: { credentialType: 'SSH key', expiryReported: true } }),
    ],
    ['app installation', grant({ expiresAt: null })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
