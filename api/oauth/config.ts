/**
 * Installation configuration of the connect flows: the provider apps' credentials (never from
 * the browser) and the URL the browser reaches the API at. Read from the JSON file named by
 * PERISCOPE_CONNECT_CONFIG; the state-signing secret from PERISCOPE_API_SECRET (else a random
 * one per process: pending flows live in the database, but a state only verifies on the process
 * that signed it, so set the secret when several API processes serve callbacks). A provider left out of
 * the file cannot be connected (the start route says so).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/ });

export const GoogleAppSettings = z.strictObject({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** @defaultValue https://accounts.google.com/o/oauth2/v2/auth */
  authUrl: httpUrl.default('https://accounts.google.com/o/oauth2/v2/auth'),
  /** @defaultValue https://oauth2.googleapis.com/token */
  tokenUrl: httpUrl.default('https://oauth2.googleapis.com/token'),
  /** API roots for the connection (a simulator); unset = Google's. */
  apiBaseUrl: httpUrl.optional(),
});

export const MicrosoftAppSettings = z.strictObject({
  /** The multi-tenant Entra app registration. */
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** @defaultValue https://login.microsoftonline.com */
  loginUrl: httpUrl.default('https://login.microsoftonline.com'),
  /** Graph root for the connection (a simulator); unset = Graph's. */
  graphBaseUrl: httpUrl.optional(),
  sharepointAdminUrl: httpUrl.optional(),
  /** PEM CA of a simulator's self-signed certificate. */
  caCertificate: z.string().includes('BEGIN CERTIFICATE').optional(),
});

export const GitHubAppSettings = z.strictObject({
  appId: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(String),
  /** PEM private key of the App (or privateKeyFile). */
  privateKey: z.string().includes('PRIVATE KEY').optional(),
  privateKeyFile: z.string().min(1).optional(),
  /** The App's URL name: github.com/apps/<slug>. */
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** @defaultValue https://github.com */
  webUrl: httpUrl.default('https://github.com'),
  /** @defaultValue https://api.github.com */
  apiBaseUrl: httpUrl.default('https://api.github.com'),
});

export const ConnectSettings = z.strictObject({
  /** Where browsers reach this API; callbacks are <publicUrl>/v1/connect/<provider>/callback. */
  publicUrl: httpUrl,
  google: GoogleAppSettings.optional(),
  microsoft: MicrosoftAppSettings.optional(),
  github: GitHubAppSettings.optional(),
});
export type ConnectSettings = z.infer<typeof ConnectSettings>;
export type ConnectSettingsInput = z.input<typeof ConnectSettings>;

/** The settings, with a GitHub privateKeyFile read into privateKey. */
export function parseConnectSettings(input: unknown): ConnectSettings {
  const parsed = ConnectSettings.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`connect configuration: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const settings = parsed.data;
  if (settings.github && !settings.github.privateKey) {
    if (!settings.github.privateKeyFile)
      throw new Error('connect configuration: github: give privateKey or privateKeyFile');
    settings.github.privateKey = readFileSync(settings.github.privateKeyFile, 'utf8');
  }
  return settings;
}

/** Settings from PERISCOPE_CONNECT_CONFIG, or undefined when it is not set. */
export function loadConnectSettings(env: NodeJS.ProcessEnv = process.env): ConnectSettings | undefined {
  const path = env.PERISCOPE_CONNECT_CONFIG;
  if (!path) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`PERISCOPE_CONNECT_CONFIG: cannot read ${path} as JSON: ${(error as Error).message}`);
  }
  return parseConnectSettings(json);
}

/** HMAC key of the states: PERISCOPE_API_SECRET (at least 32 characters) or a random one. */
export function stateSecret(env: NodeJS.ProcessEnv = process.env): Buffer {
  const given = env.PERISCOPE_API_SECRET;
  if (given === undefined || given === '') return randomBytes(32);
  if (given.length < 32) throw new Error('PERISCOPE_API_SECRET must be at least 32 characters');
  return Buffer.from(given, 'utf8');
}
