/** Scope ratings per provider, the documented fallbacks for unlisted scopes, and the aggregate. */
import { describe, expect, it } from 'vitest';
import type { ScopeRisk } from '../../scanner/model.ts';
import { highestScopeRisk, rateScope } from '../../scanner/scope-risk/index.ts';
import { githubTable, microsoftTable } from '../../scanner/scope-risk/table.ts';

const risk = (provider: Parameters<typeof rateScope>[0], scope: string) =>
  rateScope(provider, scope)?.risk ?? null;

describe('Google scopes', () => {
  it.each<[string, ScopeRisk | null]>([
    ['https://mail.google.com/', 'critical'],
    ['https://www.googleapis.com/auth/gmail.modify', 'critical'],
    ['https://www.googleapis.com/auth/gmail.readonly', 'high'],
    ['https://www.googleapis.com/auth/gmail.settings.sharing', 'critical'],
    ['https://www.googleapis.com/auth/drive', 'critical'],
    ['https://www.googleapis.com/auth/drive.readonly', 'high'],
    ['https://www.googleapis.com/auth/drive.file', 'low'],
    ['https://www.googleapis.com/auth/drive.metadata.readonly', 'medium'],
    ['https://www.googleapis.com/auth/admin.directory.user', 'critical'],
    ['https://www.googleapis.com/auth/admin.directory.user.readonly', 'medium'],
    ['https://www.googleapis.com/auth/cloud-platform', 'critical'],
    ['https://www.googleapis.com/auth/calendar', 'medium'],
    ['https://www.googleapis.com/auth/calendar.readonly', 'medium'],
    ['https://www.googleapis.com/auth/userinfo.email', 'low'],
    ['openid', 'low'],
    ['email', 'low'],
    ['profile', 'low'],
    ['drive.readonly', 'high'], // short forms, as Admin console exports show them
  ])('%s → %s', (scope, expected) => {
    expect(risk('google-workspace', scope)).toBe(expected);
  });

  it.each<[string, ScopeRisk | null]>([
    ['https://www.googleapis.com/auth/someapi.readonly', 'low'],
    ['https://www.googleapis.com/auth/someapi', 'medium'],
    ['https://www.googleapis.com/auth/admin.newthing', 'high'],
    ['https://www.googleapis.com/auth/admin.newthing.readonly', 'low'],
    ['https://example.com/custom-scope', null],
    ['', null],
  ])('unlisted %s → %s (naming convention)', (scope, expected) => {
    const rating = rateScope('google-workspace', scope);
    expect(rating?.risk ?? null).toBe(expected);
    if (rating) expect(rating.reason).toMatch(/^Not in the table/);
  });
});

describe('Microsoft Graph permissions', () => {
  it.each<[string, ScopeRisk | null]>([
    ['User.Read', 'low'],
    ['openid', 'low'],
    ['profile', 'low'],
    ['offline_access', 'low'],
    ['Mail.Read', 'high'],
    ['Mail.ReadWrite', 'high'],
    ['Files.Read.All', 'high'],
    ['Sites.Read.All', 'high'],
    ['Calendars.Read', 'medium'],
    ['Directory.ReadWrite.All', 'critical'],
    ['RoleManagement.ReadWrite.Directory', 'critical'],
    ['Application.ReadWrite.All', 'critical'],
    ['mail.read', 'high'], // Graph permission values are case-insensitive
    ['https://graph.microsoft.com/Files.Read.All', 'high'],
    ['delegated:Mail.Read', 'high'],
  ])('delegated %s → %s', (scope, expected) => {
    expect(risk('microsoft-365', scope)).toBe(expected);
  });

  it.each<[string, ScopeRisk | null]>([
    ['application:Mail.Read', 'critical'],
    ['application:Files.Read.All', 'critical'],
    ['application:Sites.Read.All', 'critical'],
    ['application:User.Read.All', 'medium'],
    ['application:Directory.Read.All', 'high'],
    ['application:Application.ReadWrite.OwnedBy', 'high'],
    ['application:Mail.Read.Shared', 'critical'], // no own application rating: delegated high, one step up
    ['Application:Contacts.ReadWrite', 'high'],
  ])('application %s → %s', (scope, expected) => {
    expect(risk('microsoft-365', scope)).toBe(expected);
  });

  it.each<[string, ScopeRisk | null]>([
    ['Widgets.FullControl.All', 'critical'],
    ['Widgets.ReadWrite.All', 'high'],
    ['Widgets.Read.All', 'medium'],
    ['Widgets.ReadWrite', 'medium'],
    ['Widgets.Read', 'low'],
    ['application:Widgets.Read.All', 'high'],
    ['https://graph.microsoft.com/.default', null],
    ['Widgets.Frobnicate', null],
  ])('unlisted %s → %s (naming convention)', (scope, expected) => {
    expect(risk('microsoft-365', scope)).toBe(expected);
  });
});

