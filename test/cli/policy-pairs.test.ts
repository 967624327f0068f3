import { describe, expect, it } from 'vitest';
import { policyPatchFromPairs } from '../../cli/policy-pairs.ts';
import { parsePolicy } from '../../scanner/policy.ts';

const ruleIds = new Set(['common/dlp-file-org-wide', 'github/webhook-without-secret']);
const current = parsePolicy({
  disabledRules: ['github/webhook-without-secret'],
  customDlpProfiles: [{ id: 'falcon', name: 'Falcon', keywords: ['falcon'] }],
});
const files: Record<string, string> = {
  'falcon.json': '{"id":"falcon","name":"Falcon v2","patterns":["FALCON-\\\\d{4}"]}',
  'osprey.json': '{"id":"osprey","name":"Osprey","keywords":["osprey"]}',
  'list.json': '[1]',
};
const readFile = (path: string) => {
  const text = files[path];
  if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
  return text;
};
const patch = (...pairs: string[]) => policyPatchFromPairs(pairs, { current, ruleIds, readFile });

describe('policy set pairs', () => {
  it('turns every key into a patch', () => {
    expect(
      patch(
        'staleDays=30',
        'rotationDays=180',
        'allowedDomains=Partner.example, contractor.example',
        'dlpProfiles=pii,credentials',
        'rule.common/dlp-file-org-wide.severity=high',
        'rule.github/webhook-without-secret.enabled=true',
        'rule.common/dlp-file-org-wide.enabled=false',
        'customDlpProfile=@falcon.json',
        'customDlpProfile=@osprey.json',
      ),
    ).toEqual({
      staleDays: 30,
      rotationDays: 180,
      allowedDomains: ['partner.example', 'contractor.example'],
      dlpProfiles: ['pii', 'credentials'],
      severityOverrides: { 'common/dlp-file-org-wide': 'high' },
      disabledRules: ['common/dlp-file-org-wide'],
      customDlpProfiles: [
        { id: 'falcon', name: 'Falcon v2', patterns: ['FALCON-\\d{4}'] },
        { id: 'osprey', name: 'Osprey', keywords: ['osprey'] },
      ],
    });
  });

  it('sets AI-vendor requirements and approved tools per scope', () => {
    expect(
      patch(
        'requireZeroDataRetention=true',
        'requireModelAllowList=false',
        'approvedAiTools.openai:proj_1=web_search, mcp',
        'approvedAiTools.*=none',
      ),
    ).toEqual({
      requireZeroDataRetention: true,
      requireModelAllowList: false,
      approvedAiTools: { 'openai:proj_1': ['web_search', 'mcp'], '*': null },
    });
  });

  it('drops a severity override with "default"', () => {
    expect(patch('rule.common/dlp-file-org-wide.severity=default')).toEqual({
      severityOverrides: { 'common/dlp-file-org-wide': null },
    });
  });

  it.each([
    [['colour=blue'], /unknown policy key "colour"; keys: staleDays=/],
    [['staleDays'], /expects key=value/],
    [['staleDays=soon'], /staleDays expects a whole number of days, got "soon"/],
    [['rule.github/nope.severity=high'], /no rule "github\/nope"/],
    [
      ['rule.common/dlp-file-org-wide.severity=urgent'],
      /expects one of info, low, medium, high, critical or default/,
    ],
    [['rule.common/dlp-file-org-wide.enabled=no'], /expects true or false, got "no"/],
    [['requireModelAllowList=maybe'], /requireModelAllowList expects true or false, got "maybe"/],
    [['customDlpProfile=falcon.json'], /expects @<file.json>/],
    [['customDlpProfile=@gone.json'], /cannot read file gone.json: ENOENT/],
    [['customDlpProfile=@list.json'], /list.json is not a JSON object/],
    [[], /expects key=value pairs/],
  ])('refuses %j', (pairs, message) => {
    expect(() => patch(...pairs)).toThrow(message);
  });
});
