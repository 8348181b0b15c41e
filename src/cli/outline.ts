/**
 * `doingoai outline parse <file> -o outline.json`: a province's đề cương (DOCX, PDF or text) made
 * into an outline JSON file, headings as written, numbered in the province's scheme, with the
 * indicators the catalogue proposes (listed on the terminal: remove any from the file before use).
 * The file renders a report with `doingoai render report.json --outline outline.json`.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import { DOCUMENT_KINDS, type DocumentKind, type Outline } from '../domain/outline.js';
import { outlineFromParsed } from '../domain/outlines/from-text.js';
import { findBuiltInOutline } from '../domain/outlines/index.js';
import { parseOutlineText } from '../domain/outlines/parse.js';
import { OUTLINE_CODE_PATTERN, validateOutline } from '../domain/outlines/schema.js';
import { asciiSlug } from '../domain/text.js';
import { CliError } from './errors.js';
import { writeAtomically } from './render.js';

async function readBytes(file: string): Promise<Uint8Array> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new CliError(`Không tìm thấy tệp ${file}.`, 1);
  if (info.isDirectory()) throw new CliError(`${file} là một thư mục, không phải tệp.`, 1);
  return new Uint8Array(await readFile(file));
}

/** `examples/000-x.json` → `examples/000-x.outline.json`: where a report file's own outline sits. */
export function outlineBeside(reportFile: string): string {
  return `${reportFile.replace(/\.json$/i, '')}.outline.json`;
}

/**
 * The outline a report file is drafted on: `explicit` (`--outline`) when given; else the built-in
 * outline it names; else the outline file beside it (`<report>.outline.json`), which must carry
 * the code and version the report names. Undefined when none is found (the caller names the
 * built-in outlines in its refusal).
 */
export async function outlineForReport(
  reportFile: string,
  named: { code: string; version?: number | undefined },
  explicit?: string,
): Promise<Outline | undefined> {
  if (explicit) return readOutlineFile(explicit);
  if (findBuiltInOutline(named.code, named.version)) return undefined;
  const beside = outlineBeside(reportFile);
  if (!(await stat(beside).catch(() => null))) return undefined;
  const outline = await readOutlineFile(beside);
  if (outline.code !== named.code || (named.version !== undefined && outline.version !== named.version)) {
    throw new CliError(
      `${beside}: đề cương này là "${outline.code}" phiên bản ${outline.version}, còn tệp báo cáo ghi đề cương "${named.code}"${named.version === undefined ? '' : ` phiên bản ${named.version}`}.`,
      1,
    );
  }
  return outline;
}

/** Reads and validates an outline JSON file (as `outline parse` writes it). */
export async function readOutlineFile(file: string): Promise<Outline> {
  const text = new TextDecoder().decode(await readBytes(file));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(`${file}: tệp đề cương không đúng định dạng JSON.`, 1);
  }
  const checked = validateOutline(json);
  if (!checked.ok) {
    throw new CliError(
      [`${file}: đề cương chưa hợp lệ:`, ...checked.errors.map((e) => `  - ${e.path}: ${e.message}`)].join(
        '\n',
      ),
      1,
    );
  }
  return checked.outline;
}

export interface ParseOptions {
  output?: string;
  code?: string;
  name?: string;
  kind?: string;
}

/** "De-cuong-Ha-Tinh.docx" → "de-cuong-ha-tinh". */
function codeFromFile(file: string): string {
  const slug = asciiSlug(path.basename(file).replace(/\.[^.]+$/, '')).toLowerCase();
  const code = /^[a-z]/.test(slug) ? slug : `de-cuong-${slug}`;
  return OUTLINE_CODE_PATTERN.test(code) ? code.slice(0, 60).replace(/-$/, '') : 'de-cuong';
}

export async function parseOutlineFile(file: string, options: ParseOptions): Promise<void> {
  const bytes = await readBytes(file);
  const { outlineTextFromFile } = await import('../documents/outline-source.js');
  let text: string;
  try {
    text = await outlineTextFromFile(path.basename(file), bytes);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message, 1);
    throw error;
  }
  const parsed = parseOutlineText(text);
  if (!parsed.ok) {
    throw new CliError(
      [`${file}: chưa tạo được đề cương:`, ...parsed.problems.map((p) => `  - ${p.message}`)].join('\n'),
      1,
    );
  }
  const kind = (options.kind ?? 'report') as DocumentKind;
  if (!DOCUMENT_KINDS.includes(kind)) {
    throw new CliError(`--kind phải là một trong: ${DOCUMENT_KINDS.join(', ')}.`, 1);
  }
  const { outline, proposals } = outlineFromParsed(parsed.parsed, {
    code: options.code ?? codeFromFile(file),
    name: options.name ?? `Đề cương ${path.basename(file).replace(/\.[^.]+$/, '')}`,
    documentKind: kind,
  });
  const checked = validateOutline(outline);
  if (!checked.ok) {
    throw new CliError(
      [`${file}: đề cương chưa hợp lệ:`, ...checked.errors.map((e) => `  - ${e.message}`)].join('\n'),
      1,
    );
  }
  const output = options.output ?? `${file.replace(/\.[^.]+$/, '')}.outline.json`;
  await writeAtomically(output, new TextEncoder().encode(`${JSON.stringify(checked.outline, null, 2)}\n`));
  const count = (nodes: readonly { kind: string; children?: unknown }[]): number =>
    nodes.reduce(
      (n, node) => n + (node.kind === 'section' ? 1 + count((node.children ?? []) as { kind: string }[]) : 0),
      0,
    );
  console.log(
    `Đã ghi ${output}: ${count(checked.outline.sections)} mục, đánh số ${checked.outline.numbering?.join(' / ')}, ${proposals.length} chỉ tiêu đề xuất.`,
  );
  for (const p of proposals) console.log(`  ${p.sectionKey}: ${p.code} (${p.label}) — khớp "${p.matched}"`);
}

export function registerOutlineCommands(program: Command): void {
  const outline = program.command('outline').description('Đề cương báo cáo');
  outline
    .command('parse')
    .description('Tạo đề cương JSON từ văn bản đề cương của tỉnh (DOCX, PDF hoặc .txt)')
    .argument('<file>', 'tệp đề cương (.docx, .pdf, .txt)')
    .option('-o, --output <outline.json>', 'tệp JSON kết quả (mặc định: <tệp>.outline.json)')
    .option('--code <code>', 'mã đề cương (chữ thường không dấu, gạch ngang)')
    .option('--name <name>', 'tên đề cương')
    .option('--kind <kind>', 'loại văn bản: report (báo cáo) hoặc plan (kế hoạch)', 'report')
    .action(async (file: string, opts: ParseOptions) => parseOutlineFile(file, opts));
}
