/**
 * The Google Workspace client for one connection: who to impersonate with which scopes, the
 * googleapis API objects pointed at the connection's roots, and one `call` that every request
 * goes through — a bounded number in flight, Google-style backoff with jitter for 403 quota
 * errors, 429 and 5xx (gaxios retries none of the 403s and ignores Retry-After, so its own
 * retries are off), and errors mapped to Periscope codes.
 */
import { admin, type admin_directory_v1, type admin_reports_v1 } from '@googleapis/admin';
import { cloudidentity, type cloudidentity_v1 } from '@googleapis/cloudidentity';
import { drive, type drive_v3 } from '@googleapis/drive';
import { gaxios, JWT, OAuth2Client } from 'google-auth-library';
// A subpath only: the googleapis root module pulls in every Google API.
import { licensing, type licensing_v1 } from 'googleapis/build/src/apis/licensing/index.js';
import type { Logger } from 'pino';
import type { ClientOptions, ConnectionConfig } from '../../scanner/connector.ts';
import { isPeriscopeError, PeriscopeError, StreamUnavailableError } from '../../scanner/errors.ts';
import { RequestGate, sleepUnlessAborted } from '../../scanner/request-gate.ts';
import {
  GoogleWorkspaceConfig,
  type GoogleWorkspaceCredentials,
  isServiceAccount,
  type ServiceAccountKey,
} from './credentials.ts';
import { type CallSite, describeGoogleError, isRetryable, toGoogleError } from './errors.ts';
import { SCOPES } from './scopes.ts';

const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const DEFAULT_ROOTS = {
  admin: 'https://admin.googleapis.com/',
  drive: 'https://www.googleapis.com/',
  cloudIdentity: 'https://cloudidentity.googleapis.com/',
  licensing: 'https://licensing.googleapis.com/',
};
const MAX_ATTEMPTS = 6;
const MAX_DELAY_MS = 32_000;

type AuthClient = JWT | OAuth2Client;

/**
 * Access tokens minted per (connection, subject, scopes), kept across scans in this process:
 * a Drive pass impersonates every user, and re-minting 10,000 tokens per scan would double
 * its calls. Tokens stay in memory only and expire within the hour.
 */
const tokenCache = new Map<string, { access_token?: string | null; expiry_date?: number | null }>();
const TOKEN_CACHE_LIMIT = 50_000;

function rememberToken(key: string, tokens: { access_token?: string | null; expiry_date?: number | null }) {
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.delete(tokenCache.keys().next().value as string);
  tokenCache.set(key, { access_token: tokens.access_token, expiry_date: tokens.expiry_date });
}

/** A user (or the admin) impersonated with a fixed set of scopes. */
export class GoogleSession {
  constructor(
    private readonly client: GoogleWorkspaceClient,
    readonly subject: string,
    readonly scopes: string[],
    private readonly auth: AuthClient,
  ) {}

  directory(): admin_directory_v1.Admin {
    return admin({
      version: 'directory_v1',
      auth: this.auth,
      rootUrl: this.client.roots.admin,
      retry: false,
    });
  }

  reports(): admin_reports_v1.Admin {
    return admin({ version: 'reports_v1', auth: this.auth, rootUrl: this.client.roots.admin, retry: false });
  }

  policies(): cloudidentity_v1.Cloudidentity {
    return cloudidentity({
      version: 'v1',
      auth: this.auth,
      rootUrl: this.client.roots.cloudIdentity,
      retry: false,
    });
  }

  drive(): drive_v3.Drive {
    return drive({ version: 'v3', auth: this.auth, rootUrl: this.client.roots.drive, retry: false });
  }

  licensing(): licensing_v1.Licensing {
    return licensing({ version: 'v1', auth: this.auth, rootUrl: this.client.roots.licensing, retry: false });
  }

  /** One API call: limited, retried on quota/5xx with jittered backoff, errors mapped. */
  call<T>(label: string, run: () => Promise<{ data: T }>): Promise<T> {
    return this.client.execute({ call: label, subject: this.subject, scopes: this.scopes }, run);
  }
}

