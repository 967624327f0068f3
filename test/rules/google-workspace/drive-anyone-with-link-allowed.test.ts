import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/drive-anyone-with-link-allowed.ts';
import { check, gwsPolicyOf } from '../support.ts';

const CONTRACTORS = 'orgUnits/03ph8a2z4c7tr0q';

const policy = gwsPolicyOf('google-workspace.drive_and_docs.external_sharing');

describe(rule.id, () => {
  it('flags publishing where sharing outside is allowed', () => {
    expect(
      check(rule, policy({ externalSharingMode: 'ALLOWED', allowPublishingFiles: true }, CONTRACTORS)),
    ).toEqual({
      evidence: {
        orgUnit: CONTRACTORS,
        group: null,
        externalSharingMode: 'ALLOWED',
        allowPublishingFiles: true,
      },
    });
  });

  it('flags publishing with allowlisted domains too (ScubaGoggles checks every mode but off)', () => {
    const asset = policy({ externalSharingMode: 'ALLOWLISTED_DOMAINS', allowPublishingFiles: true });
    expect(check(rule, asset)).not.toBeNull();
  });

  it('uses Google’s defaults on a root policy and lists them', () => {
    expect(check(rule, policy({}))?.evidence).toMatchObject({
      externalSharingMode: 'ALLOWED',
      allowPublishingFiles: true,
      defaulted: ['externalSharingMode', 'allowPublishingFiles'],
    });
  });

  it('flags an override that enables publishing under an inherited mode, saying the mode is undisclosed', () => {
    expect(check(rule, policy({ allowPublishingFiles: true }, CONTRACTORS))).toMatchObject({
      severity: 'low',
      evidence: {
        externalSharingMode: null,
        allowPublishingFiles: true,
        undisclosed: ['externalSharingMode'],
      },
    });
  });

  it.each([
    ['sharing off, publishing on', policy({ externalSharingMode: 'DISALLOWED', allowPublishingFiles: true })],
    ['sharing on, publishing off', policy({ externalSharingMode: 'ALLOWED', allowPublishingFiles: false })],
    ['an override that sets neither', policy({ warnForExternalSharing: true }, CONTRACTORS)],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
