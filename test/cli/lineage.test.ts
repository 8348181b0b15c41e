/**
 * `doingoai units lineage import <file.csv>`: the real command on the embedded database. The lineage
 * in these files is INVENTED (codes 18565, 18571 are not communes of today's list).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { unitLineage, units } from '../../src/db/schema.js';
import { run } from '../support/process.js';

const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-lineage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DATA_DIR = path.join(dir, 'data');

const file = (name: string, lines: string[]) => {
  const p = path.join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
};

async function stored() {
  const database = await openDatabase({ dataDir: DATA_DIR });
  try {
    const [links] = await database.db.select({ n: count() }).from(unitLineage);
    const formers = await database.db
      .select({ code: units.code, active: units.active })
      .from(units)
      .where(inArray(units.code, ['18565', '18571']));
    return { links: links?.n ?? 0, formers };
  } finally {
    await database.close();
  }
}

describe('doingoai units lineage import', () => {
  it('refuses bad rows with Vietnamese errors and imports nothing, then imports a good file', async () => {
    expect((await run(['seed'], { DATA_DIR })).code).toBe(0);
    const header = 'ma_don_vi_moi,ma_don_vi_cu,ten_don_vi_cu,loai_don_vi_cu,ngay_hieu_luc';

    const badDate = await run(
      [
        'units',
        'lineage',
        'import',
        file('bad-date.csv', [
          header,
          '18562,18565,Xã Thạch Long,xã,01/07/2025',
          '18562,18571,Xã Thạch Sơn,xã,32/13/2025',
        ]),
      ],
      { DATA_DIR },
    );
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('có 1 dòng không hợp lệ; chưa nhập dòng nào');
    expect(badDate.stderr).toContain(
      'Dòng 3: ngày hiệu lực "32/13/2025" không phải là ngày (ghi dạng 01/07/2025 hoặc 2025-07-01).',
    );

    const unknown = await run(
      [
        'units',
        'lineage',
        'import',
        file('unknown.csv', [
          header,
          '18562,18565,Xã Thạch Long,xã,01/07/2025',
          '99999,18571,Xã Thạch Sơn,xã,',
        ]),
      ],
      { DATA_DIR },
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('chưa nhập dòng nào');
    expect(unknown.stderr).toContain('Dòng 3: không có đơn vị mới mã "99999" trong danh mục.');
    expect(await stored()).toEqual({ links: 0, formers: [] });

    // Semicolons, as Excel saves a CSV in Vietnamese.
    const good = await run(
      [
        'units',
        'lineage',
        'import',
        file('good.csv', [
          header.replaceAll(',', ';'),
          '18562;18562;Thị trấn Thạch Hà;thị trấn;01/07/2025',
          '18562;18565;Xã Thạch Long;xã;01/07/2025',
          '18562;18571;Xã Thạch Sơn;xã;',
        ]),
      ],
      { DATA_DIR },
    );
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(
      'Đã nhập 3 quan hệ đơn vị cho 1 đơn vị mới; thêm 2 đơn vị cũ (ngừng hoạt động).',
    );
    const after = await stored();
    expect(after.links).toBe(3);
    expect(after.formers.every((f) => !f.active)).toBe(true);
  });

  it('says when the file cannot be read', async () => {
    const missing = await run(['units', 'lineage', 'import', path.join(dir, 'khong-co.csv')], { DATA_DIR });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không đọc được tệp');
  });
});
