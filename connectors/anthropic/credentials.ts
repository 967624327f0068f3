/**
 * What an Anthropic connection stores: an Admin API key (only organization admins can create
 * one). Configuration picks the wire version and the usage window; none of it is secret.
 */
import { z } from 'zod';
import { anthropicManifest } from './manifest.ts';

export const AnthropicCredentials = z.object({
  adminKey: z
    .string({ message: 'adminKey is required (an Anthropic Admin API key, sk-ant-admin…)' })
    .trim()
    .refine((key) => key.startsWith(anthropicManifest.adminKeyPrefix), {
      // Never echo the value: it may be a working standard key pasted by mistake.
      message:
        'adminKey is not an Anthropic Admin API key: it must start with sk-ant-admin (standard sk-ant-api keys cannot read the organization)',
    }),
});
export type AnthropicCredentials = z.infer<typeof AnthropicCredentials>;

const count = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: `${name} must be a whole number` })
    .refine((v) => Number(v) >= min && Number(v) <= max, {
      message: `${name} must be between ${min} and ${max}`,
    });

export const AnthropicConfig = z.object({
  /** Wire version: 2026-10-21 (default; Bearer auth) or 2023-06-01 (x-api-key). */
  apiVersion: z.enum(anthropicManifest.apiVersions).optional(),
  /** Days of usage read to tell when keys were last used (default 90). Rules judge no further back. */
  usageLookbackDays: count('usageLookbackDays', 1, anthropicManifest.maxUsageLookbackDays).optional(),
  /** Requests in flight per connection (default 8). */
  concurrency: count('concurrency', 1, 64).optional(),
  /** SDK retries per request on 429/5xx/529 (default 4). */
  maxRetries: count('maxRetries', 0, 10).optional(),
  /** Objects per list page (default and maximum 1000); tests lower it to exercise paging. */
  pageSize: count('pageSize', 1, anthropicManifest.maxPageSize).optional(),
  /** Buckets per report page (default and maximum 31). */
  reportPageSize: count('reportPageSize', 1, anthropicManifest.maxReportBuckets).optional(),
});
export type AnthropicConfig = z.infer<typeof AnthropicConfig>;
