/** PDF text via unpdf (a serverless pdf.js build that runs on Node 20). Pages are joined by newlines. */
import { extractText, getDocumentProxy } from 'unpdf';

export async function extractPdf(data: Uint8Array): Promise<string> {
  // pdf.js takes ownership of (and may detach) the buffer it is given; hand it a copy.
  const doc = await getDocumentProxy(new Uint8Array(data));
  try {
    const { text } = await extractText(doc, { mergePages: false });
    return text.join('\n');
  } finally {
    await doc.destroy();
  }
}
