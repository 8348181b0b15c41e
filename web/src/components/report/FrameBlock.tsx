/**
 * The opening ("Thực hiện Công văn số … , UBND xã … báo cáo … như sau:") and the closing ("Trên đây
 * là báo cáo … kính gửi … để tổng hợp./.") on the form, each shown as it prints and edited in place
 * like any paragraph (content.narratives["document.opening"] / ["document.closing"]). The drafted
 * wording comes with the report's view (the server knows the round's letter and the addressee); what
 * the officer typed shows at once.
 */
import type { ReportView } from '@domain/api-reports';
import type { DraftedParagraph } from '@domain/drafting/types';
import { CLOSING_KEY, OPENING_KEY } from '@domain/report-json';
import { type ListContext, ParagraphItem } from './ParagraphList';

type Drafted = ReportView['frame']['opening'];

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The frame part as a paragraph of the form, with the officer's unsaved edit applied. */
function asParagraph(key: string, label: string, drafted: Drafted, ctx: ListContext): DraftedParagraph {
  const edit = ctx.content.narratives[key];
  let printed = drafted.paragraphs;
  if (edit?.mode === 'replace') printed = paragraphsOf(edit.text);
  else if (edit) printed = [...drafted.drafted, ...paragraphsOf(edit.text)];
  return {
    key,
    kind: 'figures',
    label,
    drafted: drafted.drafted,
    draftHash: drafted.draftHash,
    printed,
    proposal: false,
    ...(edit ? { edit } : {}),
    stale: edit?.mode === 'replace' && edit.draftHash !== undefined && edit.draftHash !== drafted.draftHash,
    afterChildren: false,
  };
}

export function FrameBlock({
  part,
  frame,
  ctx,
}: {
  part: 'opening' | 'closing';
  frame: ReportView['frame'];
  ctx: ListContext;
}) {
  const opening = part === 'opening';
  const item = opening
    ? asParagraph(OPENING_KEY, 'Đoạn mở đầu', frame.opening, ctx)
    : asParagraph(CLOSING_KEY, 'Đoạn kết', frame.closing, ctx);
  return <ParagraphItem item={item} title={opening ? 'Mở đầu báo cáo' : 'Kết thúc báo cáo'} ctx={ctx} />;
}
