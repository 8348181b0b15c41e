/** Server issues and instant client checks merged into what the form and the checklist show. */
import type { ReportIssue } from '@domain/api-reports';
import type { DraftedSection } from '@domain/drafting/types';
import type { Indicator } from '@domain/outline';
import type { ReportContent } from '@domain/report-json';
import { fieldId } from './IndicatorField';
import type { ShownIssue } from './IssueList';
import { sectionId } from './SectionBlock';
import { indicatorOfPath } from './values';

interface Input {
  indicators: readonly Indicator[];
  sections: ReadonlyMap<string, DraftedSection>;
  serverIssues: readonly ReportIssue[];
  clientErrors: Readonly<Record<string, string>>;
  content: ReportContent;
  savedContent: ReportContent;
}

export interface MergedIssues {
  /** Error message per indicator code, shown at the field. */
  fieldErrors: Record<string, string>;
  checklist: ShownIssue[];
}

export function mergeIssues(input: Input): MergedIssues {
  const { indicators, sections, serverIssues, clientErrors, content, savedContent } = input;
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const codes = new Set(byCode.keys());
  const fieldErrors: Record<string, string> = { ...clientErrors };
  const checklist: ShownIssue[] = [];
  const seen = new Set<string>();
  const push = (issue: ShownIssue) => {
    const key = `${issue.target}|${issue.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    checklist.push(issue);
  };
  for (const [code, message] of Object.entries(clientErrors)) {
    push({ severity: 'error', message, where: byCode.get(code)?.label ?? code, target: fieldId(code) });
  }
  for (const issue of serverIssues) {
    const code = indicatorOfPath(issue.path, codes);
    if (code) {
      // The server judged the value it last saved; a value changed since is judged by the client.
      const changed = JSON.stringify(content.values[code]) !== JSON.stringify(savedContent.values[code]);
      if (changed) continue;
      if (issue.source === 'validation' && issue.severity === 'error' && !fieldErrors[code]) {
        fieldErrors[code] = issue.message;
      }
      push({
        severity: issue.severity,
        message: issue.message,
        where: byCode.get(code)?.label ?? code,
        target: fieldId(code),
      });
      continue;
    }
    const key = issue.path?.replace(/^(nil\.sections\.|narratives\.|sections\.)/, '') ?? null;
    const section = key ? sections.get(key) : undefined;
    push({
      severity: issue.severity,
      message: issue.message,
      where: section ? `${section.number} ${section.title}` : null,
      target: section ? sectionId(section.key) : null,
    });
  }
  return { fieldErrors, checklist };
}
