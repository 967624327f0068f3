/**
 * docx, xlsx and pptx: unzip (fflate) only the parts that hold text and flatten their XML.
 * The zip's declared sizes are checked before inflating so a zip bomb is refused, not expanded.
 */
import { strFromU8, type Unzipped, unzipSync } from 'fflate';
import { decodeEntities, ooxmlText } from './xml-text.ts';

export type OoxmlKind = 'docx' | 'xlsx' | 'pptx';

const PARTS: Record<OoxmlKind, RegExp> = {
  docx: /^word\/(?:document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/,
  xlsx: /^xl\/(?:sharedStrings\.xml|worksheets\/sheet\d+\.xml)$/,
  pptx: /^ppt\/(?:slides\/slide\d+|notesSlides\/notesSlide\d+)\.xml$/,
};

export class ZipTooLargeError extends Error {}

/** Kind of a zip by its parts, for zips that came without a useful name or MIME type. */
export function ooxmlKindOf(zip: Uint8Array): OoxmlKind | null {
  let kind: OoxmlKind | null = null;
  unzipSync(zip, {
    filter: (f) => {
      if (f.name === 'word/document.xml') kind = 'docx';
      else if (f.name === 'xl/workbook.xml') kind = 'xlsx';
      else if (f.name === 'ppt/presentation.xml') kind = 'pptx';
      return false;
    },
  });
  return kind;
}

export function extractOoxml(kind: OoxmlKind, zip: Uint8Array, maxUncompressed: number): string {
  let total = 0;
  const files: Unzipped = unzipSync(zip, {
    filter: (f) => {
      if (!PARTS[kind].test(f.name)) return false;
      total += f.originalSize;
      if (total > maxUncompressed)
        throw new ZipTooLargeError(`uncompressed text parts exceed ${maxUncompressed} bytes`);
      return true;
    },
  });
  // Natural order (slide2 before slide10) so text reads in document order.
  const names = Object.keys(files).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const xml = (name: string) => strFromU8(files[name]!);
  if (kind !== 'xlsx') return names.map((n) => ooxmlText(xml(n))).join('\n');
  const shared = files['xl/sharedStrings.xml'] ? sharedStrings(xml('xl/sharedStrings.xml')) : [];
  return names
    .filter((n) => n.startsWith('xl/worksheets/'))
    .map((n) => sheetText(xml(n), shared))
    .join('\n');
}

/** Each <si> is one string; rich-text runs inside it are concatenated. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>/g)) out.push(textOfRuns(m[1]!));
  return out;
}

function textOfRuns(xml: string): string {
  let s = '';
  for (const t of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) s += t[1];
  return decodeEntities(s);
}

/**
 * Rows become lines and cells tab-separated, resolving shared-string indices in place so a
 * header cell ("SSN") stays next to the values it labels. Inline strings and raw numbers are kept.
 */
function sheetText(xml: string, shared: string[]): string {
  let out = '';
  const cells = /<\/row>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (const m of xml.matchAll(cells)) {
    if (m[0] === '</row>') {
      out += '\n';
      continue;
    }
    const attrs = m[1] ?? '';
    const body = m[2] ?? '';
    const type = /\bt="(\w+)"/.exec(attrs)?.[1];
    if (type === 'inlineStr') out += `${textOfRuns(body)}\t`;
    else {
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      if (v === undefined) continue;
      out += `${type === 's' ? (shared[Number(v)] ?? '') : decodeEntities(v)}\t`;
    }
  }
  return out;
}
