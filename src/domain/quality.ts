/**
 * Quality checks a human misses (product brief): another unit's name in the text, a number in the
 * officer's text that disagrees with its indicator, a value far outside the unit's history, a
 * required item left empty, a section both "không phát sinh" and filled, a replaced draft that the
 * numbers have since changed. Section numbering gaps cannot happen (numbers are generated).
 */
import { isDigestKey } from './consolidation/digest.js';
import { flattenDrafted } from './drafting/draft.js';
import { foreignUnitMentions, type MentionIndicator, numberMismatches } from './drafting/mentions.js';
import { numericValue } from './drafting/sentences.js';
import type { DraftedReport } from './drafting/types.js';
import type { Outline, ReportValues } from './outline.js';
import { numberOutline } from './outlines/numbering.js';
import { FRAME_LABELS, type ReportContent } from './report-json.js';
import { formatNumberVi } from './vn-number.js';

export type QualityKind =
  | 'foreign_unit'
  | 'number_mismatch'
  | 'outlier'
  | 'missing_required'
  | 'nil_with_values'
  | 'stale_edit'
  /** The subject promises a part ("… và phương hướng, nhiệm vụ {next}") that prints nothing. */
  | 'promised_part'
  /** A value the outline refuses (validation.ts), reported alongside by callers. */
  | 'invalid_value';

export interface QualityIssue {
  kind: QualityKind;
  severity: 'error' | 'warning';
  /** Section key, narrative key or indicator code the issue concerns. */
  key?: string;
  /** Vietnamese, for the officer. */
  message: string;
}

export interface QualityInput {
  outline: Outline;
  content: ReportContent;
  drafted: DraftedReport;
  unit: { code: string; name: string };
  /** All communes (and provinces) by official code and full name ("Xã Tân Minh"). */
  catalogue: readonly { code: string; name: string }[];
  /** Earlier reports of the same unit (any order). */
  history?: { periodLabel: string; values: ReportValues }[];
}

/** How many times the highest earlier value a new value must exceed to be flagged. */
export const OUTLIER_FACTOR = 5;
/** Robust z-score (median and MAD) above which a value is flagged, given enough history. */
export const OUTLIER_Z = 5;

interface Located {
  key: string;
  label: string;
  text: string;
}

/** The officer's texts and the free document texts, labelled for messages. */
function officerTexts(input: QualityInput): Located[] {
  const numbers = new Map(numberOutline(input.outline).map((s) => [s.key, s]));
  const out: Located[] = [];
  for (const [key, edit] of Object.entries(input.content.narratives)) {
    const s = numbers.get(key);
    const label = s ? `mục ${s.fullNumber} (${s.title})` : (FRAME_LABELS[key] ?? `phần "${key}"`);
    out.push({ key, label, text: edit.text });
  }
  const doc = input.content.document;
  if (doc.intro) out.push({ key: 'document.intro', label: 'đoạn mở đầu', text: doc.intro });
  if (doc.subject) out.push({ key: 'document.subject', label: 'trích yếu', text: doc.subject });
  return out;
}

function foreignUnitIssues(input: QualityInput): QualityIssue[] {
  const texts: Located[] = [
    ...flattenDrafted(input.drafted.sections).map((s) => ({
      key: s.key,
      label: s.number ? `mục ${s.number} ${s.title}` : `mục "${s.title}"`,
      text: s.paragraphs.join('\n'),
    })),
    ...officerTexts(input).filter((t) => t.key.startsWith('document.')),
  ];
  const issues: QualityIssue[] = [];
  const seen = new Set<string>();
  for (const t of texts) {
    for (const m of foreignUnitMentions(t.text, input.unit, input.catalogue)) {
      const id = `${t.key}|${m}`;
      if (seen.has(id)) continue;
      seen.add(id);
      issues.push({
        kind: 'foreign_unit',
        severity: 'error',
        key: t.key,
        message: `Văn bản nhắc đến "${m}" ở ${t.label}, không phải ${input.unit.name}: có thể sao chép từ báo cáo của đơn vị khác, vui lòng kiểm tra.`,
      });
    }
  }
  return issues;
}

