/**
 * Logbook records for tests, inserted directly in `logbook_records` (the records' CRUD is the
 * core logbook work): each is checked by the one validation (`checkLogbookEntry`) first, so a test
 * never holds a record the application would refuse.
 */
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../src/db/client.js';
import { logbookRecords } from '../../src/db/schema.js';
import type { LogbookKindCode } from '../../src/domain/logbook/kinds.js';
import { checkLogbookEntry, type LogbookData } from '../../src/domain/logbook/record.js';

export interface RecordSpec {
  kind: LogbookKindCode;
  startsOn: string;
  endsOn?: string | null;
  sectionKey?: string | null;
  data: LogbookData;
}

/** Inserts records of a unit; answers their ids in order. */
export async function insertRecords(
  q: Queryable,
  unitId: number,
  specs: readonly RecordSpec[],
): Promise<number[]> {
  if (specs.length === 0) return [];
  const rows = specs.map((s) => {
    const checked = checkLogbookEntry(s.kind, s);
    if (!checked.ok) throw new Error(`invalid test record: ${JSON.stringify(checked.errors)}`);
    return {
      unitId,
      kind: s.kind,
      startsOn: checked.entry.startsOn,
      endsOn: checked.entry.endsOn ?? null,
      sectionKey: checked.entry.sectionKey ?? null,
      data: checked.entry.data,
    };
  });
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await q
      .insert(logbookRecords)
      .values(rows.slice(i, i + 1000))
      .returning({ id: logbookRecords.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** A change to a record as the logbook makes it: new data, one revision more. */
export async function changeRecord(q: Queryable, id: number, data: Partial<LogbookData>): Promise<void> {
  await q
    .update(logbookRecords)
    .set({
      data: sql`${logbookRecords.data} || ${JSON.stringify(data)}::jsonb`,
      revision: sql`${logbookRecords.revision} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(logbookRecords.id, id));
}

/** A soft delete, as the logbook deletes. */
export async function deleteRecord(q: Queryable, id: number): Promise<void> {
  await q
    .update(logbookRecords)
    .set({ deletedAt: new Date(), revision: sql`${logbookRecords.revision} + 1` })
    .where(eq(logbookRecords.id, id));
}
