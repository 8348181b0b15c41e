/**
 * Reading a report JSON file (docs/report-json.md) for `doingoai preview` and `doingoai render`:
 * parsed and validated with Vietnamese messages that name the field, then resolved into what the
 * composition needs (outline, unit identity from the catalogue merged with the file's overrides).
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { type CatalogueRow, readCatalogue } from '../db/catalogue.js';
import { canonicalCountryLists } from '../domain/countries-content.js';
import type { ComposeIdentity } from '../domain/drafting/compose.js';
import type { DraftUnit } from '../domain/drafting/types.js';
import type { Outline } from '../domain/outline.js';
import { BUILT_IN_OUTLINES, findBuiltInOutline } from '../domain/outlines/index.js';
import type { Period } from '../domain/periods.js';
import { type ReportContent, type ReportJson, reportJsonSchema } from '../domain/report-json.js';
import {
  type DocumentIdentity,
  defaultBodyIdentity,
  defaultCommuneIdentity,
  defaultProvinceIdentity,
} from '../domain/units.js';
import { CliError } from './errors.js';

const TYPE_NAMES: Record<string, string> = {
  string: 'một chuỗi ký tự',
  number: 'một số',
  object: 'một đối tượng {…}',
  array: 'một danh sách […]',
  boolean: 'true hoặc false',
};

type Issue = z.core.$ZodIssue;

/** A zod issue in Vietnamese: our schemas already speak it; zod's own defaults are translated. */
function issueMessage(issue: Issue): string {
  if (/[àáảãạăâđêôơưạ-ỹ]/i.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'Thiếu trường bắt buộc.'
        : `Sai kiểu dữ liệu: cần ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
    case 'invalid_union': {
      const first = issue.errors[0]?.[0];
      return first && issue.errors.length > 0
        ? `${issueMessage(first)} (hoặc một danh sách, một đoạn văn bản, một đối tượng {total, parts}).`
        : 'Giá trị không hợp lệ.';
    }
    case 'invalid_value':
      return `Giá trị không hợp lệ; chấp nhận: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'too_small':
    case 'too_big':
      return 'Giá trị nằm ngoài giới hạn cho phép.';
    default:
      return 'Giá trị không hợp lệ.';
  }
}

/** "values.delegations.in.count: Giá trị phải là một số." for every problem of the file. */
export function formatIssues(issues: readonly Issue[]): string[] {
  return issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(gốc)'}: ${issueMessage(i)}`);
}

/** Parses and validates a report JSON text; `source` names it in messages. */
export function parseReportJson(text: string, source: string): ReportJson {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(`Tệp ${source} không phải JSON hợp lệ: ${detail}`, 1);
  }
  const parsed = reportJsonSchema.safeParse(data);
  if (!parsed.success) {
    const lines = formatIssues(parsed.error.issues);
    throw new CliError(
      `Tệp ${source} có dữ liệu chưa hợp lệ:\n${lines.map((l) => `  - ${l}`).join('\n')}`,
      1,
    );
  }
  return parsed.data;
}

/** Reads, parses and validates a report JSON file. */
export async function readReportFile(path: string): Promise<ReportJson> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`Không tìm thấy tệp ${path}.`, 1);
    if (code === 'EISDIR') throw new CliError(`${path} là một thư mục, không phải tệp JSON.`, 1);
    throw new CliError(`Không đọc được tệp ${path} (${code ?? 'lỗi không rõ'}).`, 1);
  }
  return parseReportJson(text, path);
}

export interface ResolvedReport {
  json: ReportJson;
  outline: Outline;
  content: ReportContent;
  period: Period;
  unitCode: string;
  unit: DraftUnit;
  identity: ComposeIdentity;
  /** Communes and provinces by code and full name, for the quality checks. */
  catalogue: { code: string; name: string }[];
}

