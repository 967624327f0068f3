/**
 * Normalizers against bodies shaped like GitHub's documented examples: parse with the edge
 * schema, map, and validate with the model's own parser.
 */
import { describe, expect, it } from 'vitest';
import { GhDeployKey, normalizeDeployKey } from '../../../connectors/github/normalize/deploy-key.ts';
import { GhInstallation, normalizeInstallation } from '../../../connectors/github/normalize/installation.ts';
import { GhOrganization, normalizeOrgSettings } from '../../../connectors/github/normalize/org.ts';
import {
  GhActionsPermissions,
  GhCopilotBilling,
  GhWorkflowPermissions,
  normalizeActions,
  normalizeCopilot,
} from '../../../connectors/github/normalize/org-features.ts';
import {
  GhPatGrant,
  normalizePatGrant,
  normalizePatRequest,
} from '../../../connectors/github/normalize/pat.ts';
import {
  GhUser,
  mfaVerdict,
  normalizeMember,
  normalizeOutsideCollaborator,
} from '../../../connectors/github/normalize/people.ts';
import { GhRepository, normalizeRepository } from '../../../connectors/github/normalize/repository.ts';
import {
  GhCredentialAuthorization,
  normalizeCredentialAuthorization,
} from '../../../connectors/github/normalize/saml-credential.ts';
import { GhSecretAlert, normalizeSecretAlert } from '../../../connectors/github/normalize/secret-alert.ts';
import { GhWebhook, normalizeWebhook } from '../../../connectors/github/normalize/webhook.ts';
import { type AssetInput, parseAsset } from '../../../scanner/model.ts';

const at = '2026-09-01T00:00:00.000Z';
const valid = (input: AssetInput | AssetInput[]) => [input].flat().map(parseAsset);

