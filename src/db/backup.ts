/**
 * Backup and restore of the whole database, the same archive for PGlite and PostgreSQL
 * (docs/decisions/0004-backup.md).
 *
 * A backup is a ZIP archive: `manifest.json` (format version, app version, the migrations applied,
 * each table's row count, content checksum and file checksum, the sequences) and one JSON-lines
 * file per table. It is read in ONE `REPEATABLE READ READ ONLY` transaction, so it is a consistent
 * snapshot while the server keeps serving. PostgreSQL itself turns each row into JSON
 * (`row_to_json`) and back (`json_populate_recordset`), so every type round-trips exactly.
 *
 * A restore checks the archive completely before touching the database, then in ONE transaction:
 * drops the app's tables (only with `force` when they hold data), recreates the schema from the
 * migrations the archive was made with, loads every row, re-adds the foreign keys (checked again),
 * sets the sequences and compares each table's checksum with the manifest. Any difference rolls
 * everything back: a database is never left half restored. Newer migrations then run as at start.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import { MIGRATIONS_DIR, ROOT } from '../paths.js';
import type { Database, Db, Queryable } from './client.js';

export const BACKUP_FORMAT = 'doingoai-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** The schemas a backup holds: the app's tables and drizzle's migration journal. */
const APP_SCHEMA = 'public';
const JOURNAL_SCHEMA = 'drizzle';
const JOURNAL_TABLE = '__drizzle_migrations';
const FETCH_ROWS = 2000;
/** Rows per INSERT on restore, and at most this many characters of JSON. */
const INSERT_ROWS = 1000;
const INSERT_CHARS = 4_000_000;

/** A clear Vietnamese message for the operator: a bad archive, a database that is not empty. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const tableEntry = z.object({
  schema: z.string(),
  name: z.string(),
  file: z.string(),
  rows: z.number().int().min(0),
  /** md5 of the table's rows as text, in primary-key order (see tableChecksum). */
  md5: z.string().regex(/^[0-9a-f]{32}$/),
  /** sha256 of the file in the archive. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  appVersion: z.string(),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
  migrations: z.object({ count: z.number().int().min(0), lastHash: z.string().nullable() }),
  tables: z.array(tableEntry),
  sequences: z.array(
    z.object({ schema: z.string(), name: z.string(), value: z.string().nullable(), isCalled: z.boolean() }),
  ),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupTable = z.infer<typeof tableEntry>;

export interface BackupArchive {
  manifest: BackupManifest;
  /** Each table's rows: one JSON object per line. */
  files: Map<string, string>;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  migrationsAfter: number;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const qualified = (schema: string, name: string) => `${ident(schema)}.${ident(name)}`;
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