/** "Xã Lạc Phượng" → "xã Lạc Phượng"; "Thành phố Hải Phòng" → "thành phố Hải Phòng". */
function sentenceName(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** "ỦY BAN NHÂN DÂN XÃ LẠC PHƯỢNG" printed on two lines as the examples do. */
function headerLines(header: string): string[] {
  return header
    .split('\n')
    .flatMap((l) => (l.startsWith('ỦY BAN NHÂN DÂN ') ? ['ỦY BAN NHÂN DÂN', l.slice(16)] : [l]));
}

const BODY_SYMBOLS: Record<string, { symbol: string; name: string }> = {
  SNGV: { symbol: 'SNgV', name: 'Sở Ngoại vụ' },
  VP: { symbol: 'VP', name: 'Văn phòng UBND' },
};

function lookUpUnit(
  code: string,
  name: string | undefined,
  rows: CatalogueRow[],
): { unit: DraftUnit; identity: DocumentIdentity } {
  const commune = rows.find((r) => r.communeCode === code);
  if (commune) {
    return {
      unit: { name: name ?? sentenceName(commune.communeName), kind: 'commune' },
      identity: defaultCommuneIdentity(commune.communeName, commune.provinceName),
    };
  }
  const province = rows.find((r) => r.provinceCode === code);
  if (province) {
    return {
      unit: { name: name ?? sentenceName(province.provinceName), kind: 'province' },
      identity: defaultProvinceIdentity(province.provinceName),
    };
  }
  const body = /^(\d{2})\.([A-Z0-9]+)$/.exec(code);
  const parent = body ? rows.find((r) => r.provinceCode === body[1]) : undefined;
  if (body && parent) {
    const known = BODY_SYMBOLS[body[2] as string];
    const bodyName = name ?? known?.name;
    if (!bodyName) throw new CliError(`unit.name: Cần ghi tên cơ quan có mã "${code}".`, 1);
    const symbol = known?.symbol ?? (body[2] as string);
    return {
      unit: { name: bodyName, kind: 'body' },
      identity: defaultBodyIdentity(
        bodyName.replace(/\s+(tỉnh|thành phố)\s.*$/u, ''),
        parent.provinceName,
        symbol,
      ),
    };
  }
  throw new CliError(
    `unit.code: Không có đơn vị mã "${code}" trong danh mục (mã xã 5 chữ số, mã tỉnh 2 chữ số, cơ quan dạng "42.SNGV").`,
    1,
  );
}

/**
 * The outline, unit identity and content a report file needs to be drafted and composed; `own`
 * is an outline given beside the file (render --outline) instead of the built-in one it names.
 */
export function resolveReport(
  json: ReportJson,
  rows: CatalogueRow[] = readCatalogue(),
  own?: Outline,
): ResolvedReport {
  const outline = own ?? findBuiltInOutline(json.outline.code, json.outline.version);
  if (!outline) {
    const known = BUILT_IN_OUTLINES.map((o) => `${o.code} (phiên bản ${o.version})`).join(', ');
    throw new CliError(
      `outline.code: Không có đề cương "${json.outline.code}". Các đề cương có sẵn: ${known}. Đề cương riêng của tỉnh: đặt tệp <tên báo cáo>.outline.json cạnh tệp báo cáo, hoặc chỉ tệp bằng --outline <outline.json>.`,
      1,
    );
  }
  const { unit, identity } = lookUpUnit(json.unit.code, json.unit.name, rows);
  const o = json.unit;
  const { format: _format, unit: _unit, outline: _outline, period, ...read } = json;
  const content = { ...read, values: canonicalCountryLists(outline, read.values) };
  const provinces = new Map(rows.map((r) => [r.provinceCode, r.provinceName]));
  return {
    json,
    outline,
    content,
    period: { kind: period.kind, year: period.year, index: period.index, ...pick(period) },
    unitCode: json.unit.code,
    unit,
    identity: {
      parentHeader: o.parentHeader ?? (identity.parentHeader ? [identity.parentHeader] : []),
      issuerHeader: o.issuerHeader ?? headerLines(identity.issuerHeader),
      placeName: o.placeName ?? identity.placeName,
      symbol: o.symbol ?? identity.symbol,
      archiveCode: o.archiveCode ?? identity.archiveCode,
    },
    catalogue: [
      ...rows.map((r) => ({ code: r.communeCode, name: r.communeName })),
      ...[...provinces].map(([code, name]) => ({ code, name })),
    ],
  };
}

function pick(period: ReportJson['period']): { start?: string; end?: string } {
  return { ...(period.start ? { start: period.start } : {}), ...(period.end ? { end: period.end } : {}) };
}
