/**
 * `doingoai render <report.json> -o <file.docx> [--pdf]`: a report file composed into its official
 * document and written as DOCX (and PDF). Files are written atomically: a temporary file in the same
 * folder, then a rename, so an error never leaves a half-written document behind.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { OfficialDocument } from '../domain/document.js';
import { AppError } from '../domain/errors.js';
import { notation } from '../domain/numbering.js';
import type { Outline } from '../domain/outline.js';
import { type IsoDate, isIsoDate, todayInVietnam } from '../domain/periods.js';
import { composeReportDocument } from '../domain/report-document.js';
import type { ReportJson } from '../domain/report-json.js';
import { signerProblem } from '../domain/units.js';
import { CliError } from './errors.js';
import { outlineForReport } from './outline.js';
import { readReportFile, resolveReport } from './report-file.js';

/** Exit code when the DOCX was written but the PDF could not be (LibreOffice missing or failing). */
export const EXIT_PDF_UNAVAILABLE = 3;

/** An issued document (with a number) needs its date and a signer with full authority. */
export function checkIssuedFields(json: ReportJson): void {
  const doc = json.document;
  const signer = doc.signer;
  if (doc.number != null) {
    const label = notation(doc.number, `${json.outline.code === 'annual-plan' ? 'KH' : 'BC'}-…`);
    if (!doc.issuedOn) {
      throw new CliError(`document.issuedOn: Văn bản đã có số (${label}) phải có ngày ban hành.`, 1);
    }
    if (!signer) {
      throw new CliError(
        `document.signer: Văn bản đã có số (${label}) phải có người ký (họ tên, chức vụ, thẩm quyền). Bản dự thảo (không có số) mới được để trống người ký.`,
        1,
      );
    }
  }
  if (signer) {
    const problem = signerProblem({
      fullName: signer.fullName,
      title: signer.title,
      authority: signer.authority,
      authorityOf: signer.authorityOf ?? null,
      collective: signer.collective ?? null,
    });
    if (problem) throw new CliError(`document.signer: ${problem}`, 1);
  }
}

/** Writes `bytes` to `target` through a temporary file in the same folder and a rename. */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory())
    throw new CliError(`Không có thư mục ${dir} để ghi tệp ${path.basename(target)}.`, 1);
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Không ghi được tệp ${target}: ${reason}`, 1);
  }
}

export interface RenderOptions {
  output?: string;
  pdf?: boolean;
  /** `--date dd/mm/yyyy`: the day the draft is meant to be issued (its month prints). */
  date?: string;
  /** An outline JSON file (doingoai outline parse) to render on instead of the built-in outline. */
  outline?: string;
}

/**
 * "14/6/2026" or "14/06/2026" → "2026-06-14": the `--date` of the commands, as Vietnamese write a
 * date. A refusal says what is expected.
 */
export function parseDateOption(text: string): IsoDate {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  const iso = match
    ? `${match[3]}-${(match[2] ?? '').padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`
    : '';
  if (!match || !isIsoDate(iso)) {
    throw new CliError(
      `--date: "${text}" không phải là một ngày có thật; hãy ghi theo dạng NN/TT/NNNN (ví dụ 14/06/2026).`,
      1,
    );
  }
  return iso;
}

/**
 * A report file composed into its official document, on its built-in outline or on `outline`. An
 * issued one prints its own date; a draft prints the month of `date` when given (its intended
 * issue), else of its intended issue from `today` (today once the period has ended, else the
 * period's end).
 */
export function composeFromFile(
  json: ReportJson,
  today: string = todayInVietnam(),
  date?: IsoDate,
  outline?: Outline,
): OfficialDocument {
  return composeReportDocument(resolveReport(json, undefined, outline), {
    today,
    ...(date ? { draftDate: date } : {}),
  }).document;
}

export async function renderReportFile(file: string, options: RenderOptions): Promise<void> {
  const json = await readReportFile(file);
  checkIssuedFields(json);
  const outline = await outlineForReport(file, json.outline, options.outline);
  const doc = composeFromFile(
    json,
    todayInVietnam(),
    options.date ? parseDateOption(options.date) : undefined,
    outline,
  );
  const output = options.output ?? `${file.replace(/\.json$/i, '')}.docx`;
  if (!/\.docx$/i.test(output)) throw new CliError(`Tệp kết quả phải có đuôi .docx: ${output}`, 1);

  const [{ renderDocx }, { checkDocx }] = await Promise.all([
    import('../documents/docx.js'),
    import('../documents/check.js'),
  ]);
  const bytes = await renderDocx(doc);
  const problems = await checkDocx(bytes);
  await writeAtomically(output, bytes);
  console.log(
    `Đã ghi ${output} (${doc.number === null ? 'bản dự thảo, chưa có số' : `số ${notation(doc.number, doc.symbol)}`}).`,
  );
  if (problems.length > 0) {
    console.error(`Thể thức chưa đạt (${problems.length} điểm):`);
    for (const p of problems) console.error(`  - ${p.message}`);
  }
  if (!options.pdf) return;

  const pdfPath = output.replace(/\.docx$/i, '.pdf');
  try {
    const { convertToPdf } = await import('../documents/pdf.js');
    await writeAtomically(pdfPath, await convertToPdf(bytes));
  } catch (error) {
    if (error instanceof AppError) {
      throw new CliError(`${error.message}\nTệp DOCX đã được ghi: ${output}`, EXIT_PDF_UNAVAILABLE);
    }
    throw error;
  }
  console.log(`Đã ghi ${pdfPath}.`);
}

export function registerRenderCommand(program: Command): void {
  program
    .command('render')
    .description(
      'Dựng văn bản DOCX (và PDF) theo Nghị định 30/2020 từ một tệp báo cáo JSON (doingoai.report/1)',
    )
    .argument('<report.json>', 'tệp báo cáo JSON')
    .option('-o, --output <file.docx>', 'tệp DOCX kết quả (mặc định: cùng tên tệp JSON, đuôi .docx)')
    .option('--pdf', 'ghi thêm tệp PDF cạnh tệp DOCX (cần LibreOffice)')
    .option(
      '--date <NN/TT/NNNN>',
      'ngày dự kiến ban hành của bản dự thảo (in tháng của ngày này trên dòng ngày tháng); mặc định: hôm nay nếu kỳ báo cáo đã kết thúc, nếu chưa thì ngày cuối kỳ',
    )
    .option(
      '--outline <outline.json>',
      'dựng theo đề cương trong tệp JSON (tạo bằng "doingoai outline parse"); mặc định: đề cương có sẵn mà tệp báo cáo ghi, hoặc tệp <báo cáo>.outline.json cạnh nó',
    )
    .action(async (file: string, opts: RenderOptions) => renderReportFile(file, opts));
}