describe('github normalizers', () => {
  it('maps org settings, leaving owner-only fields null when absent', () => {
    const body = {
      login: 'acme',
      id: 9919,
      type: 'Organization',
      two_factor_requirement_enabled: false,
      default_repository_permission: 'write',
      members_can_create_public_repositories: true,
      plan: { name: 'enterprise', space: 976562499, private_repos: 999999, filled_seats: 40, seats: 50 },
    };
    const [asset] = valid(normalizeOrgSettings(GhOrganization.parse(body), at));
    expect(asset).toMatchObject({
      kind: 'setting',
      externalId: 'org:acme',
      settingType: 'github.org',
      values: {
        twoFactorRequired: false,
        defaultRepositoryPermission: 'write',
        membersCanCreatePublicRepositories: true,
        webCommitSignoffRequired: null,
      },
    });
    const [nonOwnerView] = valid(normalizeOrgSettings(GhOrganization.parse({ login: 'acme', id: 9919 }), at));
    expect(nonOwnerView?.kind === 'setting' && nonOwnerView.values.twoFactorRequired).toBeNull();
  });

  it('maps members and outside collaborators with admin and 2FA facts', () => {
    const user = GhUser.parse({
      login: 'mallory',
      id: 583231,
      node_id: 'MDQ6',
      type: 'User',
      site_admin: false,
      html_url: 'https://github.com/mallory',
    });
    const [member] = valid(
      normalizeMember(user, { isAdmin: true, mfaEnabled: mfaVerdict(583231, new Set([583231])) }, at),
    );
    expect(member).toMatchObject({
      externalId: '583231',
      name: 'mallory',
      identityType: 'user',
      isAdmin: true,
      role: 'admin',
      mfaEnabled: false,
    });
    const [outside] = valid(normalizeOutsideCollaborator(user, mfaVerdict(583231, null), at));
    expect(outside).toMatchObject({
      identityType: 'outside_collaborator',
      isAdmin: false,
      external: true,
      mfaEnabled: null,
    });
    expect(mfaVerdict(1, new Set([2]))).toBe(true);
  });

  it('maps an installation to an app and an all-repositories grant', () => {
    const body = {
      id: 25381,
      app_id: 2218,
      app_slug: 'ci-bot',
      client_id: 'Iv1.abc123',
      account: { login: 'acme', id: 9919 },
      repository_selection: 'all',
      permissions: { contents: 'write', metadata: 'read', administration: 'write' },
      events: ['push'],
      created_at: '2024-05-01T10:00:00Z',
      suspended_at: null,
    };
    const [app, grant] = valid(normalizeInstallation(GhInstallation.parse(body), at));
    expect(app).toMatchObject({ kind: 'app', externalId: 'ci-bot', appId: 'ci-bot', scopeRisk: 'critical' });
    expect(grant).toMatchObject({
      kind: 'oauth_grant',
      externalId: 'installation:25381',
      appId: 'ci-bot',
      principal: null,
      principalType: 'organization',
      scopes: ['administration:write', 'contents:write', 'metadata:read'],
      allResources: true,
      scopeRisk: 'critical',
      createdAt: '2024-05-01T10:00:00.000Z',
    });
  });

  it('rates an installation by its highest permission, whatever its repository selection', () => {
    const installation = (permissions: Record<string, string>, repository_selection: string) =>
      GhInstallation.parse({ id: 7, app_slug: 'reviewer', repository_selection, permissions });
    const rated = (permissions: Record<string, string>, selection = 'selected') =>
      valid(normalizeInstallation(installation(permissions, selection), at)).map((a) =>
        a.kind === 'app' || a.kind === 'oauth_grant' ? a.scopeRisk : undefined,
      );
    expect(rated({ metadata: 'read', contents: 'read', pull_requests: 'write' })).toEqual([
      'medium',
      'medium',
    ]);
    expect(rated({ metadata: 'read', contents: 'write' }, 'all')).toEqual(['high', 'high']);
    expect(rated({ metadata: 'read', workflows: 'write' })).toEqual(['critical', 'critical']);
    expect(rated({ metadata: 'read' })).toEqual(['low', 'low']);
    expect(rated({})).toEqual(['low', 'low']);
  });

  it('maps a SAML credential with a hint only and records whether expiry was reported', () => {
    const body = {
      login: 'octocat',
      credential_id: 161195,
      credential_type: 'personal access token',
      token_last_eight: '71c3fc11',
      credential_authorized_at: '2025-01-26T19:06:43Z',
      credential_accessed_at: null,
      authorized_credential_id: 12345678,
      authorized_credential_note: 'laptop',
      authorized_credential_expires_at: null,
      scopes: ['repo', 'admin:org'],
    };
    const [grant] = valid(normalizeCredentialAuthorization(GhCredentialAuthorization.parse(body), at));
    expect(grant).toMatchObject({
      externalId: 'credential:161195',
      principal: 'octocat',
      principalType: 'user',
      scopes: ['admin:org', 'repo'],
      expiresAt: null,
      lastUsedAt: null,
      attributes: { hint: '71c3fc11', expiryReported: true },
    });
    const { authorized_credential_expires_at: _omitted, ...withoutExpiry } = body;
    const [unknown] = valid(
      normalizeCredentialAuthorization(GhCredentialAuthorization.parse(withoutExpiry), at),
    );
    expect(unknown?.attributes.expiryReported).toBe(false);
  });

  it('maps PAT grants and requests to api keys with their strongest access', () => {
    const body = {
      id: 25381,
      owner: { login: 'octocat', id: 1 },
      repository_selection: 'all',
      permissions: {
        organization: { members: 'read' },
        repository: { contents: 'write', metadata: 'read' },
        other: {},
      },
      access_granted_at: '2026-03-01T12:00:00Z',
      created_at: '2026-02-28T12:00:00Z',
      token_id: 98716,
      token_name: 'deploy script',
      token_expired: false,
      token_expires_at: null,
      token_last_used_at: '2026-08-19T09:00:00Z',
    };
    const [grant] = valid(normalizePatGrant(GhPatGrant.parse(body), at));
    expect(grant).toMatchObject({
      kind: 'api_key',
      externalId: 'pat:25381',
      keyType: 'github_fine_grained_pat',
      owner: 'octocat',
      access: 'write',
      scopes: ['organization:members:read', 'repository:contents:write', 'repository:metadata:read'],
      createdAt: '2026-03-01T12:00:00.000Z',
      lastUsedAt: '2026-08-19T09:00:00.000Z',
      expiresAt: null,
      hint: null,
    });
    const [request] = valid(normalizePatRequest(GhPatGrant.parse(body), at));
    expect(request).toMatchObject({
      externalId: 'pat-request:25381',
      keyType: 'github_fine_grained_pat_request',
      createdAt: '2026-02-28T12:00:00.000Z',
    });
  });

  it('maps a repository, with secret scanning unknown when security_and_analysis is hidden', () => {
    const body = {
      id: 1296269,
      name: 'payments',
      full_name: 'acme/payments',
      private: false,
      visibility: 'public',
      archived: false,
      fork: false,
      default_branch: 'main',
      pushed_at: '2026-08-20T10:00:00Z',
      security_and_analysis: {
        secret_scanning: { status: 'disabled' },
        secret_scanning_push_protection: { status: 'enabled' },
      },
    };
    const [repo] = valid(normalizeRepository(GhRepository.parse(body), at));
    expect(repo).toMatchObject({
      externalId: 'repo:1296269',
      name: 'acme/payments',
      values: { visibility: 'public', secretScanning: 'disabled', pushProtection: 'enabled' },
    });
    const { security_and_analysis: _hidden, ...nonAdminView } = body;
    const [hidden] = valid(normalizeRepository(GhRepository.parse(nonAdminView), at));
    expect(hidden?.kind === 'setting' && hidden.values.secretScanning).toBeNull();
  });

  it('maps a deploy key to a fingerprint hint, never the key', () => {
    const publicKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
    const body = {
      id: 1,
      key: publicKey,
      title: 'ci',
      verified: true,
      created_at: '2023-12-10T15:53:42Z',
      read_only: false,
      added_by: 'octocat',
      last_used: null,
      enabled: true,
    };
    const [key] = valid(normalizeDeployKey('acme/payments', GhDeployKey.parse(body), at));
    expect(key).toMatchObject({
      externalId: 'deploy-key:acme/payments:1',
      keyType: 'github_deploy_key',
      access: 'write',
      lastUsedAt: null,
      attributes: { repository: 'acme/payments' },
    });
    expect(key?.kind === 'api_key' && key.hint).toMatch(/^[A-Za-z0-9+/]{8}$/);
    expect(JSON.stringify(key)).not.toContain('AAAAC3Nza');
  });

  it('maps a webhook, masking nothing but reporting secret presence and insecure SSL', () => {
    const body = {
      id: 1,
      name: 'web',
      active: true,
      events: ['push'],
      type: 'Organization',
      config: {
        url: 'http://user:pw@hooks.example.com/gh?token=abc',
        content_type: 'json',
        insecure_ssl: '1',
      },
    };
    const [hook] = valid(normalizeWebhook(GhWebhook.parse(body), at));
    expect(hook).toMatchObject({
      externalId: 'hook:1',
      values: { url: 'http://hooks.example.com/gh?…', hasSecret: false, insecureSsl: true },
    });
    const [signed] = valid(
      normalizeWebhook(
        GhWebhook.parse({
          ...body,
          config: { url: 'https://x.test', insecure_ssl: '0', secret: '********' },
        }),
        at,
      ),
    );
    expect(signed).toMatchObject({ values: { hasSecret: true, insecureSsl: false } });
  });

  it('maps a secret scanning alert without ever carrying the secret', () => {
    const body = {
      number: 3,
      state: 'open',
      secret_type: 'aws_access_key_id',
      secret_type_display_name: 'AWS Access Key ID',
      secret: 'AKIAIOSFODNN7EXAMPLE',
      validity: 'active',
      publicly_leaked: false,
      created_at: '2026-08-01T00:00:00Z',
      repository: { id: 1296269, full_name: 'acme/payments' },
    };
    const [alert] = valid(normalizeSecretAlert(GhSecretAlert.parse(body), at));
    expect(alert).toMatchObject({
      externalId: 'secret-alert:acme/payments#3',
      values: { state: 'open', validity: 'active', repository: 'acme/payments', number: 3 },
    });
    expect(JSON.stringify(alert)).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('maps Actions and Copilot policies', () => {
    const actions = GhActionsPermissions.parse({
      enabled_repositories: 'all',
      allowed_actions: 'all',
      sha_pinning_required: false,
    });
    const workflow = GhWorkflowPermissions.parse({
      default_workflow_permissions: 'write',
      can_approve_pull_request_reviews: true,
    });
    expect(valid(normalizeActions('acme', actions, workflow, at))[0]).toMatchObject({
      externalId: 'actions:acme',
      settingType: 'github.actions',
      values: {
        allowedActions: 'all',
        defaultWorkflowPermissions: 'write',
        canApprovePullRequestReviews: true,
        shaPinningRequired: false,
      },
    });
    const billing = GhCopilotBilling.parse({
      seat_breakdown: { total: 12 },
      seat_management_setting: 'assign_selected',
      public_code_suggestions: 'allow',
      ide_chat: 'enabled',
      platform_chat: 'disabled',
      cli: 'enabled',
      plan_type: 'business',
    });
    expect(valid(normalizeCopilot('acme', billing, at))[0]).toMatchObject({
      externalId: 'copilot:acme',
      values: { publicCodeSuggestions: 'allow', seatsTotal: 12, seatManagement: 'assign_selected' },
    });
  });
});
