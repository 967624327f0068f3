import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import { createRandom, createRequestCounter, createRouter, startSandboxHost } from '../../sandbox/index.ts';

describe('seeded random', () => {
  it('repeats the same sequence for a seed, and forks independently by label', () => {
    const a = createRandom(99);
    const b = createRandom(99);
    const drawsA = Array.from({ length: 20 }, () => a.int(0, 1_000_000));
    expect(Array.from({ length: 20 }, () => b.int(0, 1_000_000))).toEqual(drawsA);
    expect(createRandom(100).int(0, 1_000_000)).not.toBe(drawsA[0]);
    expect(createRandom(1).fork('x').token(12)).toBe(createRandom(1).fork('x').token(12));
    expect(createRandom(1).fork('x').token(12)).not.toBe(createRandom(1).fork('y').token(12));
  });

  it('samples distinct sorted indices within bounds', () => {
    const picked = createRandom(5).sampleIndices(10, 4);
    expect(new Set(picked).size).toBe(4);
    expect([...picked].sort((x, y) => x - y)).toEqual(picked);
    expect(picked.every((i) => i >= 0 && i < 10)).toBe(true);
    expect(createRandom(5).sampleIndices(3, 10)).toEqual([0, 1, 2]);
  });
});

describe('router', () => {
  it('matches method and template and decodes params', () => {
    const router = createRouter<string>();
    router.add('GET', '/repos/{owner}/{repo}/keys', 'keys');
    router.add('POST', '/app/installations/{id}/access_tokens', 'token');
    expect(router.match('GET', '/repos/acme/my%2Drepo/keys')).toMatchObject({
      template: '/repos/{owner}/{repo}/keys',
      params: { owner: 'acme', repo: 'my-repo' },
      handler: 'keys',
    });
    expect(router.match('GET', '/app/installations/5/access_tokens')).toBeUndefined();
    expect(router.hasPath('/app/installations/5/access_tokens')).toBe(true);
    expect(router.match('GET', '/repos/acme/keys')).toBeUndefined();
  });
});

describe('request counter', () => {
  it('counts per endpoint and status, with 304s apart', () => {
    const counter = createRequestCounter();
    counter.record('get', '/orgs/{org}', 200);
    counter.record('GET', '/orgs/{org}', 304);
    counter.record('POST', '/orgs/{org}', 201);
    expect(counter.count('GET', '/orgs/{org}')).toBe(2);
    expect(counter.count(undefined, '/orgs/{org}')).toBe(3);
    expect(counter.notModified()).toBe(1);
    expect(counter.byStatus()).toEqual({ '200': 1, '304': 1, '201': 1 });
    counter.reset();
    expect(counter.total()).toBe(0);
  });
});

describe('sandbox host', () => {
  it('serves HTTPS with a self-signed certificate that verifies as its own CA', async () => {
    const host = await startSandboxHost({ https: true });
    try {
      host.mount('/v1', (_req, res, ctx) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ path: ctx.path }));
      });
      expect(host.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const cert = new X509Certificate(host.caPem as string);
      expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(`${host.baseUrl}/v1/models`, { ca: host.caPem }, (res) => {
          let text = '';
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => resolve(text));
        });
        req.on('error', reject);
        req.end();
      });
      expect(JSON.parse(body)).toEqual({ path: '/models' });
      // Without trusting the CA, verification fails.
      await expect(
        new Promise((resolve, reject) => request(`${host.baseUrl}/v1/x`, resolve).on('error', reject).end()),
      ).rejects.toThrow(/self-signed|self signed/);
    } finally {
      await host.close();
      await host.close();
    }
  });

  it('routes by longest prefix and 404s unmounted paths', async () => {
    const host = await startSandboxHost();
    try {
      host.mount('/api', (_req, res) => {
        res.end('api');
      });
      host.mount('/api/v3', (_req, res) => {
        res.end('v3');
      });
      expect(await (await fetch(`${host.baseUrl}/api/v3/x`)).text()).toBe('v3');
      expect(await (await fetch(`${host.baseUrl}/api/x`)).text()).toBe('api');
      expect((await fetch(`${host.baseUrl}/other`)).status).toBe(404);
    } finally {
      await host.close();
    }
  });
});