type Row = Record<string, unknown>;
async function rows(q: Queryable, query: SQL): Promise<Row[]> {
  const result = (await q.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

export function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The text output of values must not depend on the server's settings (time zone above all). */
async function fixOutputSettings(q: Queryable): Promise<void> {
  await q.execute(sql.raw(`SET LOCAL TimeZone = 'UTC'`));
  await q.execute(sql.raw(`SET LOCAL DateStyle = 'ISO, YMD'`));
  await q.execute(sql.raw(`SET LOCAL IntervalStyle = 'postgres'`));
  await q.execute(sql.raw('SET LOCAL extra_float_digits = 1'));
}

interface TableRef {
  schema: string;
  name: string;
}

/** The app's tables (every base table of the public schema) and the migration journal, if any. */
async function listTables(q: Queryable): Promise<TableRef[]> {
  const found = await rows(
    q,
    sql`SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE'
          AND (table_schema = ${APP_SCHEMA} OR (table_schema = ${JOURNAL_SCHEMA} AND table_name = ${JOURNAL_TABLE}))
        ORDER BY table_schema, table_name`,
  );
  return found.map((r) => ({ schema: String(r.schema), name: String(r.name) }));
}

/** ORDER BY of a table: its primary key, or the whole row as text (C collation) when it has none. */
async function orderOf(q: Queryable, table: TableRef): Promise<string> {
  const pk = await rows(
    q,
    sql`SELECT a.attname AS name FROM pg_index i
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = ${qualified(table.schema, table.name)}::regclass AND i.indisprimary
        ORDER BY array_position(i.indkey::int2[], a.attnum)`,
  );
  if (pk.length === 0) return `t::text COLLATE "C"`;
  return pk.map((r) => `t.${ident(String(r.name))}`).join(', ');
}

/**
 * The checksum of a table's content: md5 of its rows' text, in primary-key order. The same on
 * PGlite and PostgreSQL once the output settings are fixed (fixOutputSettings).
 */
export async function tableChecksum(q: Queryable, table: TableRef): Promise<{ rows: number; md5: string }> {
  const order = await orderOf(q, table);
  const [row] = await rows(
    q,
    sql.raw(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${order}), '')) AS md5
       FROM ${qualified(table.schema, table.name)} t`,
    ),
  );
  return { rows: Number(row?.n ?? 0), md5: String(row?.md5 ?? '') };
}

/** Checksums of every table, in one consistent read (tests and `restore` compare them). */
export async function databaseChecksums(db: Db): Promise<Record<string, { rows: number; md5: string }>> {
  return db.transaction(
    async (tx) => {
      await fixOutputSettings(tx);
      const result: Record<string, { rows: number; md5: string }> = {};
      for (const table of await listTables(tx)) {
        result[`${table.schema}.${table.name}`] = await tableChecksum(tx, table);
      }
      return result;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export async function sequenceValues(q: Queryable): Promise<BackupManifest['sequences']> {
  const found = await rows(
    q,
    sql`SELECT schemaname AS schema, sequencename AS name FROM pg_sequences
        WHERE schemaname IN (${APP_SCHEMA}, ${JOURNAL_SCHEMA}) ORDER BY schemaname, sequencename`,
  );
  const result: BackupManifest['sequences'] = [];
  for (const s of found) {
    const schema = String(s.schema);
    const name = String(s.name);
    const [state] = await rows(
      q,
      sql.raw(`SELECT last_value::text AS value, is_called FROM ${qualified(schema, name)}`),
    );
    result.push({
      schema,
      name,
      value: state ? String(state.value) : null,
      isCalled: state?.is_called === true,
    });
  }
  return result;
}

/** A consistent backup of the database as a ZIP archive (see the top of this file). */
export async function createBackup(database: Pick<Database, 'db' | 'kind'>): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const manifest = await database.db.transaction(
    async (tx) => {
      await fixOutputSettings(tx);
      const tables: BackupTable[] = [];
      for (const table of await listTables(tx)) {
        const order = await orderOf(tx, table);
        const lines: string[] = [];
        await tx.execute(
          sql.raw(
            `DECLARE doingoai_backup NO SCROLL CURSOR FOR
             SELECT row_to_json(t)::text AS j FROM ${qualified(table.schema, table.name)} t ORDER BY ${order}`,
          ),
        );
        for (;;) {
          const batch = await rows(tx, sql.raw(`FETCH ${FETCH_ROWS} FROM doingoai_backup`));
          for (const r of batch) lines.push(String(r.j));
          if (batch.length < FETCH_ROWS) break;
        }
        await tx.execute(sql.raw('CLOSE doingoai_backup'));
        const file = `tables/${table.schema}.${table.name}.jsonl`;
        const bytes = strToU8(lines.length > 0 ? `${lines.join('\n')}\n` : '');
        files[file] = bytes;
        const check = await tableChecksum(tx, table);
        if (check.rows !== lines.length) throw new Error(`backup: ${table.name} changed while read`);
        tables.push({ ...table, file, rows: check.rows, md5: check.md5, sha256: sha256(bytes) });
      }
      const journal = tables.some((t) => t.schema === JOURNAL_SCHEMA)
        ? await rows(
            tx,
            sql.raw(
              `SELECT hash FROM ${qualified(JOURNAL_SCHEMA, JOURNAL_TABLE)} ORDER BY created_at DESC, id DESC`,
            ),
          )
        : [];
      const result: BackupManifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: appVersion(),
        createdAt: new Date().toISOString(),
        source: database.kind,
        migrations: { count: journal.length, lastHash: journal[0] ? String(journal[0].hash) : null },
        tables,
        sequences: await sequenceValues(tx),
      };
      return result;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  files['manifest.json'] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  return zipSync(files, { level: 6 });
}

const NOT_A_BACKUP = 'Tệp này không phải bản sao lưu doingoai (không đọc được nội dung nén).';

/** Reads and verifies an archive completely (format, checksums of every file) without a database. */
export function readBackup(bytes: Uint8Array): BackupArchive {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new BackupError(NOT_A_BACKUP);
  }
  const rawManifest = entries['manifest.json'];
  if (!rawManifest) throw new BackupError('Tệp này không phải bản sao lưu doingoai (thiếu manifest.json).');
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(strFromU8(rawManifest));
  } catch {
    throw new BackupError('Bản sao lưu bị hỏng: manifest.json không đọc được.');
  }
  const formatOnly = z
    .object({ format: z.literal(BACKUP_FORMAT), formatVersion: z.number() })
    .safeParse(parsedJson);
  if (!formatOnly.success) {
    throw new BackupError('Tệp này không phải bản sao lưu doingoai (manifest.json không đúng định dạng).');
  }
  if (formatOnly.data.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `Bản sao lưu có định dạng phiên bản ${formatOnly.data.formatVersion}, mới hơn phiên bản doingoai này ` +
        `đọc được (${BACKUP_FORMAT_VERSION}). Hãy cập nhật doingoai rồi khôi phục lại.`,
    );
  }
  const parsed = manifestSchema.safeParse(parsedJson);
  if (!parsed.success) throw new BackupError('Bản sao lưu bị hỏng: manifest.json thiếu thông tin.');
  const manifest = parsed.data;
  const files = new Map<string, string>();
  for (const table of manifest.tables) {
    const data = entries[table.file];
    if (!data) throw new BackupError(`Bản sao lưu bị hỏng: thiếu dữ liệu bảng ${table.name}.`);
    if (sha256(data) !== table.sha256) {
      throw new BackupError(`Bản sao lưu bị hỏng: dữ liệu bảng ${table.name} không khớp mã kiểm tra.`);
    }
    const text = strFromU8(data);
    const lines = text === '' ? 0 : text.split('\n').length - 1;
    if (lines !== table.rows) {
      throw new BackupError(`Bản sao lưu bị hỏng: số dòng của bảng ${table.name} không khớp.`);
    }
    files.set(table.file, text);
  }
  return { manifest, files };
}

/**
 * The migrations of this version of the app that the archive was made with. Refuses an archive
 * made by a newer version (a migration this version does not know).
 */
function migrationsOf(archive: BackupArchive) {
  const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
  const journal = archive.manifest.tables.find(
    (t) => t.schema === JOURNAL_SCHEMA && t.name === JOURNAL_TABLE,
  );
  const applied = journal
    ? (archive.files.get(journal.file) ?? '')
        .split('\n')
        .filter(Boolean)
        .map((line) => String((JSON.parse(line) as { hash?: unknown }).hash))
    : [];
  const prefix = known.slice(0, applied.length);
  const matches = applied.length <= known.length && prefix.every((m, i) => m.hash === applied[i]);
  if (!matches) {
    throw new BackupError(
      `Bản sao lưu được tạo bởi phiên bản doingoai mới hơn (phiên bản ${archive.manifest.appVersion}, ` +
        `${applied.length} bản cập nhật cấu trúc CSDL; phiên bản này biết ${known.length}). ` +
        'Hãy cập nhật doingoai lên phiên bản đó hoặc mới hơn rồi khôi phục lại.',
    );
  }
  return prefix;
}

/** Rows in the app's tables: 0 for a new database (or one only migrated). */
async function appRowCount(q: Queryable): Promise<number> {
  let total = 0;
  for (const table of await listTables(q)) {
    if (table.schema !== APP_SCHEMA) continue;
    const [row] = await rows(
      q,
      sql.raw(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${qualified(table.schema, table.name)} LIMIT 1) x`,
      ),
    );
    total += Number(row?.n ?? 0);
  }
  return total;
}

