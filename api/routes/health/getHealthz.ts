import { z } from 'zod';
import { defineRoute } from '../../route.ts';

export default defineRoute({
  id: 'getHealthz',
  method: 'GET',
  url: '/healthz',
  summary: 'Liveness',
  description: 'The process answers. Needs no token.',
  tags: ['health'],
  access: 'public',
  schema: { response: { 200: z.object({ status: z.literal('ok') }) } },
  async handler() {
    return { status: 'ok' as const };
  },
});
