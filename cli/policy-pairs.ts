/**
 * `periscope policy set` arguments → a policy patch. The CLI speaks `key=value` pairs; the patch
 * is what db/policy.ts validates and merges, so range and shape errors come from one place.
 * List-valued settings (disabled rules, custom DLP profiles) are computed from the current
 * policy, because a patch replaces lists whole.
 */
import { readFileSync } from 'node:fs';
import type { PolicyPatch } from '../db/policy.ts';
import { PeriscopeError } from '../scanner/errors.ts';
import { type Severity, severities } from '../scanner/model.ts';
import type { AiTool, TenantPolicy } from '../scanner/policy.ts';

export const policyKeys = [
  'staleDays=<days>',
  'rotationDays=<days>',
  'allowedDomains=<domain,…>',
  'dlpProfiles=<profile,…>',
  'rule.<id>.severity=<severity|default>',
  'rule.<id>.enabled=<true|false>',
  'customDlpProfile=@<file.json>',
  'requireZeroDataRetention=<true|false>',
  'requireModelAllowList=<true|false>',
  'approvedAiTools.<*|provider|provider:project>=<tool,…|none>',
];

export interface PolicyPairsContext {
  current: TenantPolicy;
  ruleIds: ReadonlySet<string>;
  readFile?: (path: string) => string;
}

export function policyPatchFromPairs(pairs: string[], context: PolicyPairsContext): PolicyPatch {
  if (pairs.length === 0) throw invalid(`policy set expects key=value pairs: ${policyKeys.join(', ')}`);
  const patch: PolicyPatch = {};
  let disabled = new Set(context.current.disabledRules);
  let custom = [...context.current.customDlpProfiles] as unknown[];
  let touchedDisabled = false;
  let touchedCustom = false;

  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw invalid(`policy set expects key=value, got "${pair}"`);
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const rule = /^rule\.(.+)\.(severity|enabled)$/.exec(key);
    if (rule) {
      const [, ruleId = '', field] = rule;
      if (!context.ruleIds.has(ruleId))
        throw invalid(`${key}: no rule "${ruleId}" (see the README's rule list)`);
      if (field === 'severity') {
        patch.severityOverrides = { ...patch.severityOverrides, [ruleId]: severityOrDefault(key, value) };
      } else {
        disabled = new Set(disabled);
        if (bool(key, value)) disabled.delete(ruleId);
        else disabled.add(ruleId);
        touchedDisabled = true;
      }
      continue;
    }
    const toolScope = /^approvedAiTools\.(.+)$/.exec(key);
    if (toolScope) {
      const [, scope = ''] = toolScope;
      // `none` removes the scope's approvals; the patch validation names an unknown tool.
      const tools = value === 'none' ? null : (list(value) as AiTool[]);
      patch.approvedAiTools = { ...patch.approvedAiTools, [scope]: tools };
      continue;
    }
    switch (key) {
      case 'requireZeroDataRetention':
      case 'requireModelAllowList':
        patch[key] = bool(key, value);
        break;
      case 'staleDays':
      case 'rotationDays':
        patch[key] = wholeNumber(key, value);
        break;
      case 'allowedDomains':
        patch.allowedDomains = list(value).map((d) => d.toLowerCase());
        break;
      case 'dlpProfiles':
        patch.dlpProfiles = list(value) as PolicyPatch['dlpProfiles'];
        break;
      case 'customDlpProfile': {
        const profile = profileFromFile(key, value, context.readFile ?? ((p) => readFileSync(p, 'utf8')));
        const id = (profile as { id?: unknown }).id;
        custom = [...custom.filter((p) => (p as { id?: unknown }).id !== id), profile];
        touchedCustom = true;
        break;
      }
      default:
        throw invalid(`unknown policy key "${key}"; keys: ${policyKeys.join(', ')}`);
    }
  }
  if (touchedDisabled) patch.disabledRules = [...disabled].sort();
  if (touchedCustom) patch.customDlpProfiles = custom as PolicyPatch['customDlpProfiles'];
  return patch;
}

function invalid(message: string): PeriscopeError {
  return new PeriscopeError('config_invalid', message);
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function wholeNumber(key: string, value: string): number {
  if (!/^\d+$/.test(value.trim())) throw invalid(`${key} expects a whole number of days, got "${value}"`);
  return Number(value);
}

function bool(key: string, value: string): boolean {
  if (value === 'true' || value === 'false') return value === 'true';
  throw invalid(`${key} expects true or false, got "${value}"`);
}

/** `default` drops the override, so the rule's own severity applies again. */
function severityOrDefault(key: string, value: string): Severity | null {
  if (value === 'default') return null;
  if ((severities as readonly string[]).includes(value)) return value as Severity;
  throw invalid(`${key} expects one of ${severities.join(', ')} or default, got "${value}"`);
}

function profileFromFile(key: string, value: string, readFile: (path: string) => string): unknown {
  if (!value.startsWith('@')) throw invalid(`${key} expects @<file.json>, got "${value}"`);
  const file = value.slice(1);
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    throw invalid(`${key}: cannot read file ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  try {
    const profile: unknown = JSON.parse(text);
    if (typeof profile !== 'object' || profile === null || Array.isArray(profile))
      throw new Error('not an object');
    return profile;
  } catch (error) {
    throw invalid(`${key}: ${file} is not a JSON object (${(error as Error).message})`);
  }
}
