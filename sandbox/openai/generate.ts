/**
 * Generates an OpenAI organization from a seed: the planted violations and look-alikes
 * (plant.ts) plus a background sized for the benchmark (N projects, M project keys in total,
 * users and service accounts in proportion). Linear in the size and deterministic per seed.
 */
import type { AiTool } from '../../scanner/policy.ts';
import { createRandom, type Random } from '../random.ts';
import { createIdMaker, type IdMaker } from './ids.ts';
import { NO_TOOLS, plantOrganization } from './plant.ts';
import type {
  AuditEvent,
  OpenAIOrg,
  OrgUser,
  Project,
  ProjectKey,
  ProjectRetention,
  RetentionType,
  ServiceAccount,
} from './types.ts';

const DAY = 86_400;

export interface OpenAIOrgSize {
  /** Projects in all, planted ones included. Default 8. */
  projects?: number;
  /** Project API keys in all (user and service-account keys), planted ones included. Default 60. */
  keys?: number;
  /** Org users in all. Default: a quarter of the keys, at least 20. */
  users?: number;
}

export interface GenerateOpenAIOptions {
  seed?: number;
  size?: OpenAIOrgSize;
  now?: Date;
  /** The organization's data retention. Default zero_data_retention. */
  retention?: RetentionType;
  /** Audit logging switched on by an owner. Default true. */
  auditLogging?: boolean;
  /** Plant the named violations and look-alikes. Default true. */
  plant?: boolean;
}

const MODELS = ['gpt-4o', 'gpt-4o-mini', 'o3', 'gpt-4.1', 'text-embedding-3-large'];
const RESIDENCIES = ['GLOBAL', 'US_STORAGE_PROCESSING', 'EU_STORAGE_PROCESSING'];
const RETENTIONS: ProjectRetention[] = [
  'organization_default',
  'organization_default',
  'organization_default',
  'zero_data_retention',
  'none',
  'modified_abuse_monitoring',
];
const FIRST = ['Ada', 'Ben', 'Cleo', 'Dan', 'Eva', 'Finn', 'Gia', 'Hugo', 'Iris', 'Jon', 'Kai', 'Lea'];
const LAST = ['Stone', 'Rivers', 'Hill', 'Marsh', 'Field', 'Brook', 'Wood', 'Lake', 'Ford', 'Dale'];

export function generateOpenAIOrg(options: GenerateOpenAIOptions = {}): OpenAIOrg {
  const seed = options.seed ?? 1;
  const random = createRandom(seed);
  const ids = createIdMaker(random.fork('ids'));
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const planted = options.plant === false ? null : plantOrganization(random.fork('plant'), ids, now);
  const size = options.size ?? {};
  const keyTotal = size.keys ?? 60;
  const userTotal = size.users ?? Math.max(20, Math.ceil(keyTotal / 4));
  const projectTotal = size.projects ?? 8;

  const users = [...(planted?.users ?? [])];
  const background = random.fork('background');
  for (let i = users.length; i < userTotal; i += 1) users.push(backgroundUser(background, ids, now, i));
  const active = users.filter((u) => !u.removed);

  const projects = [...(planted?.projects ?? [])];
  const plantedKeys = projects.reduce((n, p) => n + p.apiKeys.length, 0);
  const toAdd = Math.max(0, projectTotal - projects.length);
  const keysLeft = Math.max(0, keyTotal - plantedKeys);
  const scannerProjectKeys = planted?.scannerProjectKeys ?? new Map<string, ProjectKey>();
  for (let i = 0; i < toAdd; i += 1) {
    const keys = Math.floor(keysLeft / toAdd) + (i < keysLeft % toAdd ? 1 : 0);
    const project = backgroundProject(background, ids, now, i, active, keys);
    projects.push(project);
    // The scanner's key for project-scoped reads: the project's first service-account key.
    const scannerKey = project.apiKeys.find((k) => k.owner.type === 'service_account');
    if (scannerKey) scannerProjectKeys.set(project.id, scannerKey);
  }

  const scannerKey = planted?.scannerKey ?? {
    id: ids.key(),
    name: 'scanner',
    value: ids.secret('sk-admin-'),
    createdAt: now - 30 * DAY,
    expiresAt: null,
    lastUsedAt: now - DAY,
    ownerUserId: (active.find((u) => u.role === 'owner') ?? (active[0] as OrgUser)).id,
    scopes: 'all' as const,
  };
  const adminKeys = planted?.adminKeys ?? [scannerKey];
  return {
    id: `org-${ids.key().slice(4)}`,
    name: 'Acme',
    retention: options.retention ?? 'zero_data_retention',
    auditLogging: options.auditLogging ?? true,
    users,
    invites: [...(planted?.invites ?? []), ...backgroundInvites(background, ids, now, userTotal)],
    projects,
    adminKeys,
    events: auditEvents(random.fork('events'), ids, users, projects),
    scannerKey,
    scannerProjectKeys,
    planted: planted?.names ?? {},
  };
}

