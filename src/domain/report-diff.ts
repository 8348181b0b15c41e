/**
 * What changed in a report between two submissions (or since the last one): the figures of each
 * indicator, the officer's texts, "không phát sinh". Shown to the leader and the receiving unit as
 * "Thay đổi so với lần gửi trước", in the outline's reading order. Pure.
 */
import type { Indicator, IndicatorValue, Outline } from './outline.js';
import { indicatorsOf, narrativesOf, numberOutline } from './outlines/numbering.js';
import { FRAME_LABELS, type ReportContent } from './report-json.js';
import { formatNumberVi } from './vn-number.js';

export interface ReportChange {
  kind: 'value' | 'narrative' | 'nil';
  /** The indicator code, the narrative or section key, or "all" for the whole report's nil. */
  target: string;
  /** "Số đoàn vào", "Nội dung viết thêm — II.1. Đoàn ra", "Không phát sinh — cả báo cáo". */
  label: string;
  before: string;
  after: string;
}

const EMPTY = '(trống)';
const DELETED = '(đã xóa đoạn)';
const TEXT_MAX = 200;

function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > TEXT_MAX ? `${flat.slice(0, TEXT_MAX)}…` : flat;
}

/** A value as a reader compares it: "12 đoàn", "12 lượt (Hàn Quốc: 7, Nhật Bản: 5)", "A; B". */
export function formatValue(value: IndicatorValue | undefined, unit = ''): string {
  if (value === undefined || value === null) return EMPTY;
  const withUnit = (n: number) => (unit ? `${formatNumberVi(n)} ${unit}` : formatNumberVi(n));
  if (typeof value === 'number') return withUnit(value);
  if (typeof value === 'string') return value.trim() ? cut(value) : EMPTY;
  if (Array.isArray(value)) return value.length ? cut(value.join('; ')) : EMPTY;
  const parts = value.parts.map((p) => `${p.key}: ${formatNumberVi(p.value)}`).join(', ');
  return parts ? `${withUnit(value.total)} (${parts})` : withUnit(value.total);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const yesNo = (b: boolean) => (b ? 'Có' : 'Không');

/** The changes from `before` to `after`, in the outline's order (unknown codes last). */
export function reportChanges(outline: Outline, before: ReportContent, after: ReportContent): ReportChange[] {
  const out: ReportChange[] = [];
  const numbered = numberOutline(outline);
  const sectionLabel = new Map(numbered.map((s) => [s.key, `${s.fullNumber}. ${s.title}`]));

  const indicators = new Map<string, Indicator>(indicatorsOf(outline).map((i) => [i.code, i]));
  const codes = [...indicators.keys()];
  for (const code of new Set([...Object.keys(before.values), ...Object.keys(after.values)])) {
    if (!indicators.has(code)) codes.push(code);
  }
  for (const code of codes) {
    const a = before.values[code];
    const b = after.values[code];
    if (same(a, b)) continue;
    const indicator = indicators.get(code);
    out.push({
      kind: 'value',
      target: code,
      label: indicator?.label ?? code,
      before: formatValue(a, indicator?.unit),
      after: formatValue(b, indicator?.unit),
    });
  }

  const blockLabels = new Map(narrativesOf(outline).map((n) => [n.key, n.label]));
  const keys = [...numbered.map((s) => s.key), ...blockLabels.keys()];
  for (const key of new Set([...Object.keys(before.narratives), ...Object.keys(after.narratives)])) {
    if (!keys.includes(key)) keys.push(key);
  }
  for (const key of new Set(keys)) {
    const a = before.narratives[key];
    const b = after.narratives[key];
    if (same(a?.text ?? '', b?.text ?? '') && (a?.mode ?? 'append') === (b?.mode ?? 'append')) continue;
    // A drafted paragraph's key (`<section>#<n>`, `#nil`, `#more`) is named by its section.
    const slot = /^(.+)#(?:\d+|nil|more)$/.exec(key)?.[1];
    const where = slot
      ? `đoạn soạn sẵn của ${sectionLabel.get(slot) ?? slot}`
      : (sectionLabel.get(key) ?? blockLabels.get(key) ?? FRAME_LABELS[key] ?? key);
    const shown = (e: typeof a) => (e?.text ? cut(e.text) : e?.mode === 'replace' ? DELETED : EMPTY);
    out.push({
      kind: 'narrative',
      target: key,
      label: `Nội dung viết thêm — ${where}`,
      before: shown(a),
      after: shown(b),
    });
  }

  // Default paragraphs kept (content without `kept` printed every default) and sections left out.
  const allDefaults = narrativesOf(outline)
    .filter((n) => n.defaultText?.trim())
    .map((n) => n.key);
  const keptBefore = new Set(before.kept ?? allDefaults);
  const keptAfter = new Set(after.kept ?? allDefaults);
  for (const key of new Set([...allDefaults, ...keptBefore, ...keptAfter])) {
    if (keptBefore.has(key) === keptAfter.has(key)) continue;
    out.push({
      kind: 'narrative',
      target: key,
      label: `Giữ đoạn đề xuất — ${blockLabels.get(key) ?? key}`,
      before: yesNo(keptBefore.has(key)),
      after: yesNo(keptAfter.has(key)),
    });
  }
  const omitBefore = new Set(before.omit ?? []);
  const omitAfter = new Set(after.omit ?? []);
  for (const key of new Set([...numbered.map((s) => s.key), ...omitBefore, ...omitAfter])) {
    if (omitBefore.has(key) === omitAfter.has(key)) continue;
    out.push({
      kind: 'narrative',
      target: key,
      label: `Bỏ khỏi báo cáo — ${sectionLabel.get(key) ?? key}`,
      before: yesNo(omitBefore.has(key)),
      after: yesNo(omitAfter.has(key)),
    });
  }

  if (before.nil.all !== after.nil.all) {
    out.push({
      kind: 'nil',
      target: 'all',
      label: 'Không phát sinh — cả báo cáo',
      before: yesNo(before.nil.all),
      after: yesNo(after.nil.all),
    });
  }
  const nilBefore = new Set(before.nil.sections);
  const nilAfter = new Set(after.nil.sections);
  for (const key of new Set([...numbered.map((s) => s.key), ...nilBefore, ...nilAfter])) {
    if (nilBefore.has(key) === nilAfter.has(key)) continue;
    out.push({
      kind: 'nil',
      target: key,
      label: `Không phát sinh — ${sectionLabel.get(key) ?? key}`,
      before: yesNo(nilBefore.has(key)),
      after: yesNo(nilAfter.has(key)),
    });
  }
  return out;
}
