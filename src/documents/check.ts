/**
 * Layout checker: re-opens a DOCX and lists every departure from Nghị định 30/2020, Phụ lục I it
 * can see (page, margins, fonts, each element's size and style, header table, rules, number and
 * date formats, page numbers, Nơi nhận, signature). Works on files from Word or LibreOffice too.
 */
import { checkBody, checkClosing } from './check-body.js';
import { checkHeaderTable } from './check-header.js';
import { checkPages } from './check-pages.js';
import { checkFonts, type LayoutProblem, problems as newProblems, type Problems } from './check-util.js';
import { type Block, flatten, readDocx } from './docx-read.js';

export type { LayoutProblem, LayoutProblemCode } from './check-util.js';

export interface CheckOptions {
  /** Accept a document without the signer's name even when it has a number. Default false. */
  allowUnsigned?: boolean;
}

function findClosing(blocks: readonly Block[]): number {
  return blocks.findIndex(
    (b) => b.kind === 'tbl' && flatten([b]).some((p) => /^\s*Nơi nhận\s*:/u.test(p.text.normalize('NFC'))),
  );
}

/** The layout problems of a DOCX, empty when it passes. AppError NOT_DOCX when it is not a DOCX. */
export async function checkDocx(bytes: Uint8Array, options: CheckOptions = {}): Promise<LayoutProblem[]> {
  const model = readDocx(bytes);
  const out: Problems = newProblems();
  checkPages(model, out);
  checkFonts(model, out);
  const first = model.sections[0]?.blocks ?? model.body;
  const header = first[0];
  const draftNumber = checkHeaderTable(header, out);
  const closingIndex = findClosing(first);
  checkBody(first.slice(1, closingIndex < 0 ? first.length : closingIndex), out);
  const closing = closingIndex < 0 ? undefined : first[closingIndex];
  checkClosing(closing, out, { nameRequired: !draftNumber && !options.allowUnsigned });
  return out.list;
}
