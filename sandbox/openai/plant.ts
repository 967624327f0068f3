/**
 * The deterministic violations and their clean look-alikes, each named in `org.planted` so tests
 * can point at them. Times are relative to `now`; every entity here is what one rule is about.
 */
import { awsKeyContent, CLEAN_CONTROL_CONTENT, cardContent } from '../google/dlp-content.ts';
import type { Random } from '../random.ts';
import type { IdMaker } from './ids.ts';
import type {
  AdminKey,
  Assistant,
  Invite,
  OrgUser,
  Project,
  ProjectKey,
  ServiceAccount,
  StoredFile,
  VectorStore,
} from './types.ts';

const DAY = 86_400;

export interface Planted {
  users: OrgUser[];
  invites: Invite[];
  adminKeys: AdminKey[];
  projects: Project[];
  scannerKey: AdminKey;
  scannerProjectKeys: Map<string, ProjectKey>;
  names: Record<string, string>;
}

/** Tools on a fresh project: everything off. */
export const NO_TOOLS = {
  web_search: false,
  code_interpreter: false,
  mcp: false,
  file_search: false,
  image_generation: false,
};

export function plantOrganization(random: Random, ids: IdMaker, now: number): Planted {
  const names: Record<string, string> = {};
  const ago = (days: number) => now - days * DAY;
  const name = <T extends { id: string }>(label: string, item: T): T => {
    names[label] = item.id;
    return item;
  };

  const user = (label: string, fields: Partial<OrgUser> & Pick<OrgUser, 'name'>): OrgUser =>
    name(label, {
      id: ids.user(),
      email: `${fields.name.toLowerCase().replace(/[^a-z]+/g, '.')}@acme.test`,
      role: 'reader',
      addedAt: ago(400),
      enabled: true,
      banned: false,
      apiKeyLastUsedAt: null,
      lastLoginAt: ago(1),
      removed: false,
      ...fields,
    });
  const scannerOwner = user('user.scannerOwner', {
    name: 'Ada Admin',
    role: 'owner',
    apiKeyLastUsedAt: ago(1),
  });
  // Six owners: one more than the default maximum of five.
  const owners = ['Grace Owner', 'Alan Owner', 'Edsger Owner', 'Barbara Owner', 'Ken Owner'].map((n, i) =>
    user(`user.owner${i + 2}`, { name: n, role: 'owner', lastLoginAt: ago(2 + i) }),
  );
  const inactive = user('user.inactive', { name: 'Ivan Idle', lastLoginAt: ago(200) });
  const neverLoggedIn = user('user.neverLoggedIn', {
    name: 'Nora Never',
    lastLoginAt: null,
    addedAt: ago(120),
  });
  const apiOnly = user('user.apiOnly', { name: 'Api Only', lastLoginAt: ago(200), apiKeyLastUsedAt: ago(1) });
  const newcomer = user('user.newcomer', { name: 'Nils New', lastLoginAt: null, addedAt: ago(10) });
  const banned = user('user.banned', { name: 'Bob Banned', banned: true, lastLoginAt: ago(300) });
  const removed = user('user.removed', { name: 'Rita Removed', removed: true, lastLoginAt: ago(60) });
  const users = [scannerOwner, ...owners, inactive, neverLoggedIn, apiOnly, newcomer, banned, removed];

  const invite = (label: string, fields: Partial<Invite> & Pick<Invite, 'email'>): Invite =>
    name(label, {
      id: ids.invite(),
      role: 'reader',
      status: 'pending',
      createdAt: ago(1),
      expiresAt: ago(1) + 60 * DAY,
      acceptedAt: null,
      projects: [],
      ...fields,
    });

  const adminKey = (label: string, fields: Partial<AdminKey>): AdminKey =>
    name(label, {
      id: ids.key(),
      name: label.replace(/^adminKey\./, ''),
      value: ids.secret('sk-admin-'),
      createdAt: ago(30),
      expiresAt: null,
      lastUsedAt: ago(1),
      ownerUserId: scannerOwner.id,
      scopes: 'all',
      ...fields,
    });
  const scannerKey = adminKey('adminKey.scanner', {});
  const adminKeys = [
    scannerKey,
    adminKey('adminKey.unused', { createdAt: ago(200), lastUsedAt: ago(120) }),
    adminKey('adminKey.neverUsedOld', { createdAt: ago(150), lastUsedAt: null }),
    adminKey('adminKey.neverUsedNew', { createdAt: ago(10), lastUsedAt: null }),
    adminKey('adminKey.old', { createdAt: ago(400), lastUsedAt: ago(1), expiresAt: now + 30 * DAY }),
    adminKey('adminKey.ownerRemoved', { ownerUserId: removed.id, createdAt: ago(20), lastUsedAt: ago(2) }),
  ];

  const serviceAccount = (label: string, fields: Partial<ServiceAccount> = {}): ServiceAccount =>
    name(label, {
      id: ids.serviceAccount(),
      name: label.replace(/^sa\./, ''),
      role: 'member',
      createdAt: ago(300),
      removed: false,
      ...fields,
    });
  const projectKey = (label: string, fields: Partial<ProjectKey> & Pick<ProjectKey, 'owner'>): ProjectKey =>
    name(label, {
      id: ids.key(),
      name: label.replace(/^projectKey\./, ''),
      value: ids.secret(fields.owner.type === 'user' ? 'sk-proj-' : 'sk-svcacct-'),
      createdAt: ago(30),
      lastUsedAt: ago(1),
      ...fields,
    });
  const file = (label: string, fields: Partial<StoredFile> & Pick<StoredFile, 'filename' | 'purpose'>) =>
    name(label, { id: ids.file(), createdAt: ago(5), expiresAt: null, content: 'hello\n', ...fields });
  const vectorStore = (label: string, fields: Partial<VectorStore>): VectorStore =>
    name(label, {
      id: ids.vectorStore(),
      name: label.replace(/^vectorStore\./, ''),
      createdAt: ago(40),
      lastActiveAt: ago(2),
      usageBytes: 52_000,
      fileCount: 3,
      status: 'completed',
      expiresAfterDays: null,
      ...fields,
    });
  const assistant = (label: string, tools: Assistant['tools']): Assistant =>
    name(label, {
      id: ids.assistant(),
      name: label.replace(/^assistant\./, ''),
      model: 'gpt-4o',
      createdAt: ago(50),
      tools,
    });

  const scannerProjectKeys = new Map<string, ProjectKey>();
  const project = (label: string, fields: Partial<Project> & Pick<Project, 'name'>): Project => {
    const scannerSa = serviceAccount(`sa.scanner.${label}`, { name: 'periscope-scanner' });
    const scannerProjectKey = projectKey(`projectKey.scanner.${label}`, {
      owner: { type: 'service_account', serviceAccountId: scannerSa.id },
    });
    const p = name(label, {
      id: ids.project(),
      createdAt: ago(500),
      archivedAt: null,
      residency: 'GLOBAL',
      retention: 'organization_default',
      tools: { ...NO_TOOLS },
      modelPermissions: { mode: 'allow_list', modelIds: ['gpt-4o', 'gpt-4o-mini'] },
      rateLimits: [],
      users: [{ userId: scannerOwner.id, role: 'owner', addedAt: ago(400) }],
      serviceAccounts: [],
      apiKeys: [],
      files: [],
      vectorStores: [],
      assistants: [],
      ...fields,
    } as Project);
    p.serviceAccounts.push(scannerSa);
    p.apiKeys.push(scannerProjectKey);
    scannerProjectKeys.set(p.id, scannerProjectKey);
    return p;
  };

  const ci = serviceAccount('sa.ci');
  const goneSa = serviceAccount('sa.removed', { removed: true });
  const production = project('project.production', {
    name: 'Production',
    tools: { ...NO_TOOLS, web_search: true, file_search: true, image_generation: true },
    users: [
      { userId: scannerOwner.id, role: 'owner', addedAt: ago(400) },
      { userId: apiOnly.id, role: 'member', addedAt: ago(300) },
      { userId: inactive.id, role: 'member', addedAt: ago(300) },
      { userId: banned.id, role: 'member', addedAt: ago(300) },
    ],
    serviceAccounts: [ci, goneSa],
  });
  const owner2 = owners[0] as OrgUser;
  production.apiKeys.push(
    projectKey('projectKey.fresh', { owner: { type: 'user', userId: apiOnly.id } }),
    projectKey('projectKey.unused', {
      owner: { type: 'user', userId: apiOnly.id },
      createdAt: ago(200),
      lastUsedAt: ago(100),
    }),
    projectKey('projectKey.neverUsedOld', {
      owner: { type: 'user', userId: scannerOwner.id },
      createdAt: ago(100),
      lastUsedAt: null,
    }),
    projectKey('projectKey.old', { owner: { type: 'user', userId: scannerOwner.id }, createdAt: ago(500) }),
    // Owner still in the org but no longer in the project.
    projectKey('projectKey.ownerLeftProject', { owner: { type: 'user', userId: owner2.id } }),
    projectKey('projectKey.ownerBanned', { owner: { type: 'user', userId: banned.id } }),
    projectKey('projectKey.ownerRemoved', { owner: { type: 'user', userId: removed.id } }),
    projectKey('projectKey.serviceUnused', {
      owner: { type: 'service_account', serviceAccountId: ci.id },
      createdAt: ago(150),
      lastUsedAt: ago(95),
    }),
    projectKey('projectKey.serviceFresh', { owner: { type: 'service_account', serviceAccountId: ci.id } }),
    projectKey('projectKey.serviceRemoved', {
      owner: { type: 'service_account', serviceAccountId: goneSa.id },
    }),
  );
  production.files.push(
    // A user upload: not downloadable, so not inspectable (never "clean").
    file('file.customerUpload', {
      filename: 'customers.csv',
      purpose: 'user_data',
      content: cardContent(random, true),
    }),
    file('file.batchOutput', {
      filename: 'batch_output.jsonl',
      purpose: 'batch_output',
      content: awsKeyContent(random),
    }),
    file('file.cleanOutput', {
      filename: 'notes.txt',
      purpose: 'assistants_output',
      content: CLEAN_CONTROL_CONTENT,
    }),
    file('file.fineTuneResults', {
      filename: 'step_metrics.csv',
      purpose: 'fine-tune-results',
      content: 'step,loss\n1,0.5\n',
    }),
  );
  production.vectorStores.push(
    vectorStore('vectorStore.noExpiry', {}),
    vectorStore('vectorStore.withExpiry', { expiresAfterDays: 30 }),
  );
  production.assistants.push(
    assistant('assistant.codeInterpreter', ['code_interpreter', 'file_search']),
    assistant('assistant.searchOnly', ['file_search']),
    assistant('assistant.functions', ['function']),
  );
  production.rateLimits.push({
    id: ids.rateLimit('gpt-4o'),
    model: 'gpt-4o',
    maxRequestsPerMinute: 500,
    maxTokensPerMinute: 30_000,
  });

  const research = project('project.research', {
    name: 'Research',
    retention: 'none',
    tools: { ...NO_TOOLS, code_interpreter: true, mcp: true },
    modelPermissions: null,
  });
  research.vectorStores.push(vectorStore('vectorStore.researchWithExpiry', { expiresAfterDays: 7 }));
  const approved = project('project.approvedTools', {
    name: 'Approved tools',
    retention: 'zero_data_retention',
    tools: { ...NO_TOOLS, web_search: true, mcp: true },
  });
  approved.assistants.push(assistant('assistant.approvedCodeInterpreter', ['code_interpreter']));
  const sandbox = project('project.sandbox', {
    name: 'Sandbox',
    retention: 'modified_abuse_monitoring',
    modelPermissions: { mode: 'deny_list', modelIds: ['o1-pro'] },
  });
  const archived = project('project.archived', {
    name: 'Legacy',
    archivedAt: ago(90),
    retention: 'none',
    tools: { ...NO_TOOLS, mcp: true, code_interpreter: true },
    modelPermissions: null,
  });
  archived.apiKeys.push(
    projectKey('projectKey.archivedProject', {
      owner: { type: 'user', userId: scannerOwner.id },
      createdAt: ago(600),
      lastUsedAt: null,
    }),
  );

  const invites = [
    invite('invite.ownerPending', { email: 'new.owner@acme.test', role: 'owner', createdAt: ago(2) }),
    invite('invite.projectOwnerPending', {
      email: 'lead@acme.test',
      projects: [{ id: production.id, role: 'owner' }],
    }),
    invite('invite.stale', { email: 'late@acme.test', createdAt: ago(30) }),
    invite('invite.ownerStale', { email: 'old.owner@acme.test', role: 'owner', createdAt: ago(20) }),
    invite('invite.ownerAccepted', {
      email: 'grace.owner@acme.test',
      role: 'owner',
      status: 'accepted',
      createdAt: ago(100),
      acceptedAt: ago(99),
    }),
    invite('invite.recent', { email: 'fresh@acme.test', createdAt: ago(1) }),
    invite('invite.expiredOwner', {
      email: 'gone@acme.test',
      role: 'owner',
      status: 'expired',
      createdAt: ago(80),
      expiresAt: ago(20),
    }),
  ];

  return {
    users,
    invites,
    adminKeys,
    projects: [production, research, approved, sandbox, archived],
    scannerKey,
    scannerProjectKeys,
    names,
  };
}