export class GoogleWorkspaceClient {
  readonly adminEmail: string;
  /** `my_customer` or the customer id, as the Directory API's `customer` parameter takes it. */
  readonly customer: string;
  /** Domains whose users and groups count as internal. */
  readonly internalDomains: Set<string>;
  readonly roots: { admin: string; drive: string; cloudIdentity: string; licensing: string };
  /** Service account with domain-wide delegation: can impersonate users (Drive). */
  readonly delegated: boolean;
  readonly sweepMs: number;
  readonly concurrency: number;
  private readonly retryBaseMs: number;
  private readonly tokenUrl: string;
  private readonly logger: Logger;
  private readonly signal: AbortSignal;
  private readonly transporter: gaxios.Gaxios;
  private readonly fetchImplementation: typeof fetch;
  private streamingTransporter: gaxios.Gaxios | undefined;
  private readonly gate: RequestGate;
  private usersPromise: Promise<DirectoryUser[]> | undefined;

  constructor(
    private readonly connection: ConnectionConfig,
    private readonly credentials: GoogleWorkspaceCredentials,
    options: ClientOptions,
  ) {
    const config = GoogleWorkspaceConfig.parse(connection.config);
    this.adminEmail = config.adminEmail.toLowerCase();
    this.customer = config.customerId;
    const adminDomain = this.adminEmail.split('@')[1] ?? '';
    this.internalDomains = new Set(
      [adminDomain, ...(config.domains ?? '').split(',')].map((d) => d.trim().toLowerCase()).filter(Boolean),
    );
    const base = connection.baseUrl ? originOf(connection.baseUrl) : null;
    this.roots = {
      admin: rootOf(config.adminRootUrl) ?? base ?? DEFAULT_ROOTS.admin,
      drive: rootOf(config.driveRootUrl) ?? base ?? DEFAULT_ROOTS.drive,
      cloudIdentity: rootOf(config.cloudIdentityRootUrl) ?? base ?? DEFAULT_ROOTS.cloudIdentity,
      licensing: rootOf(config.licensingRootUrl) ?? base ?? DEFAULT_ROOTS.licensing,
    };
    this.tokenUrl = config.tokenUrl ?? GOOGLE_TOKEN_URL;
    this.delegated = isServiceAccount(credentials);
    this.sweepMs = Number(config.sweepHours ?? 24) * 3_600_000;
    this.concurrency = Math.max(1, Number(config.concurrency ?? 8));
    this.gate = new RequestGate(this.concurrency);
    this.retryBaseMs = Number(config.retryBaseMs ?? 1000);
    this.logger = options.logger.child({ provider: 'google-workspace', connectionId: connection.id });
    this.signal = options.signal;
    this.transporter = this.buildTransporter(options.http.wrapFetch());
    this.fetchImplementation = options.http.wrapFetch(globalThis.fetch);
  }

  /** The configured admin, for Directory, Reports and the Policy API. */
  asAdmin(scopes: string[]): GoogleSession {
    return this.session(this.adminEmail, scopes);
  }

  /**
   * A user of the domain, for their Drive; needs a service account with delegation.
   * `streaming` sessions hand bodies over as streams (file content), not read whole.
   */
  asUser(email: string, scopes: string[], options: { streaming?: boolean } = {}): GoogleSession {
    if (!this.delegated) {
      throw new StreamUnavailableError(
        'requires_domain_wide_delegation',
        'google-workspace: reading users’ Drive needs a service account with domain-wide delegation; an OAuth-connected admin can read the directory, tokens, settings and Gemini streams only',
      );
    }
    if (options.streaming) this.streamingTransporter ??= this.buildTransporter(this.fetchImplementation);
    const transporter = options.streaming ? this.streamingTransporter : this.transporter;
    return this.session(email.toLowerCase(), scopes, transporter);
  }

  private session(subject: string, scopes: string[], transporter = this.transporter): GoogleSession {
    return new GoogleSession(this, subject, scopes, this.authFor(subject, scopes, transporter));
  }

  private authFor(subject: string, scopes: string[], transporter: gaxios.Gaxios): AuthClient {
    const credentials = this.credentials;
    if (!isServiceAccount(credentials)) {
      // The OAuth admin acts as themselves: the subject is who consented.
      const client = new OAuth2Client({
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        endpoints: { oauth2TokenUrl: this.tokenUrl },
        transporter,
      });
      client.setCredentials({ refresh_token: credentials.refreshToken });
      return client;
    }
    const key: ServiceAccountKey = credentials.serviceAccountKey;
    const cacheKey = `${this.connection.id}|${key.client_email}|${this.tokenUrl}|${subject}|${scopes.join(' ')}`;
    const jwt = new JWT({
      email: key.client_email,
      key: key.private_key,
      keyId: key.private_key_id,
      scopes,
      subject,
      transporter,
    });
    const cached = tokenCache.get(cacheKey);
    if (cached) jwt.setCredentials(cached);
    jwt.on('tokens', (tokens) => rememberToken(cacheKey, tokens));
    return jwt;
  }

