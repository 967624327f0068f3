/** Bodies and answers of the OAuth connect routes. */
import { z } from 'zod';

export const StartedConnect = z
  .object({
    provider: z.enum(['google', 'microsoft', 'github']),
    authorizationUrl: z.url().describe('open this in the browser of the admin who consents or installs'),
    expiresAt: z.iso.datetime().describe('the flow must come back before this (ten minutes)'),
  })
  .meta({ id: 'StartedConnect' });

export const ConnectedConnection = z
  .object({
    connection: z.object({
      id: z.uuid(),
      name: z.string(),
      provider: z.string(),
      /** False when the flow renewed the credentials of an existing connection of that account. */
      created: z.boolean(),
    }),
    tenant: z.object({ id: z.uuid(), slug: z.string() }),
  })
  .meta({ id: 'ConnectedConnection' });

/** Every callback carries the state; vendors add parameters of their own, which are ignored. */
const state = z.string().min(1).max(4096).describe('the state the start route put in the URL');
const vendorError = {
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
};

export const GoogleCallbackQuery = z.object({
  state,
  code: z.string().min(1).max(2048).optional(),
  scope: z.string().max(4096).optional(),
  ...vendorError,
});

export const MicrosoftCallbackQuery = z.object({
  state,
  tenant: z.string().min(1).max(253).optional(),
  admin_consent: z.string().max(10).optional(),
  ...vendorError,
});

export const GitHubCallbackQuery = z.object({
  state,
  installation_id: z
    .string()
    .regex(/^\d{1,19}$/, 'a numeric installation id')
    .optional(),
  setup_action: z.string().max(40).optional(),
});