function backgroundUser(random: Random, ids: IdMaker, now: number, i: number): OrgUser {
  const name = `${random.pick(FIRST)} ${random.pick(LAST)}`;
  const addedAt = now - random.int(5, 700) * DAY;
  const loggedIn = random.chance(0.9);
  return {
    id: ids.user(),
    name,
    email: `${name.toLowerCase().replace(' ', '.')}.${i}@acme.test`,
    role: random.chance(0.002) ? 'owner' : 'reader',
    addedAt,
    enabled: true,
    banned: random.chance(0.01),
    apiKeyLastUsedAt: random.chance(0.5) ? now - random.int(0, 40) * DAY : null,
    lastLoginAt: loggedIn ? Math.max(addedAt, now - random.int(0, 150) * DAY) : null,
    removed: random.chance(0.02),
  };
}

function backgroundProject(
  random: Random,
  ids: IdMaker,
  now: number,
  i: number,
  users: OrgUser[],
  keyCount: number,
): Project {
  const tools = { ...NO_TOOLS };
  for (const tool of Object.keys(tools) as AiTool[]) tools[tool] = random.chance(0.15);
  const members = random
    .sampleIndices(users.length, Math.min(users.length, random.int(2, 8)))
    .map((index, n) => ({
      userId: (users[index] as OrgUser).id,
      role: n === 0 ? ('owner' as const) : ('member' as const),
      addedAt: now - random.int(1, 400) * DAY,
    }));
  const serviceAccounts: ServiceAccount[] = Array.from(
    { length: Math.max(1, Math.round(keyCount / 10)) },
    (_, n) => ({
      id: ids.serviceAccount(),
      name: `svc-${i}-${n}`,
      role: 'member' as const,
      createdAt: now - random.int(1, 400) * DAY,
      removed: false,
    }),
  );
  const apiKeys: ProjectKey[] = [];
  for (let k = 0; k < keyCount; k += 1) {
    const bySa = k === 0 || random.chance(0.3);
    const owner = bySa
      ? { type: 'service_account' as const, serviceAccountId: random.pick(serviceAccounts).id }
      : { type: 'user' as const, userId: random.pick(members).userId };
    const createdAt = now - random.int(1, 500) * DAY;
    apiKeys.push({
      id: ids.key(),
      name: `key-${i}-${k}`,
      value: ids.secret(bySa ? 'sk-svcacct-' : 'sk-proj-'),
      createdAt,
      // The first is the scanner's own key (in use); the rest vary.
      lastUsedAt:
        k === 0
          ? Math.max(createdAt, now - random.int(0, 2) * DAY)
          : random.chance(0.85)
            ? Math.max(createdAt, now - random.int(0, 120) * DAY)
            : null,
      owner,
    });
  }
  const mode = random.next();
  return {
    id: ids.project(),
    name: `Project ${i + 1}`,
    createdAt: now - random.int(30, 700) * DAY,
    archivedAt: random.chance(0.05) ? now - random.int(1, 100) * DAY : null,
    residency: random.pick(RESIDENCIES),
    retention: random.pick(RETENTIONS),
    tools,
    modelPermissions:
      mode < 0.6
        ? { mode: 'allow_list', modelIds: [random.pick(MODELS)] }
        : mode < 0.7
          ? { mode: 'deny_list', modelIds: [random.pick(MODELS)] }
          : null,
    rateLimits: MODELS.slice(0, random.int(0, 3)).map((model) => ({
      id: ids.rateLimit(model),
      model,
      maxRequestsPerMinute: 500,
      maxTokensPerMinute: 200_000,
    })),
    users: members,
    serviceAccounts,
    apiKeys,
    files: [],
    vectorStores: [],
    assistants: [],
  };
}

function backgroundInvites(random: Random, ids: IdMaker, now: number, users: number) {
  return Array.from({ length: Math.ceil(users / 50) }, (_, i) => {
    const createdAt = now - random.int(0, 40) * DAY;
    const status = random.pick(['accepted', 'pending', 'expired'] as const);
    return {
      id: ids.invite(),
      email: `invitee.${i}@acme.test`,
      role: random.chance(0.1) ? ('owner' as const) : ('reader' as const),
      status,
      createdAt,
      expiresAt: createdAt + 7 * DAY,
      acceptedAt: status === 'accepted' ? createdAt + DAY : null,
      projects: [],
    };
  });
}

/** Logins (the latest one per user is `lastLoginAt`; one earlier), key creations; newest first. */
function auditEvents(random: Random, ids: IdMaker, users: OrgUser[], projects: Project[]): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const user of users) {
    if (user.lastLoginAt === null) continue;
    for (const at of [user.lastLoginAt, user.lastLoginAt - random.int(1, 60) * DAY]) {
      if (at < user.addedAt) continue;
      events.push({
        id: ids.event(),
        type: 'login.succeeded',
        effectiveAt: at,
        actorUserId: user.id,
        projectId: null,
        details: {},
      });
    }
  }
  for (const project of projects) {
    for (const key of project.apiKeys.slice(0, 2)) {
      const actor = key.owner.type === 'user' ? key.owner.userId : (users[0] as OrgUser).id;
      events.push({
        id: ids.event(),
        type: 'api_key.created',
        effectiveAt: key.createdAt,
        actorUserId: actor,
        projectId: project.id,
        details: { id: key.id, data: { scopes: ['api.model.request'] } },
      });
    }
  }
  return events.sort((a, b) => b.effectiveAt - a.effectiveAt || (a.id < b.id ? -1 : 1));
}
