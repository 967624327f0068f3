import { describe, expect, it } from 'vitest';
import rule from '../../../rules/common/file-domain-edit.ts';
import { check, file, fileSharingEvidence } from '../support.ts';

const policy = { allowedDomains: ['partner.example'] };

describe(rule.id, () => {
  it.each([['a file the whole organization can edit', file({ exposure: 'domain', exposureAccess: 'edit' })]])(
    'flags %s',
    (_label, asset) => {
      expect(check(rule, asset, { policy })).toEqual({ evidence: fileSharingEvidence(asset) });
    },
  );

  it.each([
    ['view only (the view rule)', file({ exposure: 'domain', exposureAccess: 'view' })],
    ['access unknown, read as view', file({ exposure: 'domain', exposureAccess: null })],
    ['editable by named colleagues', file({ exposure: 'internal', exposureAccess: 'edit' })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset, { policy })).toBeNull();
  });
});
