/** The fetch-compatible transport vendor SDKs get: status, headers, bodies, redirects, 304s. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpCallCounter } from '../../scanner/http-counter.ts';
import { transportFetch } from '../../scanner/http-transport.ts';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/moved') return res.writeHead(301, { location: '/echo' }).end();
      if (req.url === '/same') return res.writeHead(304, { etag: '"a"' }).end();
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.writeHead(200, { 'content-type': 'application/json', link: '<x>; rel="next"' });
      res.end(
        JSON.stringify({ method: req.method, url: req.url, auth: req.headers.authorization ?? null, body }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('transportFetch', () => {
  it('sends method, headers and body and returns status, headers and JSON', async () => {
    const response = await transportFetch(`${base}/echo`, {
      method: 'POST',
      headers: { Authorization: 'token t', 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${base}/echo`);
    expect(response.headers.get('link')).toBe('<x>; rel="next"');
    expect(response.headers.get('set-cookie')).toContain('a=1');
    expect(await response.json()).toEqual({ method: 'POST', url: '/echo', auth: 'token t', body: '{"a":1}' });
  });

  it('follows redirects unless told not to, and gives a 304 no body', async () => {
    expect(await (await transportFetch(`${base}/moved`)).json()).toMatchObject({ url: '/echo' });
    expect((await transportFetch(`${base}/moved`, { redirect: 'manual' })).status).toBe(301);
    const notModified = await transportFetch(`${base}/same`, {
      headers: new Headers({ 'if-none-match': '"a"' }),
    });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
  });

  it('is what the call counter wraps by default, counting each call by status', async () => {
    const counter = new HttpCallCounter();
    const counted = counter.wrapFetch();
    await counted(`${base}/echo`);
    await counted(`${base}/same`);
    await expect(counted('http://127.0.0.1:1/refused')).rejects.toThrow();
    expect(counter.summary()).toEqual({
      total: 3,
      notModified: 1,
      primaryCost: 2,
      byStatus: { '200': 1, '304': 1, error: 1 },
    });
  });
});
