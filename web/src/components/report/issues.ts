/**
 * What the form and the checklist show: the domain's `validateContent` run on the content as typed
 * (instant, the same function the server uses), and the server's quality and completeness checks
 * of the content it last saved.
 */
import type { ReportIssue } from '@domain/api-reports';
import type { DraftedSection } from '@domain/drafting/types';
import type { Indicator } from '@domain/outline';
import type { ReportContent } from '@domain/report-json';
import { fieldId } from './IndicatorField';
import type { ShownIssue } from './IssueList';
import { nilSwitchId, sectionId } from './SectionBlock';
import { indicatorOfPath } from './values';

interface Input {
  indicators: readonly Indicator[];
  sections: ReadonlyMap<string, DraftedSection>;
  serverIssues: readonly ReportIssue[];
  /** The form's own checks of what is typed now (`formChecks`: values and required parts). */
  clientIssues: readonly Pick<ReportIssue, 'severity' | 'message' | 'path'>[];
  content: ReportContent;
  savedContent: ReportContent;
  /** The section whose "Không phát sinh" answers for an indicator or a text (`nilSectionOf`). */
  nilSectionOf?: (target: string) => { key: string } | null;
}

export interface MergedIssues {
  /** Error message per indicator code, shown at the field. */
  fieldErrors: Record<string, string>;
  /** Warning per indicator code, shown under the field. */
  fieldWarnings: Record<string, string>;
  checklist: ShownIssue[];
}

function sectionKeyOf(path: string | null, sections: ReadonlyMap<string, DraftedSection>): string | null {
  if (!path) return null;
  const key = path.replace(/^(nil\.sections\.|narratives\.|sections\.)/, '');
  if (sections.has(key)) return key;
  // A narrative block key ("proposals.text") belongs to the section before its last dot.
  const cut = key.lastIndexOf('.');
  return cut > 0 && sections.has(key.slice(0, cut)) ? key.slice(0, cut) : null;
}

export function mergeIssues(input: Input): MergedIssues {
  const { indicators, sections, serverIssues, clientIssues, content, savedContent, nilSectionOf } = input;
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const codes = new Set(byCode.keys());
  const fieldErrors: Record<string, string> = {};
  const fieldWarnings: Record<string, string> = {};
  const checklist: ShownIssue[] = [];
  const seen = new Set<string>();

  const place = (path: string | null) => {
    const code = indicatorOfPath(path, codes);
    if (code) return { code, where: byCode.get(code)?.label ?? code, target: fieldId(code) };
    const key = sectionKeyOf(path, sections);
    const section = key ? sections.get(key) : undefined;
    if (section)
      return { code: null, where: `${section.number} ${section.title}`, target: sectionId(section.key) };
    return { code: null, where: null, target: null };
  };
  const push = (severity: 'error' | 'warning', message: string, path: string | null) => {
    const at = place(path);
    const key = `${at.target}|${message}`;
    if (seen.has(key)) return at;
    seen.add(key);
    // An error of a figure whose section may be answered "không phát sinh" links to that switch too.
    const nil = severity === 'error' && path && nilSectionOf ? nilSectionOf(path) : null;
    const nilTarget = nil && !content.nil.all ? nilSwitchId(nil.key) : null;
    checklist.push({ severity, message, where: at.where, target: at.target, nilTarget });
    return at;
  };

  for (const issue of clientIssues) {
    const at = push(issue.severity, issue.message, issue.path);
    if (!at.code) continue;
    const map = issue.severity === 'error' ? fieldErrors : fieldWarnings;
    map[at.code] ??= issue.message;
  }
  for (const issue of serverIssues) {
    // Values and required parts are checked here on what is typed now (the same functions as the
    // server); only the quality checks (names, figures in the text, outliers) come from the server.
    if (issue.source !== 'quality') continue;
    const code = indicatorOfPath(issue.path, codes);
    if (code && JSON.stringify(content.values[code]) !== JSON.stringify(savedContent.values[code])) continue;
    push(issue.severity, issue.message, issue.path);
  }
  return { fieldErrors, fieldWarnings, checklist };
}
