/**
 * Per-provider scope parsing and rating. A scope in the table gets the table's rating. A scope
 * not in the table is rated by the provider's own naming convention when it has one, with a
 * reason that says so; otherwise it is unknown (null), never guessed:
 *
 * - Google: an unlisted googleapis scope is `medium` — `low` when it ends in `.readonly`, and
 *   `high` for an unlisted `admin.*` scope that is not read-only. Non-Google URLs are unknown.
 * - Microsoft Graph: `*.FullControl.All` critical, `*.ReadWrite.All` high, `*.Read.All` /
 *   `*.ReadBasic.All` medium, other `*.ReadWrite*` medium, other `*.Read*` low; anything else
 *   (including `.default`) is unknown.
 * - GitHub (`name:level`): an unlisted permission is `low` for read, `medium` for write, `high`
 *   for admin; a scope without a level is unknown.
 *
 * Microsoft application permissions (app roles, which act for every user with no one signed
 * in) are written `application:<Permission>`; a bare or `delegated:` value is a delegated
 * permission. An application permission the table does not rate separately is its delegated
 * rating one step higher.
 */
import type { ScopeRisk } from '../model.ts';
import { githubTable, googleTable, microsoftTable, type Rating } from './table.ts';

const order: readonly ScopeRisk[] = ['low', 'medium', 'high', 'critical'];
export function riskRank(risk: ScopeRisk): number {
  return order.indexOf(risk);
}
function raise(risk: ScopeRisk): ScopeRisk {
  return order[Math.min(riskRank(risk) + 1, order.length - 1)] ?? risk;
}

// ---- Google

const googleAuthPrefix = 'https://www.googleapis.com/auth/';
const googleScopes = new Map(Object.entries(googleTable.scopes));

/** 'https://www.googleapis.com/auth/drive' → 'drive'; 'https://mail.google.com/' → 'mail.google.com'. */
function googleShortName(scope: string): { name: string; googleapis: boolean } {
  const s = scope.trim();
  if (s.startsWith(googleAuthPrefix)) return { name: s.slice(googleAuthPrefix.length), googleapis: true };
  if (/^https:\/\/mail\.google\.com\/?$/.test(s)) return { name: 'mail.google.com', googleapis: false };
  return { name: s, googleapis: /^[a-z][\w.-]*$/.test(s) };
}

export function rateGoogle(scope: string): Rating | null {
  const { name, googleapis } = googleShortName(scope);
  const listed = googleScopes.get(name);
  if (listed) return listed;
  if (!googleapis) return null;
  const readOnly = /\.read[-_]?only$/.test(name);
  if (name.startsWith('admin.') && !readOnly) {
    return {
      risk: 'high',
      reason: 'Not in the table; an unlisted Admin SDK scope that can change the domain.',
    };
  }
  return readOnly
    ? { risk: 'low', reason: 'Not in the table; read-only by its name.' }
    : { risk: 'medium', reason: 'Not in the table; grants write access by its name.' };
}

// ---- Microsoft Graph

const msPermissions = new Map(
  Object.entries(microsoftTable.permissions).map(([k, v]) => [k.toLowerCase(), v]),
);

function msConvention(name: string): Rating | null {
  const rule = (risk: ScopeRisk, what: string): Rating => ({
    risk,
    reason: `Not in the table; ${what} by its name.`,
  });
  if (/\.FullControl\.All$/i.test(name))
    return rule('critical', 'full control of every resource of its kind');
  if (/\.ReadWrite\.All$/i.test(name)) return rule('high', 'writes every resource of its kind');
  if (/\.Read(Basic)?\.All$/i.test(name)) return rule('medium', 'reads every resource of its kind');
  if (/\.ReadWrite(\.|$)/i.test(name)) return rule('medium', 'writes the signed-in user\u2019s resources');
  if (/\.Read(Basic)?(\.|$)/i.test(name)) return rule('low', 'reads the signed-in user\u2019s resources');
  return null;
}

export function rateMicrosoft(scope: string): Rating | null {
  let name = scope.trim();
  let application = false;
  const kind = /^(application|delegated):/i.exec(name);
  if (kind) {
    application = kind[1]?.toLowerCase() === 'application';
    name = name.slice(kind[0].length);
  }
  name = name.replace(/^https:\/\/graph\.microsoft\.com\//i, '');
  if (name === '' || name.startsWith('.')) return null; // '.default' names no permission by itself
  const listed = msPermissions.get(name.toLowerCase());
  if (application && listed?.application) return listed.application;
  const delegated = listed?.delegated ?? msConvention(name);
  if (!delegated) return null;
  if (!application) return delegated;
  return {
    risk: raise(delegated.risk),
    reason: `${delegated.reason} As an application permission it applies to every user with no one signed in.`,
  };
}

// ---- GitHub

const githubPermissions = new Map(Object.entries(githubTable.permissions));
const githubLevelDefaults: Record<string, ScopeRisk> = { read: 'low', write: 'medium', admin: 'high' };

/** `contents:write`, as `permissionScopes` in the GitHub connector emits it. */
export function rateGithub(scope: string): Rating | null {
  const match = /^([a-z0-9_]+):([a-z]+)$/.exec(scope.trim().toLowerCase());
  if (!match) return null;
  const [, name = '', level = ''] = match;
  const listed = githubPermissions.get(name)?.[level as 'read' | 'write' | 'admin'];
  if (listed) return listed;
  const fallback = githubLevelDefaults[level];
  return fallback ? { risk: fallback, reason: `Not in the table; rated by its ${level} level.` } : null;
}
