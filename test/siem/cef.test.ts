import { describe, expect, it } from 'vitest';
import { cefSeverity, escapeCefExtension, escapeCefHeader, toCef } from '../../siem/render/cef.ts';
import { exportEvent, exportEvents, testProduct } from '../support/export-events.ts';

/**
 * A receiver-side CEF parser, written from the spec rather than from our encoder: header fields
 * are split on unescaped pipes; in the extension a key is the word before an unescaped `=`.
 */
function parseCef(record: string): { header: string[]; extension: Record<string, string> } {
  const header: string[] = [];
  let field = '';
  let i = 0;
  for (; i < record.length && header.length < 7; i++) {
    const c = record[i]!;
    if (c === '\\') {
      field += record[++i];
    } else if (c === '|') {
      header.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  return { header, extension: parseExtension(record.slice(i)) };
}

function parseExtension(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let key: string | null = null;
  let raw = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      raw += c + text[++i];
    } else if (c === '=') {
      const space = raw.lastIndexOf(' ');
      if (key !== null) out[key] = unescapeValue(raw.slice(0, space));
      key = raw.slice(space + 1);
      raw = '';
    } else {
      raw += c;
    }
  }
  if (key !== null) out[key] = unescapeValue(raw);
  return out;
}

function unescapeValue(raw: string): string {
  return raw.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

describe('CEF escaping', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['back\\slash', 'back\\\\slash'],
    ['\\|', '\\\\\\|'],
    ['two\nlines\r\nhere\rend', 'two lines here end'],
    ['key=value stays', 'key=value stays'],
  ])('header %j → %j', (input, expected) => {
    expect(escapeCefHeader(input)).toBe(expected);
  });

  it.each([
    ['a=b', 'a\\=b'],
    ['back\\slash', 'back\\\\slash'],
    ['\\=', '\\\\\\='],
    ['line\nbreak', 'line\\nbreak'],
    ['carriage\r\nreturn', 'carriage\\r\\nreturn'],
    ['pipes | stay', 'pipes | stay'],
  ])('extension %j → %j', (input, expected) => {
    expect(escapeCefExtension(input)).toBe(expected);
  });
});

describe('toCef', () => {
  it('writes the header: version, product, rule id as signature, title as name, severity', () => {
    const { header } = parseCef(toCef(exportEvent(), testProduct));
    expect(header).toEqual([
      'CEF:0',
      'Periscope',
      'Periscope',
      '0.1.0',
      'github/org-two-factor-not-required',
      'Organization requires two-factor authentication',
      '8',
    ]);
  });

  it.each([
    ['critical', 10],
    ['high', 8],
    ['medium', 5],
    ['low', 3],
    ['info', 1],
  ] as const)('maps severity %s to %i', (severity, expected) => {
    expect(cefSeverity[severity]).toBe(expected);
    expect(parseCef(toCef(exportEvent({ severity }), testProduct)).header[6]).toBe(String(expected));
  });

  it('survives pipes, backslashes and newlines in header fields', () => {
    const product = { name: 'Peri|scope', vendor: 'Acme\\Sec', version: '1.0\n-rc' };
    const event = exportEvent({ rule: { title: 'A | B = C \\ D\nE' } });
    const record = toCef(event, product);
    const { header, extension } = parseCef(record);
    expect(header.slice(1, 4)).toEqual(['Acme\\Sec', 'Peri|scope', '1.0 -rc']);
    expect(header[5]).toBe('A | B = C \\ D E');
    expect(extension.externalId).toBe(event.finding.fingerprint);
  });

  it('round-trips every extension value of a varied event sequence, odd characters included', () => {
    for (const event of exportEvents(14)) {
      const record = toCef(event, testProduct);
      expect(record).not.toMatch(/[\r\n]/);
      const { extension } = parseCef(record);
      expect(extension).toEqual({
        rt: String(event.at.getTime()),
        externalId: event.finding.fingerprint,
        act: event.type,
        cat: 'setting',
        outcome: 'failure',
        msg: expect.stringContaining(event.finding.assetName),
        request: event.finding.assetUrl,
        cs1Label: 'tenant',
        cs1: 'acme',
        cs2Label: 'control',
        cs2: event.finding.ruleId,
        cs3Label: 'event_id',
        cs3: event.uid,
        cs4Label: 'provider',
        cs4: 'github',
        cs5Label: 'asset',
        cs5: event.finding.assetName,
        cs6Label: 'status',
        cs6: event.toStatus,
      });
      expect(extension.cs5).toContain('\n');
    }
  });

  it('keeps an extension value that ends in a backslash or equals sign intact', () => {
    const event = exportEvent({
      finding: { assetName: 'trailing\\', assetUrl: null },
      tenant: { id: 't', slug: 'x=', name: 'X' },
    });
    const { extension } = parseCef(toCef(event, testProduct));
    expect(extension.cs5).toBe('trailing\\');
    expect(extension.cs1).toBe('x=');
    expect(extension).not.toHaveProperty('request');
  });

  it('reports success when the finding resolves', () => {
    const event = exportEvent({ type: 'resolved', toStatus: 'resolved', finding: { status: 'resolved' } });
    const { extension } = parseCef(toCef(event, testProduct));
    expect(extension.outcome).toBe('success');
    expect(extension.act).toBe('resolved');
    expect(extension.msg).toMatch(/^Passed: /);
  });

  it('falls back to the finding title when the rule left the catalog', () => {
    const { header } = parseCef(
      toCef(exportEvent({ rule: null, finding: { title: 'Old title' } }), testProduct),
    );
    expect(header[5]).toBe('Old title');
  });
});
