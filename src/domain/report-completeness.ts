/**
 * Required sections with nothing in them: no figure, no text, no drafted paragraph, and not
 * answered "không phát sinh". (Required indicators and narratives: `missingRequired` in
 * src/domain/validation.ts.) Pure.
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
