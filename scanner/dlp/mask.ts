/**
 * Masked hints. A hint lets a reviewer recognise which value matched without the finding, log or
 * export ever carrying it: at most the last 4 characters of a number, or a credential's public
 * prefix plus its last 4. Short values keep nothing, since 4 characters would be most of them.
 */
import type { MaskStyle } from './types.ts';

/** Keeps separators, stars every letter/digit but the last `keep`. */
export function maskTail(value: string, keep = 4): string {
  let alnum = 0;
  for (let i = 0; i < value.length; i++) if (isAlnum(value.charCodeAt(i))) alnum++;
  const visible = alnum >= 9 ? keep : 0;
  let seen = 0;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!isAlnum(c)) {
      out += value[i];
      continue;
    }
    seen++;
    out += seen > alnum - visible ? value[i] : '*';
  }
  return out;
}

export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  const dot = value.lastIndexOf('.');
  return `${value[0] ?? ''}***@***${dot > at ? value.slice(dot) : ''}`;
}

/** `ghp_…a1b2`: the documented prefix is public knowledge, the last 4 identify the key. */
export function maskCredential(value: string, prefix: RegExp): string {
  const p = prefix.exec(value)?.[0] ?? '';
  const rest = value.length - p.length;
  return rest >= 16 ? `${p}…${value.slice(-4)}` : `${p}…`;
}

export function maskValue(value: string, style: MaskStyle): string {
  switch (style.kind) {
    case 'tail':
      return maskTail(value);
    case 'email':
      return maskEmail(value);
    case 'prefix':
      return maskCredential(value, style.prefix);
    case 'label':
      return style.label(value);
  }
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
