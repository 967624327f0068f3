/**
 * Decides how a file is read: by declared MIME type and extension first, then by its first
 * bytes. Anything we cannot turn into text (images, archives, executables, media) is
 * 'unsupported' so it is never reported as clean.
 */
export type ContentKind = 'text' | 'docx' | 'xlsx' | 'pptx' | 'zip' | 'pdf' | 'unsupported';

const OOXML: Record<string, ContentKind> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

const TEXT_EXT = new Set(
  (
    'txt text md markdown csv tsv json jsonl ndjson xml yaml yml toml ini cfg conf env properties log sql html htm ' +
    'js mjs cjs ts tsx jsx py rb go rs java kt kts scala c h cc cpp hpp cs php pl sh bash zsh ps1 swift m r ' +
    'lua dart ex exs erl hs clj tf hcl gradle dockerfile makefile pem key crt rtf vcf eml ics srt ipynb'
  ).split(' '),
);
const TEXT_MIME =
  /^(?:text\/|application\/(?:json|xml|javascript|x-yaml|yaml|csv|x-sh|sql|x-ndjson|toml|x-pem-file|rtf)\b|application\/vnd\.google-apps\.)|\+json$|\+xml$/;
const BINARY_MIME =
  /^(?:image|video|audio|font)\/|^application\/(?:zip|gzip|x-tar|x-7z|x-rar|x-msdownload|x-executable|java-archive|wasm|vnd\.ms-)/;

export function declaredKind(mimeType: string | null, fileName: string | null): ContentKind | null {
  const mime = mimeType?.toLowerCase().split(';')[0]?.trim() ?? '';
  if (OOXML[mime]) return OOXML[mime];
  if (mime === 'application/pdf') return 'pdf';
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? fileName?.toLowerCase() ?? '';
  if (ext === 'docx' || ext === 'xlsx' || ext === 'pptx' || ext === 'pdf') return ext;
  if (TEXT_MIME.test(mime) || TEXT_EXT.has(ext)) return 'text';
  if (BINARY_MIME.test(mime)) return 'unsupported';
  return null;
}

/** Kind from the first bytes (a few KB). Used when nothing was declared, and to overrule lies. */
export function sniffKind(head: Uint8Array): ContentKind {
  const b = head;
  const starts = (...sig: number[]) => sig.every((x, i) => b[i] === x);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'; // %PDF-
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (
    starts(0x89, 0x50, 0x4e, 0x47) || // PNG
    starts(0xff, 0xd8, 0xff) || // JPEG
    starts(0x47, 0x49, 0x46, 0x38) || // GIF
    starts(0x1f, 0x8b) || // gzip
    starts(0x7f, 0x45, 0x4c, 0x46) || // ELF
    starts(0x4d, 0x5a) || // PE
    starts(0xd0, 0xcf, 0x11, 0xe0) // legacy Office (OLE)
  ) {
    return 'unsupported';
  }
  // A NUL byte in the head means binary (UTF-16 text is not supported yet).
  return b.subarray(0, 8192).includes(0) ? 'unsupported' : 'text';
}

/** Combines both: a zip or PDF signature wins over a text declaration; a binary head never reads as text. */
export function resolveKind(declared: ContentKind | null, head: Uint8Array): ContentKind {
  const sniffed = sniffKind(head);
  if (sniffed === 'pdf') return 'pdf';
  if (sniffed === 'zip')
    return declared === 'docx' || declared === 'xlsx' || declared === 'pptx' ? declared : 'zip';
  if (sniffed === 'unsupported') return 'unsupported';
  if (declared === 'docx' || declared === 'xlsx' || declared === 'pptx' || declared === 'pdf')
    return 'unsupported';
  return declared === 'unsupported' ? 'unsupported' : 'text';
}