function mismatchIssues(input: QualityInput): QualityIssue[] {
  const indicators: MentionIndicator[] = [];
  for (const s of numberOutline(input.outline)) {
    for (const node of s.section.children) {
      if (node.kind !== 'indicator') continue;
      const value = numericValue(input.content.values[node.code]);
      if (value !== null) indicators.push({ indicator: node, value });
    }
  }
  const issues: QualityIssue[] = [];
  // A unit's fact in a consolidation quotes that unit's figure, not the total.
  for (const t of officerTexts(input).filter((o) => !isDigestKey(o.key))) {
    for (const m of numberMismatches(t.text, indicators)) {
      issues.push({
        kind: 'number_mismatch',
        severity: 'error',
        key: m.indicator.code,
        message: `Ở ${t.label} ghi "${m.quoted}" nhưng chỉ tiêu "${m.indicator.label}" là ${formatNumberVi(m.value)}${m.indicator.unit ? ` ${m.indicator.unit}` : ''}.`,
      });
    }
  }
  return issues;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Why `value` is far outside `earlier`, or null. */
export function outlierReason(value: number, earlier: { label: string; value: number }[]): string | null {
  if (earlier.length === 0 || value <= 0) return null;
  const top = earlier.reduce((a, b) => (b.value > a.value ? b : a));
  if (top.value > 0 && value > OUTLIER_FACTOR * top.value) {
    return `gấp hơn ${OUTLIER_FACTOR} lần mức cao nhất trước đây (${formatNumberVi(top.value)}, ${top.label})`;
  }
  if (earlier.length >= 4) {
    const xs = earlier.map((e) => e.value);
    const med = median(xs);
    const mad = median(xs.map((x) => Math.abs(x - med)));
    if (mad > 0 && (0.6745 * (value - med)) / mad > OUTLIER_Z) {
      return `khác xa các kỳ trước (trung vị ${formatNumberVi(med)} qua ${xs.length} kỳ)`;
    }
    if (mad === 0 && top.value === 0 && value >= 100) {
      return `trong khi ${xs.length} kỳ trước đều bằng 0`;
    }
  }
  return null;
}

function outlierIssues(input: QualityInput): QualityIssue[] {
  const history = input.history ?? [];
  const issues: QualityIssue[] = [];
  for (const s of numberOutline(input.outline)) {
    for (const node of s.section.children) {
      if (node.kind !== 'indicator') continue;
      const value = numericValue(input.content.values[node.code]);
      if (value === null) continue;
      const earlier = history.flatMap((h) => {
        const v = numericValue(h.values[node.code]);
        return v === null ? [] : [{ label: h.periodLabel, value: v }];
      });
      const reason = outlierReason(value, earlier);
      if (reason) {
        issues.push({
          kind: 'outlier',
          severity: 'warning',
          key: node.code,
          message: `Chỉ tiêu "${node.label}" = ${formatNumberVi(value)} ${reason}. Vui lòng kiểm tra lại số liệu.`,
        });
      }
    }
  }
  return issues;
}

function completenessIssues(input: QualityInput): QualityIssue[] {
  const { content } = input;
  const nil = new Map(flattenDrafted(input.drafted.sections).map((d) => [d.key, d]));
  const issues: QualityIssue[] = [];
  for (const s of numberOutline(input.outline)) {
    const drafted = nil.get(s.key);
    const isNil = drafted?.nil ?? false;
    const where = `mục ${s.fullNumber} (${s.title})`;
    const explicitNil = content.nil.all || content.nil.sections.includes(s.key);
    for (const node of s.section.children) {
      if (node.kind === 'indicator') {
        const value = content.values[node.code];
        if (node.required && value === undefined && !isNil) {
          issues.push({
            kind: 'missing_required',
            severity: 'error',
            key: node.code,
            message: `Chưa nhập chỉ tiêu "${node.label}" (${where}); nếu không phát sinh, hãy nhập 0 hoặc chọn "Không phát sinh".`,
          });
        }
        const n = numericValue(value);
        if (explicitNil && s.section.nilPhrase && n !== null && n > 0) {
          issues.push({
            kind: 'nil_with_values',
            severity: 'warning',
            key: node.code,
            message: `${capital(where)} được đánh dấu "Không phát sinh" nhưng chỉ tiêu "${node.label}" là ${formatNumberVi(n)}.`,
          });
        }
      } else if (node.kind === 'narrative' && node.required && !node.defaultText) {
        if (!content.narratives[node.key]?.text.trim() && !content.narratives[s.key]?.text.trim()) {
          issues.push({
            kind: 'missing_required',
            severity: 'error',
            key: node.key,
            message: `Chưa viết nội dung "${node.label}" (${where}).`,
          });
        }
      }
    }
    if (drafted?.stale) {
      issues.push({
        kind: 'stale_edit',
        severity: 'warning',
        key: s.key,
        message: `Nội dung cán bộ viết thay cho ${where} được soạn trước khi số liệu thay đổi; vui lòng đọc lại.`,
      });
    }
    for (const item of drafted?.items ?? []) {
      if (!item.stale) continue;
      issues.push({
        kind: 'stale_edit',
        severity: 'warning',
        key: item.key,
        message: `Số liệu của ${where} đã thay đổi sau khi cán bộ sửa một đoạn: có cách viết mới, vui lòng đọc lại hoặc chọn "Dùng cách viết mới".`,
      });
    }
  }
  return issues;
}

/**
 * A subject that names the next period ("…và phương hướng, nhiệm vụ trọng tâm Quý I năm 2027")
 * promises the part of the outline titled with it (or "Phương hướng…"); a report sent without that part says less
 * than its own title.
 */
function promisedPartIssues(input: QualityInput): QualityIssue[] {
  const subject = input.content.document.subject ?? input.outline.subjectTemplate;
  if (!subject.includes('{next}') && !/phương hướng/iu.test(subject)) return [];
  const drafted = new Map(flattenDrafted(input.drafted.sections).map((d) => [d.key, d]));
  const issues: QualityIssue[] = [];
  for (const section of input.outline.sections) {
    if (!section.title.includes('{next}') && !/phương hướng/iu.test(section.title)) continue;
    const printed = drafted.get(section.key);
    if (printed?.number || printed?.omitted) continue;
    issues.push({
      kind: 'promised_part',
      severity: 'warning',
      key: section.key,
      message: `Trích yếu nêu phương hướng, nhiệm vụ kỳ tới nhưng mục "${printed?.title ?? section.title}" chưa có nội dung: hãy viết hoặc giữ các đoạn gợi ý.`,
    });
  }
  return issues;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Every issue found, errors first. */
export function qualityChecks(input: QualityInput): QualityIssue[] {
  const issues = [
    ...foreignUnitIssues(input),
    ...mismatchIssues(input),
    ...completenessIssues(input),
    ...promisedPartIssues(input),
    ...outlierIssues(input),
  ];
  return issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
