/**
 * Normal forms for the strings the classifier compares. Each one is deliberately narrow: the
 * classifier labels apps that policy may approve, so a loose match is a way to smuggle a
 * look-alike app past an approval list.
 */

const dashes = /[\u2010-\u2015\u2212]/g;
const marks = /[\u2122\u00ae\u00a9]/g; // ™ ® © — decoration on consent screens, never identity

/** Product names: case and spacing fold, punctuation stays ('Otter.ai' ≠ 'Otter ai'). */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(marks, '')
    .replace(dashes, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Legal-form tokens dropped from the end of a publisher ('Anthropic, PBC' → 'anthropic'). */
const legalForms = new Set([
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'pbc',
  'plc',
  'sa',
  'sas',
  'sarl',
  'bv',
  'nv',
  'ag',
  'pty',
  'oy',
  'ab',
  'se',
  'srl',
  'spa',
]);

/**
 * Publishers: case, punctuation and a trailing legal form fold; the words themselves must be
 * equal. 'Otter.ai, Inc.' → 'otterai'; 'OpenAI' ≠ 'OpenAI Helper Ltd'.
 */
export function normalizePublisher(publisher: string): string {
  const words = publisher
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\./g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  while (words.length > 1 && legalForms.has(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}

/**
 * A hostname from a bare domain or a URL (homepage, reply URL): lower case, no port, path,
 * trailing dot or wildcard label. null when nothing host-like is left.
 */
export function normalizeHost(value: string): string | null {
  let text = value.trim().toLowerCase();
  if (text === '') return null;
  if (text.includes('://')) {
    try {
      text = new URL(text).hostname;
    } catch {
      return null;
    }
  }
  text = text.replace(/^\*\./, '').split(/[/?#]/)[0] ?? '';
  text = text.replace(/:\d+$/, '').replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(text) ? text : null;
}

/** The host and each parent domain down to two labels: a.b.otter.ai → [a.b.otter.ai, b.otter.ai, otter.ai]. */
export function hostAndParents(host: string): string[] {
  const labels = host.split('.');
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join('.'));
  return out;
}
