/**
 * inspectContent: file bytes in, DlpResult out. Text is decoded and scanned as it streams, up to
 * the byte cap. Containers (docx/xlsx/pptx/PDF) need the whole file, so they are buffered up to
 * CONTAINER_FACTOR × the cap (compressed bytes hold several times their size in text) and their
 * extracted text is then scanned under the normal cap.
 */
import { DEFAULT_MAX_BYTES, type DlpResult, type DlpScanner } from '../scanner.ts';
import { extractOoxml, type OoxmlKind, ooxmlKindOf, ZipTooLargeError } from './ooxml.ts';
import { extractPdf } from './pdf.ts';
import { declaredKind, resolveKind } from './sniff.ts';

const HEAD_BYTES = 8192;
const CONTAINER_FACTOR = 4;

export interface ContentInput {
  body: AsyncIterable<Uint8Array> | Uint8Array;
  mimeType: string | null;
  fileName: string | null;
}

export async function inspectContent(
  scanner: DlpScanner,
  content: ContentInput,
  options: { maxBytes?: number } = {},
): Promise<DlpResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const declared = declaredKind(content.mimeType, content.fileName);
  // Declared media/binaries are not even downloaded further.
  if (declared === 'unsupported') return unsupported(0, false);

  const source = toIterator(content.body);
  const headParts: Uint8Array[] = [];
  let headSize = 0;
  let done = false;
  while (headSize < HEAD_BYTES) {
    const r = await source.next();
    if (r.done) {
      done = true;
      break;
    }
    headParts.push(r.value);
    headSize += r.value.byteLength;
  }
  const head = concat(headParts, headSize);
  const kind = resolveKind(declared, head);
  if (kind === 'unsupported') {
    await source.return?.();
    return unsupported(0, false);
  }
  if (kind === 'text') return scanTextStream(scanner, head, done ? null : source, maxBytes);

  const containerCap = maxBytes * CONTAINER_FACTOR;
  const all = done ? { data: head, over: false } : await readAll(head, source, containerCap);
  if (all.over) return unsupported(containerCap, true);
  let text: string;
  try {
    if (kind === 'pdf') text = await extractPdf(all.data);
    else {
      const ooxml: OoxmlKind | null = kind === 'zip' ? ooxmlKindOf(all.data) : kind;
      if (!ooxml) return unsupported(all.data.byteLength, false); // a plain zip archive
      text = extractOoxml(ooxml, all.data, containerCap);
    }
  } catch (err) {
    // Corrupt or bomb-sized containers cannot be inspected; say so rather than call them clean.
    return unsupported(all.data.byteLength, err instanceof ZipTooLargeError);
  }
  return scanner.scanChunks(once(text), { maxBytes });
}

async function scanTextStream(
  scanner: DlpScanner,
  head: Uint8Array,
  rest: AsyncIterator<Uint8Array> | null,
  maxBytes: number,
): Promise<DlpResult> {
  let bytes = 0;
  let truncated = false;
  async function* decoded(): AsyncIterable<string> {
    const decoder = new TextDecoder('utf-8');
    let part: Uint8Array | null = head;
    while (part !== null) {
      if (bytes + part.byteLength > maxBytes) {
        part = part.subarray(0, maxBytes - bytes);
        truncated = true;
      }
      bytes += part.byteLength;
      yield decoder.decode(part, { stream: true });
      if (truncated || rest === null) break;
      const r = await rest.next();
      part = r.done ? null : r.value;
    }
    if (truncated) await rest?.return?.();
    yield decoder.decode();
  }
  // The cap is applied to raw bytes above, so the scanner's own cap must not cut again.
  const result = await scanner.scanChunks(decoded(), { maxBytes: Number.POSITIVE_INFINITY });
  return { ...result, bytesScanned: bytes, truncated };
}

async function readAll(head: Uint8Array, rest: AsyncIterator<Uint8Array>, cap: number) {
  const parts = [head];
  let size = head.byteLength;
  for (let r = await rest.next(); !r.done; r = await rest.next()) {
    size += r.value.byteLength;
    if (size > cap) {
      await rest.return?.();
      return { data: head, over: true };
    }
    parts.push(r.value);
  }
  return { data: concat(parts, size), over: false };
}

function toIterator(body: AsyncIterable<Uint8Array> | Uint8Array): AsyncIterator<Uint8Array> {
  if (body instanceof Uint8Array) return once(body)[Symbol.asyncIterator]();
  return body[Symbol.asyncIterator]();
}

async function* once<T>(value: T): AsyncIterable<T> {
  yield value;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function unsupported(bytesScanned: number, truncated: boolean): DlpResult {
  return { status: 'unsupported', profiles: [], detectors: [], bytesScanned, truncated };
}
