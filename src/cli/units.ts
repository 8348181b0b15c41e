/** `doingoai units lineage import <file.csv>`: which former communes became which new one (docs/operations.md). */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { CLI_ACTOR } from '../db/audit.js';
import { importLineage } from '../db/lineage.js';
import { AppError } from '../domain/errors.js';
import { checkLineageRows } from '../domain/lineage.js';
import type { Config } from '../server/config.js';
import { openConfiguredDatabase } from './database.js';
import { CliError } from './errors.js';

/** The cells of a CSV file: comma or semicolon separated (Excel in Vietnamese saves with ";"). */
export function readLineageCsv(text: string): string[][] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  try {
    return parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Tệp không đọc được theo dạng CSV: ${reason}`, 2);
  }
}

async function importFile(config: () => Config, file: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliError(`Không đọc được tệp ${file}. Hãy kiểm tra đường dẫn và quyền đọc tệp.`, 2);
  }
  const { rows, errors } = checkLineageRows(readLineageCsv(text));
  if (errors.length) {
    throw new CliError(
      [
        `Tệp ${file} có ${errors.length} dòng không hợp lệ; chưa nhập dòng nào:`,
        ...errors.map((e) => `  - ${e.message}`),
      ].join('\n'),
      2,
    );
  }
  if (rows.length === 0) throw new CliError(`Tệp ${file} không có dòng dữ liệu nào.`, 2);
  const database = await openConfiguredDatabase(config());
  try {
    await database.migrate();
    const result = await database.db.transaction((tx) => importLineage(tx, CLI_ACTOR, rows));
    console.log(
      `Đã nhập ${result.links} quan hệ đơn vị cho ${result.successors} đơn vị mới; thêm ${result.formersCreated} đơn vị cũ (ngừng hoạt động).`,
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION') {
      throw new CliError(
        [`Tệp ${file}: chưa nhập dòng nào.`, ...(error.fields ?? []).map((f) => `  - ${f.message}`)].join(
          '\n',
        ),
        2,
      );
    }
    throw error;
  } finally {
    await database.close();
  }
}

export function registerUnitCommands(program: Command, config: () => Config): void {
  const unitsCommand = program.command('units').description('Danh mục đơn vị');
  const lineage = unitsCommand
    .command('lineage')
    .description('Quan hệ đơn vị trước và sau sắp xếp (đơn vị cũ hợp thành đơn vị mới)');
  lineage
    .command('import')
    .description(
      'Nhập tệp CSV: mã đơn vị mới, mã đơn vị cũ, tên đơn vị cũ, loại đơn vị cũ (xã, phường, thị trấn), ngày hiệu lực (mặc định 01/07/2025)',
    )
    .argument('<file.csv>', 'tệp CSV (UTF-8, phân cách bằng dấu phẩy hoặc chấm phẩy)')
    .action(async (file: string) => importFile(config, file));
}
