import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/gemini-user-without-2sv.ts';
import { check, setting } from '../support.ts';

function geminiUser(values: Record<string, unknown>, settingType = 'google-workspace.gemini_user') {
  return setting(
    settingType,
    {
      userId: '104',
      email: 'alice@acme.example',
      lastUsedAt: '2026-08-30T10:00:00.000Z',
      events: 12,
      enrolledIn2Sv: true,
      suspended: false,
      ...values,
    },
    {
      provider: 'google-workspace',
      externalId: 'gemini-user:104',
      name: 'alice@acme.example',
      scope: 'object',
    },
  );
}

describe(rule.id, () => {
  it('flags a Gemini user not enrolled in 2SV', () => {
    expect(check(rule, geminiUser({ enrolledIn2Sv: false }))).toEqual({
      evidence: {
        email: 'alice@acme.example',
        enrolledIn2Sv: false,
        lastUsedAt: '2026-08-30T10:00:00.000Z',
        events: 12,
      },
    });
  });

  it('flags when suspension is unknown', () => {
    expect(check(rule, geminiUser({ enrolledIn2Sv: false, suspended: null }))).not.toBeNull();
  });

  it.each([
    ['enrolled', geminiUser({ enrolledIn2Sv: true })],
    ['enrollment unknown', geminiUser({ enrolledIn2Sv: null })],
    ['suspended', geminiUser({ enrolledIn2Sv: false, suspended: true })],
    ['another setting type', geminiUser({ enrolledIn2Sv: false }, 'google-workspace.gemini_app')],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
