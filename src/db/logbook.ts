/**
 * The logbook's records (sổ theo dõi, issue 15): a unit's list of one register with filters, one
 * record, and the audited changes (create, correct with the revision it started from, delete and
 * restore). A record's content is checked only by `checkLogbookEntry`; the activity log's field
 * must be a section of the outlines the unit reports on (`activitySections`).
 *
 * Indicators computed from the records read `logbook_records` themselves (db/logbook-compute.ts);
 * imports and exports are db/logbook-import.ts.
 */
import { and, count, desc, eq, gte, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { KEEPER_LABELS, type LogbookListQuery, logbookKeeper } from '../domain/api-logbook.js';
import { canonicalCountryName } from '../domain/countries.js';
import { AppError } from '../domain/errors.js';
import {
  LOGBOOK_KINDS,
  type LogbookKind,
  type LogbookKindCode,
  logbookKind,
  personalFields,
} from '../domain/logbook/kinds.js';
import { checkLogbookEntry, type LogbookRecord } from '../domain/logbook/record.js';
import { findBuiltInOutline, numberOutline } from '../domain/outlines/index.js';
import { foldForSearch } from '../domain/text.js';
import type { UnitKind } from '../domain/units.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { outlineMetaColumns, withDefinition } from './outline-definitions.js';
import { logbookRecords, outlines, reports, units, users } from './schema.js';

/** A stored record with who last changed it and whether it is deleted. */
export interface LogbookRecordRow extends LogbookRecord {
  updatedBy: { id: number; fullName: string } | null;
  deleted: boolean;
}

/** A change named a revision that is no longer the record's: the record as it is now. */
export class LogbookConflictError extends Error {
  constructor(readonly current: LogbookRecordRow) {
    super('logbook record changed');
    this.name = 'LogbookConflictError';
  }
}

/** The unit a record belongs to, as the use cases need it. */
export interface LogbookUnit {
  id: number;
  kind: UnitKind;
}

// ---------------------------------------------------------------------------------------------
// Kinds and sections

/** The kinds a unit keeps, the activity log first (the order of kinds.ts). */
export function kindsOfUnit(unitKind: UnitKind): LogbookKind[] {
  const keeper = logbookKeeper(unitKind);
  return LOGBOOK_KINDS.filter((k) => k.keptBy.includes(keeper));
}

/** The kind, or a Vietnamese refusal when a unit of this kind does not keep it. */
export function keptKind(unitKind: UnitKind, code: string): LogbookKind {
  const kind = logbookKind(code);
  if (!kind) throw new AppError('NOT_FOUND', 'Không có sổ theo dõi này.');
  const keeper = logbookKeeper(unitKind);
  if (!kind.keptBy.includes(keeper)) {
    const keepers = kind.keptBy.map((k) => KEEPER_LABELS[k]).join(', ');
    throw new AppError(
      'BAD_REQUEST',
      `${kind.name} không thuộc các sổ của ${KEEPER_LABELS[keeper]}: sổ này do ${keepers} ghi chép.`,
    );
  }
  return kind;
}

/** The built-in outline a unit of this kind reports on. */
const BUILT_IN_OUTLINE_OF: Record<UnitKind, string> = {
  commune: 'commune-report',
  body: 'department-report',
  province: 'province-report',
  country: 'province-report',
};

/** Placeholders of section titles ("{period}", "{next}") read as words on a form. */
function plainTitle(title: string): string {
  return title.replaceAll('{period}', 'trong kỳ').replaceAll('{next}', 'kỳ tới').replace(/\s+/g, ' ').trim();
}

/**
 * The fields an activity of the unit may belong to: the sections without sub-sections of the
 * built-in outline of the unit's kind (commune-report, department-report, province-report), then
 * those of the outlines its reports use, each key once, in reading order. The calculation of a
 * report's first lines uses the same keys.
 */
export async function activitySections(
  q: Queryable,
  unitId: number,
): Promise<{ key: string; title: string }[]> {
  const [unit] = await q.select({ kind: units.kind }).from(units).where(eq(units.id, unitId));
  if (!unit) return [];
  const outlinesUsed = await q
    .selectDistinct(outlineMetaColumns)
    .from(reports)
    .innerJoin(outlines, eq(outlines.id, reports.outlineId))
    .where(eq(reports.unitId, unitId));
  const trees = [];
  const builtIn = findBuiltInOutline(BUILT_IN_OUTLINE_OF[unit.kind]);
  if (builtIn) trees.push(builtIn);
  for (const meta of outlinesUsed.sort((a, b) => a.id - b.id))
    trees.push((await withDefinition(q, meta)).definition);
  const seen = new Set<string>();
  const out: { key: string; title: string }[] = [];
  for (const tree of trees) {
    const numbered = numberOutline(tree);
    const parents = new Set(numbered.map((s) => s.parentKey));
    for (const s of numbered) {
      if (parents.has(s.key) || seen.has(s.key)) continue;
      seen.add(s.key);
      out.push({ key: s.key, title: `${s.fullNumber}. ${plainTitle(s.title)}` });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading

const updater = alias(users, 'logbook_updater');

const recordColumns = {
  id: logbookRecords.id,
  unitId: logbookRecords.unitId,
  kind: logbookRecords.kind,
  startsOn: logbookRecords.startsOn,
  endsOn: logbookRecords.endsOn,
  sectionKey: logbookRecords.sectionKey,
  data: logbookRecords.data,
  revision: logbookRecords.revision,
  createdAt: logbookRecords.createdAt,
  updatedAt: logbookRecords.updatedAt,
  deletedAt: logbookRecords.deletedAt,
  updaterId: updater.id,
  updaterName: updater.fullName,
};

type RecordSelect = {
  id: number;
  unitId: number;
  kind: LogbookKindCode;
  startsOn: string;
  endsOn: string | null;
  sectionKey: string | null;
  data: LogbookRecord['data'];
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  updaterId: number | null;
  updaterName: string | null;
};

function toRow(r: RecordSelect): LogbookRecordRow {
  return {
    id: r.id,
    unitId: r.unitId,
    kind: r.kind,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    sectionKey: r.sectionKey,
    data: r.data,
    revision: r.revision,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updaterId !== null ? { id: r.updaterId, fullName: r.updaterName ?? '' } : null,
    deleted: r.deletedAt !== null,
  };
}

function selectRecords(q: Queryable) {
  return q
    .select(recordColumns)
    .from(logbookRecords)
    .leftJoin(updater, eq(updater.id, logbookRecords.updatedBy));
}

/** One record, deleted or not; 404 when there is none. */
export async function loadLogbookRecord(q: Queryable, id: number): Promise<LogbookRecordRow> {
  const [row] = await selectRecords(q).where(eq(logbookRecords.id, id));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy bản ghi trong sổ theo dõi.');
  return toRow(row);
}

/**
 * Letters with diacritics (Vietnamese and other Latin ones, both cases) and A–Z, with what they
 * fold to: SQL `translate` folds stored text as `foldForSearch` folds the words searched for, on
 * PostgreSQL and PGlite alike (no unaccent extension needed).
 */
const FOLD_MAP = (() => {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [
    [0x41, 0x5a],
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [start, end] of ranges)
    for (let c = start; c <= end; c++) {
      const ch = String.fromCodePoint(c);
      const folded = foldForSearch(ch);
      if (folded !== ch && /^[a-z]$/.test(folded)) {
        from += ch;
        to += folded;
      }
    }
  return { from, to };
})();

/** The record's values as one folded text (keys left out, and the `hidden` fields). */
function foldedValues(hidden: string[]): SQL {
  const data = hidden.length
    ? sql`(${logbookRecords.data} - ${`{${hidden.join(',')}}`}::text[])`
    : sql`${logbookRecords.data}`;
  return sql`translate(lower((select coalesce(string_agg(v.value, ' '), '') from jsonb_each_text(${data}) v)), ${FOLD_MAP.from}, ${FOLD_MAP.to})`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The conditions of a list's filter; an unknown field of the kind is a Vietnamese refusal. Words
 * are not looked for in personal fields unless the reader may see them (`personal`): a search by a
 * name would tell who is recorded.
 */
function filterConditions(
  unitId: number,
  kind: LogbookKind,
  query: LogbookListQuery,
  personal: boolean,
): SQL[] {
  const conditions: SQL[] = [
    eq(logbookRecords.unitId, unitId),
    eq(logbookRecords.kind, kind.code),
    isNull(logbookRecords.deletedAt),
  ];
  if (query.from) conditions.push(gte(logbookRecords.startsOn, query.from));
  if (query.to) conditions.push(lte(logbookRecords.startsOn, query.to));
  const term = query.q ? foldForSearch(query.q) : '';
  if (term) {
    const hidden = personal ? [] : personalFields(kind);
    conditions.push(sql`${foldedValues(hidden)} like ${`%${escapeLike(term)}%`}`);
  }
  if (query.section) conditions.push(eq(logbookRecords.sectionKey, query.section));
  if (query.country) {
    const name = canonicalCountryName(query.country.normalize('NFC').trim());
    const parts: SQL[] = [];
    for (const f of kind.fields) {
      if (f.type === 'country') parts.push(sql`${logbookRecords.data}->>${f.key} = ${name}`);
      else if (f.type === 'countries')
        parts.push(sql`${logbookRecords.data}->${f.key} @> jsonb_build_array(${name}::text)`);
      else if (f.type === 'nationalities')
        parts.push(
          sql`${logbookRecords.data}->${f.key} @> jsonb_build_array(jsonb_build_object('country', ${name}::text))`,
        );
    }
    if (parts.length === 0)
      throw new AppError(
        'VALIDATION',
        `${kind.name} không ghi nước, vùng lãnh thổ nên không lọc theo nước được.`,
        [{ path: 'country', message: 'Sổ này không có trường nước, vùng lãnh thổ.' }],
      );
    conditions.push(sql`(${sql.join(parts, sql` or `)})`);
  }
  for (const choice of query.choice) {
    const at = choice.indexOf(':');
    const key = at > 0 ? choice.slice(0, at) : '';
    const field = kind.fields.find((f) => f.key === key && f.type === 'choice');
    const value = choice.slice(at + 1);
    if (!field?.options?.some((o) => o.value === value))
      throw new AppError('VALIDATION', 'Bộ lọc không hợp lệ với sổ này.', [
        { path: 'choice', message: `Không lọc được theo "${choice}".` },
      ]);
    conditions.push(sql`${logbookRecords.data}->>${key} = ${value}`);
  }
  return conditions;
}

/**
 * A page of a register, newest first, and the number of records in the filter. `personal`: the
 * reader is of the keeping unit (the presenter removes personal fields otherwise).
 */
export async function listLogbookRecords(
  q: Queryable,
  unitId: number,
  kind: LogbookKind,
  query: LogbookListQuery,
  personal: boolean,
): Promise<{ items: LogbookRecordRow[]; total: number }> {
  const where = and(...filterConditions(unitId, kind, query, personal));
  const [total] = await q.select({ n: count() }).from(logbookRecords).where(where);
  const rows = await selectRecords(q)
    .where(where)
    .orderBy(desc(logbookRecords.startsOn), desc(logbookRecords.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(toRow), total: total?.n ?? 0 };
}

/** Per kind the unit keeps: its records this calendar year (by `startsOn`) and in all. */
export async function logbookCounts(
  q: Queryable,
  unit: LogbookUnit,
  year: number,
): Promise<{ kind: LogbookKindCode; thisYear: number; all: number }[]> {
  const rows = await q
    .select({
      kind: logbookRecords.kind,
      all: count(),
      thisYear:
        sql<number>`count(*) filter (where ${logbookRecords.startsOn} >= ${`${year}-01-01`} and ${logbookRecords.startsOn} <= ${`${year}-12-31`})`.mapWith(
          Number,
        ),
    })
    .from(logbookRecords)
    .where(and(eq(logbookRecords.unitId, unit.id), isNull(logbookRecords.deletedAt)))
    .groupBy(logbookRecords.kind);
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return kindsOfUnit(unit.kind).map((k) => ({
    kind: k.code,
    thisYear: byKind.get(k.code)?.thisYear ?? 0,
    all: byKind.get(k.code)?.all ?? 0,
  }));
}

// ---------------------------------------------------------------------------------------------
// Changes (each in the caller's transaction, with its audit row)

/** The entry checked against its kind (and, for the activity log, the unit's sections). */
async function checkedEntry(q: Queryable, unitId: number, kind: LogbookKind, input: unknown) {
  const sections =
    kind.code === 'activity' ? new Set((await activitySections(q, unitId)).map((s) => s.key)) : undefined;
  const checked = checkLogbookEntry(kind, input, sections);
  if (!checked.ok) {
    const first = checked.errors[0]?.message ?? '';
    throw new AppError(
      'VALIDATION',
      checked.errors.length === 1
        ? `Bản ghi chưa lưu được: ${first}`
        : `Bản ghi chưa lưu được: ${checked.errors.length} trường chưa hợp lệ (${first}…).`,
      checked.errors,
    );
  }
  return checked.entry;
}

/** What the audit keeps of a record: its dates, field and data. */
function auditOf(r: { startsOn: string; endsOn?: string | null; sectionKey?: string | null; data: unknown }) {
  return { startsOn: r.startsOn, endsOn: r.endsOn ?? null, sectionKey: r.sectionKey ?? null, data: r.data };
}

export async function createLogbookRecord(
  q: Queryable,
  actor: AuditActor,
  unit: LogbookUnit,
  kindCode: string,
  input: unknown,
): Promise<LogbookRecordRow> {
  const kind = keptKind(unit.kind, kindCode);
  const entry = await checkedEntry(q, unit.id, kind, input);
  const [row] = await q
    .insert(logbookRecords)
    .values({
      unitId: unit.id,
      kind: kind.code,
      startsOn: entry.startsOn,
      endsOn: entry.endsOn ?? null,
      sectionKey: entry.sectionKey ?? null,
      data: entry.data,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .returning({ id: logbookRecords.id });
  if (!row) throw new Error('insert returned no row');
  await writeAudit(q, actor, {
    action: 'logbook.create',
    entity: 'logbook_record',
    entityId: row.id,
    unitId: unit.id,
    after: { kind: kind.code, ...auditOf(entry) },
  });
  return loadLogbookRecord(q, row.id);
}

/** The record locked for a change; 404 when deleted, the conflict when its revision moved on. */
async function lockedForChange(
  q: Queryable,
  id: number,
  revision: number,
  wantDeleted: boolean,
): Promise<LogbookRecordRow> {
  await q.execute(sql`select 1 from ${logbookRecords} where ${logbookRecords.id} = ${id} for update`);
  const current = await loadLogbookRecord(q, id);
  if (current.revision !== revision) throw new LogbookConflictError(current);
  if (current.deleted !== wantDeleted)
    throw new AppError(
      wantDeleted ? 'CONFLICT' : 'NOT_FOUND',
      wantDeleted ? 'Bản ghi này chưa bị xóa.' : 'Bản ghi này đã bị xóa khỏi sổ theo dõi.',
    );
  return current;
}

export async function updateLogbookRecord(
  q: Queryable,
  actor: AuditActor,
  unit: LogbookUnit,
  id: number,
  revision: number,
  input: unknown,
): Promise<LogbookRecordRow> {
  const before = await lockedForChange(q, id, revision, false);
  const kind = keptKind(unit.kind, before.kind);
  const entry = await checkedEntry(q, unit.id, kind, input);
  await q
    .update(logbookRecords)
    .set({
      startsOn: entry.startsOn,
      endsOn: entry.endsOn ?? null,
      sectionKey: entry.sectionKey ?? null,
      data: entry.data,
      revision: sql`${logbookRecords.revision} + 1`,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    })
    .where(eq(logbookRecords.id, id));
  await writeAudit(q, actor, {
    action: 'logbook.update',
    entity: 'logbook_record',
    entityId: id,
    unitId: unit.id,
    before: { kind: before.kind, ...auditOf(before) },
    after: { kind: before.kind, ...auditOf(entry) },
  });
  return loadLogbookRecord(q, id);
}

/** Deletion keeps the row (`deleted_at`): an issued report's figures still name it; restorable. */
export async function deleteLogbookRecord(
  q: Queryable,
  actor: AuditActor,
  unit: LogbookUnit,
  id: number,
  revision: number,
): Promise<LogbookRecordRow> {
  const before = await lockedForChange(q, id, revision, false);
  await q
    .update(logbookRecords)
    .set({
      deletedAt: new Date(),
      revision: sql`${logbookRecords.revision} + 1`,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    })
    .where(eq(logbookRecords.id, id));
  await writeAudit(q, actor, {
    action: 'logbook.delete',
    entity: 'logbook_record',
    entityId: id,
    unitId: unit.id,
    before: { kind: before.kind, ...auditOf(before) },
  });
  return loadLogbookRecord(q, id);
}

export async function restoreLogbookRecord(
  q: Queryable,
  actor: AuditActor,
  unit: LogbookUnit,
  id: number,
  revision: number,
): Promise<LogbookRecordRow> {
  const before = await lockedForChange(q, id, revision, true);
  keptKind(unit.kind, before.kind);
  await q
    .update(logbookRecords)
    .set({
      deletedAt: null,
      revision: sql`${logbookRecords.revision} + 1`,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    })
    .where(eq(logbookRecords.id, id));
  await writeAudit(q, actor, {
    action: 'logbook.restore',
    entity: 'logbook_record',
    entityId: id,
    unitId: unit.id,
    after: { kind: before.kind, ...auditOf(before) },
  });
  return loadLogbookRecord(q, id);
}
