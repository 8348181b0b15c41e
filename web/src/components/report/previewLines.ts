/**
 * The server's text preview lays the page out with spaces for a fixed-width font (a 40-character
 * header column, centred lines, "Nơi nhận" beside the signature). Shown in Times on a phone, the
 * spaces wrap and the two header columns run into each other, so the lines are read back into
 * rows: two columns, centred, indented paragraph, plain, blank.
 */
export type PreviewLine =
  | { kind: 'header'; left: string; right: string }
  | { kind: 'closing'; left: string; right: string }
  | { kind: 'center'; text: string }
  | { kind: 'text'; text: string; indent: boolean }
  | { kind: 'blank' };

/** Width of the left header column in src/domain/drafting/preview.ts. */
const HEADER_LEFT = 40;

export function previewLines(preview: string): PreviewLine[] {
  const lines = preview.replace(/\n$/, '').split('\n');
  // The header runs down to the "Số: …/BC-UBND" row (the number beside the date line).
  const numberRow = lines.slice(0, 10).findIndex((l) => l.trim().startsWith('Số:'));
  const out: PreviewLine[] = [];
  let closing = false;
  let signed = false; // the signature's title lines have been seen
  let gap = false; // then the blank rows left for the signature
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      if (closing && signed) gap = true;
      out.push({ kind: 'blank' });
      return;
    }
    if (i <= numberRow && (line.length <= HEADER_LEFT || line[HEADER_LEFT - 1] === ' ')) {
      out.push({
        kind: 'header',
        left: line.slice(0, HEADER_LEFT).trim(),
        right: line.slice(HEADER_LEFT).trim(),
      });
      return;
    }
    if (line.startsWith('Nơi nhận:')) closing = true;
    if (closing) {
      const leading = /^\s+\S/.test(line);
      const split = /^(\S.*?)\s{2,}(\S.*)$/.exec(line);
      const left = leading ? '' : (split?.[1] ?? line.trim());
      const right = leading ? line.trim() : (split?.[2] ?? '');
      if (right === '' && signed) gap = true;
      out.push({ kind: 'closing', left, right });
      if (right !== '') {
        // The name under the blank rows ends the signature block (appendices may follow).
        if (gap) closing = false;
        signed = true;
      }
      return;
    }
    const previous = out[out.length - 1];
    if (/^ {4}\S/.test(line)) out.push({ kind: 'text', text: line.trim(), indent: true });
    else if (/^ {5,}\S/.test(line)) out.push({ kind: 'center', text: line.trim() });
    // A subject too long to be padded still belongs under the centred type name.
    else if (previous?.kind === 'center') out.push({ kind: 'center', text: line });
    else out.push({ kind: 'text', text: line, indent: false });
  });
  return out;
}