describe('GitHub App permissions', () => {
  it.each<[string, ScopeRisk | null]>([
    ['metadata:read', 'low'],
    ['contents:read', 'medium'],
    ['contents:write', 'high'],
    ['workflows:write', 'critical'],
    ['administration:write', 'critical'],
    ['administration:read', 'medium'],
    ['members:read', 'low'],
    ['members:write', 'high'],
    ['organization_administration:write', 'critical'],
    ['organization_self_hosted_runners:write', 'critical'],
    ['secrets:read', 'medium'],
    ['secrets:write', 'high'],
    ['secret_scanning_alerts:read', 'high'],
    ['issues:write', 'low'],
    ['pull_requests:write', 'medium'],
    ['organization_custom_properties:admin', 'medium'],
    ['Contents:Write', 'high'],
  ])('%s → %s', (scope, expected) => {
    expect(risk('github', scope)).toBe(expected);
  });

  it.each<[string, ScopeRisk | null]>([
    ['brand_new_thing:read', 'low'],
    ['brand_new_thing:write', 'medium'],
    ['brand_new_thing:admin', 'high'],
    ['contents', null],
    ['repo', null], // a classic OAuth scope, not an App permission
  ])('unlisted %s → %s (level convention)', (scope, expected) => {
    expect(risk('github', scope)).toBe(expected);
  });
});

describe('providers without a table', () => {
  it.each(['openai', 'anthropic', 'gemini'] as const)('%s scopes are unknown', (provider) => {
    expect(rateScope(provider, 'api.model.read')).toBeNull();
    expect(highestScopeRisk(provider, ['api.model.read'])).toBeNull();
  });
});

describe('highestScopeRisk', () => {
  it('returns the top level and a reason per scope at that level', () => {
    const result = highestScopeRisk('google-workspace', [
      'openid',
      'https://www.googleapis.com/auth/drive.readonly',
      'https://www.googleapis.com/auth/gmail.readonly',
      'https://www.googleapis.com/auth/calendar',
    ]);
    expect(result?.risk).toBe('high');
    expect(result?.reasons).toHaveLength(2);
    expect(result?.reasons[0]).toMatch(/^https:\/\/www\.googleapis\.com\/auth\/drive\.readonly: /);
  });

  it('ignores unknown scopes and counts duplicates once', () => {
    expect(highestScopeRisk('microsoft-365', ['User.Read', 'User.Read', 'Nonsense'])).toEqual({
      risk: 'low',
      reasons: ["User.Read: Sign-in and the user's own profile."],
    });
  });

  it('is null for no scopes or only unknown ones', () => {
    expect(highestScopeRisk('github', [])).toBeNull();
    expect(highestScopeRisk('github', ['repo'])).toBeNull();
  });
});

describe('tables', () => {
  it('list each Microsoft permission once, ignoring case', () => {
    const names = Object.keys(microsoftTable.permissions).map((n) => n.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('rate every Microsoft permission in at least one kind', () => {
    for (const [name, kinds] of Object.entries(microsoftTable.permissions)) {
      expect(kinds.delegated ?? kinds.application, name).toBeDefined();
    }
  });

  it('name GitHub permissions as the API does (snake_case)', () => {
    for (const name of Object.keys(githubTable.permissions)) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});
