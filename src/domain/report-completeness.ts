/**
 * Required sections with nothing in them: no figure, no text, no drafted paragraph, and not
 * answered "không phát sinh". (Required indicators and narratives: `missingRequired` in
 * src/domain/validation.ts, where a section answered "không phát sinh" needs none of its figures.)
 * And the section whose "Không phát sinh" switch answers a missing figure instead. Pure.
 */
import type { ReportIssue } from './api-reports.js';
import type { DraftedReport, DraftedSection } from './drafting/index.js';
import type { Outline, Section } from './outline.js';
import type { ReportContent } from './report-json.js';

function paragraphsOf(section: DraftedSection | undefined): number {
  if (!section) return 0;
  return (
    section.paragraphs.filter((p) => p.trim()).length +
    section.children.reduce((n, c) => n + paragraphsOf(c), 0)
  );
}

export function missingSections(
  outline: Outline,
  content: ReportContent,
  drafted: DraftedReport,
): ReportIssue[] {
  if (content.nil.all) return [];
  const issues: ReportIssue[] = [];
  const nilKeys = new Set(content.nil.sections);
  const draftedByKey = new Map<string, DraftedSection>();
  const index = (sections: readonly DraftedSection[]) => {
    for (const s of sections) {
      draftedByKey.set(s.key, s);
      index(s.children);
    }
  };
  index(drafted.sections);
  const visit = (section: Section) => {
    const d = draftedByKey.get(section.key);
    if (nilKeys.has(section.key) || d?.nil || d?.omitted) return;
    if (section.required && paragraphsOf(d) === 0) {
      const here = d?.number ? `mục ${d.number} ${section.title}` : `mục "${section.title}"`;
      const orNil = section.nilAllowed === false ? '' : ', hoặc chọn "Không phát sinh"';
      issues.push({
        source: 'completeness',
        severity: 'error',
        path: section.key,
        message: `Chưa có nội dung cho ${here}: hãy nhập số liệu hoặc nội dung${orNil}.`,
      });
    }
    for (const node of section.children) if (node.kind === 'section') visit(node);
  };
  for (const section of outline.sections) visit(section);
  return issues;
}

/**
 * The section whose "Không phát sinh" answers for an indicator or a narrative block: the nearest
 * section around it that may be answered so (has a `nilPhrase`). Null when none may.
 */
export function nilSectionOf(outline: Outline, target: string): Section | null {
  const visit = (section: Section, around: Section | null): Section | null | undefined => {
    const here = section.nilPhrase ? section : around;
    for (const node of section.children) {
      if (node.kind === 'section') {
        const found = visit(node, here);
        if (found !== undefined) return found;
      } else if ((node.kind === 'indicator' ? node.code : node.key) === target) return here;
    }
    return undefined;
  };
  for (const section of outline.sections) {
    const found = visit(section, null);
    if (found !== undefined) return found;
  }
  return null;
}

/** "…: hoặc bật “Không phát sinh” của mục …" after a missing figure whose section may be answered so. */
export function withNilHint(outline: Outline, target: string, message: string): string {
  const section = nilSectionOf(outline, target);
  if (!section) return message;
  return `${message} Nếu trong kỳ không có, bật “Không phát sinh” của mục “${section.title}”.`;
}
