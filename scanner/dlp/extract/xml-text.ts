/** Turns Office XML into text: block ends become newlines, tags drop, entities decode. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e]!;
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Word (w:) and DrawingML (a:) text: paragraphs and breaks keep lines apart so context stays local. */
export function ooxmlText(xml: string): string {
  return decodeEntities(
    xml
      .replace(/<\/(?:w|a):p>|<(?:w|a):br\b[^>]*\/>|<w:cr\/>/g, '\n')
      .replace(/<w:tab\/>|<\/w:tc>/g, '\t')
      .replace(/<[^>]*>/g, ''),
  );
}
