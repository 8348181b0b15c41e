/** `doingoai preview <report.json>`: the report as it will read on the page, then its quality checks. */
import type { Command } from 'commander';
import { previewText } from '../domain/drafting/preview.js';
import type { IsoDate } from '../domain/periods.js';
import { type QualityIssue, qualityChecks } from '../domain/quality.js';
import { composeReportDocument, draftSource } from '../domain/report-document.js';
import { validateContent } from '../domain/validation.js';
import { CliError } from './errors.js';
import { outlineForReport } from './outline.js';
import { parseDateOption } from './render.js';
import { readReportFile, resolveReport } from './report-file.js';

export interface PreviewResult {
  text: string;
  issues: QualityIssue[];
}

/** Reads, drafts, composes and checks a report file. */
export async function previewReportFile(
  path: string,
  today?: string,
  date?: IsoDate,
  outlineFile?: string,
): Promise<PreviewResult> {
  const json = await readReportFile(path);
  const resolved = resolveReport(json, undefined, await outlineForReport(path, json.outline, outlineFile));
  const { outline, content, unit } = resolved;
  const composed = composeReportDocument(resolved, {
    ...(today ? { today } : {}),
    ...(date ? { draftDate: date } : {}),
  });
  const doc = composed.document;
  const drafted = composed.drafted ?? draftSource(resolved);
  const issues = qualityChecks({
    outline,
    content,
    drafted,
    unit: { code: resolved.unitCode, name: unit.name },
    catalogue: resolved.catalogue,
  });
  // The content checked against its outline (types, breakdown sums, balances), then the quality checks.
  const invalid: QualityIssue[] = validateContent(outline, content).map((i) => ({
    kind: 'invalid_value',
    severity: i.severity === 'error' ? 'error' : 'warning',
    key: i.path,
    message: `${i.path}: ${i.message}`,
  }));
  return { text: previewText(doc), issues: [...invalid, ...issues] };
}

export function issueLines(issues: readonly QualityIssue[]): string[] {
  if (issues.length === 0) return ['Không phát hiện vấn đề nào.'];
  return issues.map((i) => `[${i.severity === 'error' ? 'lỗi' : 'cảnh báo'}] ${i.message}`);
}

export function registerPreview(program: Command): void {
  program
    .command('preview')
    .description(
      'In nội dung văn bản của một tệp báo cáo JSON (doingoai.report/1) và kết quả kiểm tra chất lượng',
    )
    .argument('<report.json>', 'tệp báo cáo JSON (xem docs/report-json.md)')
    .option('--today <NNNN-TT-NN>', 'ngày hôm nay, cho tháng in trên dòng ngày tháng của bản dự thảo')
    .option('--date <NN/TT/NNNN>', 'ngày dự kiến ban hành của bản dự thảo (in tháng của ngày này)')
    .option(
      '--outline <outline.json>',
      'đề cương trong tệp JSON; mặc định: đề cương có sẵn mà tệp báo cáo ghi, hoặc tệp <báo cáo>.outline.json cạnh nó',
    )
    .action(async (path: string, opts: { today?: string; date?: string; outline?: string }) => {
      if (opts.today && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) {
        throw new CliError('--today: Ngày phải có dạng NNNN-TT-NN (ví dụ 2026-06-14).', 1);
      }
      const date = opts.date ? parseDateOption(opts.date) : undefined;
      const { text, issues } = await previewReportFile(path, opts.today, date, opts.outline);
      process.stdout.write(text);
      process.stdout.write(`\n${'─'.repeat(30)} Kiểm tra chất lượng ${'─'.repeat(30)}\n`);
      process.stdout.write(`${issueLines(issues).join('\n')}\n`);
    });
}
