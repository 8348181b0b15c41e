/** Test helpers: read and rewrite the XML parts of a DOCX to make deliberately broken variants. */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export function part(bytes: Uint8Array, name: string): string {
  const file = unzipSync(bytes)[name];
  if (!file) throw new Error(`no ${name} in the DOCX`);
  return strFromU8(file);
}

/** A copy of the DOCX with one part rewritten; fails the test when the edit changed nothing. */
export function edit(bytes: Uint8Array, name: string, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const before = strFromU8(files[name] ?? new Uint8Array());
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${name} changed nothing`);
  files[name] = strToU8(after);
  return zipSync(files);
}

/** The visible text of document.xml, paragraphs separated by new lines. */
export function documentText(bytes: Uint8Array): string {
  return part(bytes, 'word/document.xml')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}
