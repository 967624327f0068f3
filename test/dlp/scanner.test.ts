import { describe, expect, it } from 'vitest';
import { createDlpScanner, findMatches, inspectContent } from '../../scanner/dlp/index.ts';

const CARD = '4111111111111111';
const SSN = '123-45-6788';
const GH = 'ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xYa1b2';

async function* chunksOf(...parts: string[]): AsyncIterable<string> {
  for (const p of parts) yield p;
}

describe('DLP scanner', () => {
  it('reports profiles, counts and masked hints, never the value', () => {
    const text = `Employee SSN ${SSN}, card ${CARD}, token ${GH}, AWS AKIAZ2XQ7ZJ4K3M5N6PQ`;
    const result = createDlpScanner({}).scanText(text);
    expect(result.status).toBe('matched');
    expect(result.profiles).toEqual(expect.arrayContaining(['pii', 'financial', 'credentials']));
    const json = JSON.stringify(result);
    for (const v of [SSN, CARD, GH, 'AKIAZ2XQ7ZJ4K3M5N6PQ', '123-45']) {
      expect(json).not.toContain(v);
    }
    expect(result.detectors.find((d) => d.id === 'us-ssn')?.hint).toBe('***-**-6788');
    expect(result.detectors.find((d) => d.id === 'github-token')?.hint).toBe('ghp_…a1b2');
  });

  it('finds a card number split across two chunks exactly once', async () => {
    const before = `${'lorem ipsum '.repeat(30_000)}payment card `;
    const text = `${before}${CARD} thanks`;
    const cut = before.length + 7;
    const r = await createDlpScanner({}).scanChunks(chunksOf(text.slice(0, cut), text.slice(cut)));
    expect(r.detectors.find((d) => d.id === 'payment-card')?.count).toBe(1);
    // Many small chunks: still once.
    const small: string[] = [];
    for (let i = 0; i < text.length; i += 997) small.push(text.slice(i, i + 997));
    const r2 = await createDlpScanner({}).scanChunks(chunksOf(...small));
    expect(r2.detectors.find((d) => d.id === 'payment-card')?.count).toBe(1);
  });

  it('counts every value once when chunks overlap many values', async () => {
    const line = `card ${CARD} and ssn ${SSN}\n`;
    const text = line.repeat(20_000);
    const parts: string[] = [];
    for (let i = 0; i < text.length; i += 65_521) parts.push(text.slice(i, i + 65_521));
    const r = await createDlpScanner({}).scanChunks(chunksOf(...parts));
    expect(r.detectors.find((d) => d.id === 'payment-card')?.count).toBe(20_000);
    expect(r.detectors.find((d) => d.id === 'us-ssn')?.count).toBe(20_000);
  });

  it('stops at the byte cap and says so', async () => {
    const text = `${'x'.repeat(1000)} ssn ${SSN}`;
    const r = await createDlpScanner({}).scanChunks(chunksOf(text), { maxBytes: 500 });
    expect(r.truncated).toBe(true);
    expect(r.bytesScanned).toBe(500);
    expect(r.status).toBe('clean');
    const full = await inspectContent(
      createDlpScanner({}),
      { body: new TextEncoder().encode(text), mimeType: 'text/plain', fileName: 'a.txt' },
      { maxBytes: 500 },
    );
    expect(full).toMatchObject({ truncated: true, bytesScanned: 500, status: 'clean' });
  });

  it('runs only the chosen profiles', () => {
    const r = createDlpScanner({ profiles: ['credentials'] }).scanText(`ssn ${SSN} ${GH}`);
    expect(r.profiles).toEqual(['credentials']);
    expect(r.detectors.map((d) => d.id)).toEqual(['github-token']);
  });

  it('per-match API gives offsets of the value', () => {
    const text = `password = "Zx9!qT4#mW2@vL7p" and ${GH}`;
    const m = findMatches(createDlpScanner({}), text);
    expect(m.map((x) => [x.detectorId, text.slice(x.start, x.end)])).toEqual([
      ['generic-secret', 'Zx9!qT4#mW2@vL7p'],
      ['github-token', GH],
    ]);
  });

  it('custom profile: pattern and keyword, threshold, masked hint', () => {
    const scanner = createDlpScanner({
      profiles: [],
      customProfiles: [
        {
          id: 'proj',
          name: 'Project codes',
          patterns: ['PRJ-[0-9]{6}'],
          keywords: ['confidential'],
          threshold: 2,
        },
      ],
    });
    expect(scanner.scanText('PRJ-123456 PRJ-654321').status).toBe('clean'); // keyword missing
    const r = scanner.scanText('CONFIDENTIAL: PRJ-123456 and PRJ-654321');
    expect(r.profiles).toEqual(['proj']);
    expect(JSON.stringify(r)).not.toContain('PRJ-123456');
    expect(r.detectors.find((d) => d.id === 'custom:proj')).toMatchObject({ count: 2 });
  });

  it('custom profile with a catastrophic-backtracking regex completes (re2js, linear time)', () => {
    const scanner = createDlpScanner({
      profiles: [],
      customProfiles: [{ id: 'evil', name: 'Evil', patterns: ['(a+)+$'], keywords: [], threshold: 1 }],
    });
    const r = scanner.scanText(`${'a'.repeat(100_000)}!`);
    expect(r.status).toBe('clean');
    expect(r.bytesScanned).toBe(100_001);
  });

  it('rejects a pattern RE2 cannot compile, naming profile and pattern', () => {
    expect(() =>
      createDlpScanner({
        customProfiles: [
          { id: 'backref', name: 'Backref', patterns: ['(a)\\1'], keywords: [], threshold: 1 },
        ],
      }),
    ).toThrow(/profile "backref".*\(a\)\\\\1/);
  });
});