async function loadTable(q: Queryable, table: BackupTable, text: string): Promise<void> {
  const lines = text.split('\n').filter(Boolean);
  const target = qualified(table.schema, table.name);
  let start = 0;
  while (start < lines.length) {
    let end = start;
    let chars = 0;
    while (end < lines.length && end - start < INSERT_ROWS && chars < INSERT_CHARS) {
      chars += (lines[end] ?? '').length;
      end += 1;
    }
    const json = `[${lines.slice(start, end).join(',')}]`;
    await q.execute(
      sql`INSERT INTO ${sql.raw(target)} OVERRIDING SYSTEM VALUE
          SELECT * FROM json_populate_recordset(NULL::${sql.raw(target)}, ${json}::json)`,
    );
    start = end;
  }
}

/** Restores an archive read by readBackup into the database (see the top of this file). */
export async function restoreBackup(
  database: Pick<Database, 'db' | 'migrate'>,
  archive: BackupArchive,
  options: { force: boolean },
): Promise<RestoreSummary> {
  const migrations = migrationsOf(archive);
  const { manifest } = archive;
  await database.db.transaction(async (tx) => {
    await fixOutputSettings(tx);
    const existing = await listTables(tx);
    if (!options.force && (await appRowCount(tx)) > 0) {
      throw new BackupError(
        'Cơ sở dữ liệu đích đã có dữ liệu. Khôi phục sẽ xóa toàn bộ dữ liệu hiện có; ' +
          'nếu chắc chắn, hãy chạy lại với --force.',
      );
    }
    for (const table of existing) {
      await tx.execute(sql.raw(`DROP TABLE IF EXISTS ${qualified(table.schema, table.name)} CASCADE`));
    }
    // The schema as it was when the backup was made: the same migrations, in order.
    await tx.execute(sql.raw(`CREATE SCHEMA IF NOT EXISTS ${ident(JOURNAL_SCHEMA)}`));
    await tx.execute(
      sql.raw(
        `CREATE TABLE ${qualified(JOURNAL_SCHEMA, JOURNAL_TABLE)} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`,
      ),
    );
    for (const migration of migrations) {
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
    }
    // Foreign keys off while loading (rows reference each other in cycles), checked again after.
    const foreignKeys = await rows(
      tx,
      sql`SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
          FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
          WHERE c.contype = 'f' AND n.nspname = ${APP_SCHEMA}`,
    );
    for (const fk of foreignKeys) {
      await tx.execute(sql.raw(`ALTER TABLE ${String(fk.tbl)} DROP CONSTRAINT ${ident(String(fk.name))}`));
    }
    for (const table of manifest.tables) {
      // Rows a migration may have inserted are in the archive too: the archive's rows only.
      await tx.execute(sql.raw(`DELETE FROM ${qualified(table.schema, table.name)}`));
      await loadTable(tx, table, archive.files.get(table.file) ?? '');
    }
    for (const fk of foreignKeys) {
      await tx.execute(
        sql.raw(`ALTER TABLE ${String(fk.tbl)} ADD CONSTRAINT ${ident(String(fk.name))} ${String(fk.def)}`),
      );
    }
    for (const s of manifest.sequences) {
      const name = qualified(s.schema, s.name);
      if (s.value === null) continue;
      await tx.execute(sql`SELECT setval(${name}::regclass, ${s.value}::bigint, ${s.isCalled})`);
    }
    for (const table of manifest.tables) {
      const check = await tableChecksum(tx, table);
      if (check.rows !== table.rows || check.md5 !== table.md5) {
        throw new BackupError(
          `Khôi phục không khớp bản sao lưu ở bảng ${table.name} (${check.rows}/${table.rows} dòng); ` +
            'đã hủy, cơ sở dữ liệu không thay đổi.',
        );
      }
    }
  });
  // Migrations newer than the backup, as at every start.
  const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
  await database.migrate();
  return {
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
    migrationsAfter: known.length - migrations.length,
  };
}
