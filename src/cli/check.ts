/**
 * `doingoai check <file.docx>`: the layout check of Nghị định 30/2020 on any DOCX (from the system,
 * Word or LibreOffice). Exit 0 "Đạt", 1 with the list of problems, 2 when the file is not a DOCX.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import { CliError } from './errors.js';

export const EXIT_LAYOUT_PROBLEMS = 1;
export const EXIT_NOT_DOCX = 2;

/** Checks one file and prints the result; returns the exit code. */
export async function checkFile(file: string): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'không có tệp này' : code === 'EISDIR' ? 'đây là một thư mục' : 'không đọc được';
    throw new CliError(`Không kiểm tra được "${file}": ${why}.`, EXIT_NOT_DOCX);
  }
  const { checkDocx } = await import('../documents/check.js');
  let problems: Awaited<ReturnType<typeof checkDocx>>;
  try {
    problems = await checkDocx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_DOCX') {
      throw new CliError(`"${file}": ${error.message}`, EXIT_NOT_DOCX);
    }
    throw error;
  }
  if (problems.length === 0) {
    console.log(
      `Đạt: "${file}" đúng thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP) ở mọi điểm kiểm tra được.`,
    );
    return 0;
  }
  console.log(`Chưa đạt: "${file}" có ${problems.length} điểm chưa đúng thể thức (Nghị định 30/2020/NĐ-CP):`);
  for (const p of problems) console.log(`  - ${p.message} [${p.where}]`);
  return EXIT_LAYOUT_PROBLEMS;
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description(
      'Kiểm tra thể thức một tệp DOCX theo Nghị định 30/2020/NĐ-CP (khổ giấy, lề, phông, cỡ chữ, số, ngày, nơi nhận…)',
    )
    .argument('<file.docx>', 'tệp văn bản cần kiểm tra')
    .action(async (file: string) => {
      const code = await checkFile(file);
      if (code !== 0) throw new CliError('Kết quả: chưa đạt thể thức (xem các điểm ở trên).', code);
    });
}
