import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createDlpScanner, inspectContent } from '../../scanner/dlp/index.ts';

const SSN = '123-45-6788';
const CARD = '5555 5555 5555 4444';
const scanner = createDlpScanner({});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
function docx(text: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(
      `<w:document ${W}><w:body><w:p><w:r><w:t>Employee SSN:</w:t></w:r><w:r><w:t xml:space="preserve"> ${text}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
}
function xlsx(): Uint8Array {
  return zipSync({
    'xl/workbook.xml': strToU8('<workbook/>'),
    'xl/sharedStrings.xml': strToU8(
      '<sst><si><t>Card number</t></si><si><r><t>5555 5555 </t></r><r><t>5555 4444</t></r></si></sst>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>SSN ${SSN}</t></is></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>42</v></c></row></sheetData></worksheet>`,
    ),
  });
}
function pptx(): Uint8Array {
  return zipSync({
    'ppt/presentation.xml': strToU8('<p:presentation/>'),
    'ppt/slides/slide1.xml': strToU8(`<p:sld><a:p><a:r><a:t>Payment card ${CARD}</a:t></a:r></a:p></p:sld>`),
  });
}
/** A minimal one-page PDF with a Helvetica text content stream and a correct xref table. */
function pdf(text: string): Uint8Array {
  const stream = `BT /F1 12 Tf 72 712 Td (${text}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(out);
}

async function* stream(data: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

const ids = (r: { detectors: Array<{ id: string }> }) => r.detectors.map((d) => d.id);

describe('content extraction', () => {
  it('docx text', async () => {
    const r = await inspectContent(scanner, { body: docx(SSN), mimeType: null, fileName: 'hr.docx' });
    expect(r.status).toBe('matched');
    expect(ids(r)).toContain('us-ssn');
  });

  it('xlsx shared strings (rich runs) and inline strings, streamed in pieces', async () => {
    const r = await inspectContent(scanner, {
      body: stream(xlsx(), 50),
      mimeType: null,
      fileName: 'book.xlsx',
    });
    expect(ids(r)).toEqual(expect.arrayContaining(['us-ssn', 'payment-card']));
  });

  it('pptx slide text, recognised from the zip contents without a name', async () => {
    const r = await inspectContent(scanner, { body: pptx(), mimeType: null, fileName: null });
    expect(ids(r)).toContain('payment-card');
    expect(JSON.stringify(r)).not.toContain(CARD);
  });

  it('PDF text via unpdf', async () => {
    const r = await inspectContent(scanner, {
      body: pdf(`Employee SSN ${SSN}`),
      mimeType: 'application/pdf',
      fileName: 'x.pdf',
    });
    expect(ids(r)).toContain('us-ssn');
  });

  it('plain text, CSV and Google-Docs exports stream through', async () => {
    const csv = new TextEncoder().encode(`name,ssn\nAna,${SSN}\n`);
    const r = await inspectContent(scanner, {
      body: stream(csv, 3),
      mimeType: 'text/csv',
      fileName: 'a.csv',
    });
    expect(ids(r)).toContain('us-ssn');
    const g = await inspectContent(scanner, {
      body: new TextEncoder().encode(`Notes\nSSN ${SSN}`),
      mimeType: 'application/vnd.google-apps.document',
      fileName: 'Notes',
    });
    expect(g.status).toBe('matched');
  });

  it('images and binaries are unsupported, never clean', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect((await inspectContent(scanner, { body: png, mimeType: null, fileName: 'a.bin' })).status).toBe(
      'unsupported',
    );
    expect(
      (await inspectContent(scanner, { body: png, mimeType: 'image/png', fileName: 'a.png' })).status,
    ).toBe('unsupported');
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 1, 2, 3]);
    expect((await inspectContent(scanner, { body: elf, mimeType: null, fileName: 'app' })).status).toBe(
      'unsupported',
    );
    const nul = new TextEncoder().encode(`abc\0def ${SSN}`);
    expect((await inspectContent(scanner, { body: nul, mimeType: null, fileName: 'data' })).status).toBe(
      'unsupported',
    );
    const zip = zipSync({ 'a.txt': strToU8(SSN) });
    expect((await inspectContent(scanner, { body: zip, mimeType: null, fileName: 'a.zip' })).status).toBe(
      'unsupported',
    );
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]);
    expect((await inspectContent(scanner, { body: broken, mimeType: null, fileName: 'x.docx' })).status).toBe(
      'unsupported',
    );
  });

  it('a clean text file is clean', async () => {
    const r = await inspectContent(scanner, {
      body: strToU8('hello world'),
      mimeType: 'text/plain',
      fileName: 'a.txt',
    });
    expect(r).toMatchObject({ status: 'clean', profiles: [], truncated: false, bytesScanned: 11 });
  });
});
