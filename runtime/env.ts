/**
 * Environment, parsed once at boot. A bad value fails loudly here instead of deep in a scan.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  PERISCOPE_DATA_DIR: z.string().default('.periscope'),
  /** 32 bytes as base64 or 64 hex chars. Required when DATABASE_URL is set. */
  PERISCOPE_ENCRYPTION_KEY: z.string().optional(),
  PERISCOPE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Prefix for BullMQ keys, so several installations can share one Redis. */
  PERISCOPE_QUEUE_PREFIX: z.string().default('periscope'),
  /** Attempts per scan job when streams fail with retryable errors (429, 5xx, network). */
  PERISCOPE_SCAN_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** First backoff between scan attempts; doubles each attempt. */
  PERISCOPE_RETRY_BACKOFF_MS: z.coerce.number().int().min(0).default(5_000),
  /** How often due export sinks are drained by the worker (ms). */
  PERISCOPE_EXPORT_INTERVAL_MS: z.coerce.number().int().min(100).default(10_000),
  /** The directory file export sinks may write in; default `<PERISCOPE_DATA_DIR>/exports`. */
  PERISCOPE_EXPORT_DIR: z.string().optional(),
  /** '1' lets export sinks reach private, loopback and link-local addresses (a SIEM on the LAN; tests). */
  PERISCOPE_ALLOW_PRIVATE_SINKS: z.enum(['0', '1']).default('0'),
});

export type Env = z.infer<typeof Env> & { dataDir: string };

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = Env.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  return { ...result.data, dataDir: resolve(result.data.PERISCOPE_DATA_DIR) };
}
