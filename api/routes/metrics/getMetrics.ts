import { z } from 'zod';
import { commonErrorResponses } from '../../errors.ts';
import { metricsRegistryFor } from '../../metrics.ts';
import { defineRoute } from '../../route.ts';

export default defineRoute({
  id: 'getMetrics',
  method: 'GET',
  url: '/metrics',
  summary: 'Prometheus metrics',
  description:
    'Prometheus text format: scans by status, scan durations, vendor HTTP calls by provider and status, ' +
    'open findings by severity and provider, queue depth (with Redis). They span every tenant, so the ' +
    'scrape needs an installation token with findings:read (Prometheus: `authorization: {credentials: psc_…}`).',
  tags: ['health'],
  access: { scope: 'findings:read', installation: true },
  schema: {
    response: {
      200: z.string().describe('Prometheus text exposition format 0.0.4'),
      ...commonErrorResponses,
    },
  },
  async handler(_req, reply, { deps }) {
    const registry = metricsRegistryFor(deps);
    const text = await registry.metrics();
    return reply.header('content-type', registry.contentType).send(text);
  },
});