  /**
   * gtoken posts the JWT to a hard-coded oauth2.googleapis.com; the interceptor sends it to the
   * connection's token endpoint. Every call (token and API) goes through the scan's counting fetch.
   */
  private buildTransporter(fetchImplementation: typeof fetch): gaxios.Gaxios {
    const transporter = new gaxios.Gaxios({ fetchImplementation });
    if (this.tokenUrl !== GOOGLE_TOKEN_URL) {
      const target = new URL(this.tokenUrl);
      transporter.interceptors.request.add({
        resolved: async (config) => {
          if (String(config.url).startsWith(GOOGLE_TOKEN_URL)) config.url = target;
          return config;
        },
      });
    }
    return transporter;
  }

  async execute<T>(site: CallSite, run: () => Promise<{ data: T }>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.signal.aborted)
        throw new PeriscopeError('cancelled', `google-workspace ${site.call}: cancelled`);
      await this.gate.acquire();
      let failure: unknown;
      try {
        const { data } = await run();
        // gaxios hands back the raw text when a JSON body does not parse.
        if (typeof data !== 'object' || data === null) throw malformedResponse(site, data);
        return data;
      } catch (error) {
        if (isPeriscopeError(error)) throw error;
        failure = error;
      } finally {
        this.gate.release();
      }
      const shape = describeGoogleError(failure);
      if (!isRetryable(shape) || attempt >= MAX_ATTEMPTS) throw toGoogleError(failure, site);
      // Exponential backoff with jitter, as Google's guides ask (research §1.3); half of each
      // step is fixed so a per-minute quota is always waited out, not hammered.
      const step = Math.min(MAX_DELAY_MS, this.retryBaseMs * 2 ** attempt);
      const delay = step / 2 + Math.random() * (step / 2);
      this.logger.debug({ call: site.call, status: shape.status, reason: shape.reason, delay }, 'retrying');
      await sleepUnlessAborted(delay, this.signal);
    }
  }

  /** Every user of the customer (fields the scanner reads), listed once per scan and shared by streams. */
  users(): Promise<DirectoryUser[]> {
    this.usersPromise ??= listDirectoryUsers(this);
    // A failed listing is not cached: the next stream asking gets its own error.
    this.usersPromise.catch(() => {
      this.usersPromise = undefined;
    });
    return this.usersPromise;
  }
}

export type DirectoryUser = admin_directory_v1.Schema$User;

const USER_FIELDS =
  'nextPageToken,users(id,primaryEmail,name/fullName,isAdmin,isDelegatedAdmin,isEnrolledIn2Sv,isEnforcedIn2Sv,suspended,archived,lastLoginTime,creationTime,orgUnitPath,customerId)';

async function listDirectoryUsers(client: GoogleWorkspaceClient): Promise<DirectoryUser[]> {
  const session = client.asAdmin([SCOPES.directoryUsers]);
  const directory = session.directory();
  const users: DirectoryUser[] = [];
  let pageToken: string | undefined;
  do {
    const page = await session.call('GET /admin/directory/v1/users', () =>
      directory.users.list({ customer: client.customer, maxResults: 500, pageToken, fields: USER_FIELDS }),
    );
    users.push(...(page.users ?? []));
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return users;
}

export function createGoogleWorkspaceClient(
  connection: ConnectionConfig,
  credentials: GoogleWorkspaceCredentials,
  options: ClientOptions,
): GoogleWorkspaceClient {
  return new GoogleWorkspaceClient(connection, credentials, options);
}

function malformedResponse(site: CallSite, data: unknown): PeriscopeError {
  const kind = typeof data === 'string' ? `unparsable JSON (${data.length} characters)` : `a ${typeof data}`;
  return new PeriscopeError(
    'malformed_response',
    `google-workspace ${site.call} as ${site.subject}: the response body is ${kind}, not a JSON object`,
    { provider: 'google-workspace', endpoint: site.call },
  );
}

function originOf(url: string): string {
  return `${new URL(url).origin}/`;
}

function rootOf(url: string | undefined): string | null {
  return url ? originOf(url) : null;
}
