import { z } from 'zod';
import { ApiError, ErrorBody } from '../../errors.ts';
import { defineRoute } from '../../route.ts';

const checkTimeoutMs = 3_000;

export default defineRoute({
  id: 'getReadyz',
  method: 'GET',
  url: '/readyz',
  summary: 'Readiness',
  description:
    'The database (and Redis, when configured) answer. Otherwise 503 `not_ready` naming the failed ' +
    'checks in details.failed (the cause is logged, not returned). Needs no token.',
  tags: ['health'],
  access: 'public',
  schema: {
    response: {
      200: z.object({ status: z.literal('ready'), checks: z.array(z.string()) }),
      503: ErrorBody,
    },
  },
  async handler(req, _reply, { deps }) {
    const failed: string[] = [];
    for (const [name, check] of Object.entries(deps.checks)) {
      let timer: NodeJS.Timeout | undefined;
      try {
        // A client that queues commands while disconnected (ioredis) would otherwise never answer.
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${checkTimeoutMs} ms`)),
            checkTimeoutMs,
          );
        });
        await Promise.race([check(), timeout]);
      } catch (error) {
        req.log.warn({ check: name, err: error }, 'readiness check failed');
        failed.push(name);
      } finally {
        clearTimeout(timer);
      }
    }
    if (failed.length > 0) throw new ApiError('not_ready', `not answering: ${failed.join(', ')}`, { failed });
    return { status: 'ready' as const, checks: Object.keys(deps.checks) };
  },
});
