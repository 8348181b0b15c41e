/** Factories for reports and signers (helper E's document tests). */
import { eq } from 'drizzle-orm';
import { CLI_ACTOR } from '../../src/db/audit.js';
import type { Db } from '../../src/db/client.js';
import { outlines, reports, signers } from '../../src/db/schema.js';
import { addSigner } from '../../src/db/units.js';
import { findBuiltInOutline } from '../../src/domain/outlines/index.js';
import { dataWindow, type Period, periodKey } from '../../src/domain/periods.js';
import { type ReportContentInput, reportContentSchema } from '../../src/domain/report-json.js';
import type { Authority } from '../../src/domain/units.js';
import { unitId } from './app.js';

async function outlineId(db: Db, code: string): Promise<number> {
  const [existing] = await db
    .select({ id: outlines.id })
    .from(outlines)
    .where(eq(outlines.code, code))
    .limit(1);
  if (existing) return existing.id;
  const definition = findBuiltInOutline(code);
  if (!definition) throw new Error(`no built-in outline ${code}`);
  const [row] = await db
    .insert(outlines)
    .values({
      code,
      version: definition.version,
      name: definition.name,
      documentKind: definition.documentKind,
      definition,
      builtIn: true,
    })
    .returning({ id: outlines.id });
  if (!row) throw new Error('outline insert returned no row');
  return row.id;
}

let month = 0;

/** A report of the commune `unitCode`, for a month of its own (each call a new period, from 2015 back, clear of other tests' periods). */
export async function buildReport(
  db: Db,
  unitCode: string,
  overrides: { status?: 'draft' | 'submitted' | 'approved' | 'returned'; content?: ReportContentInput } = {},
): Promise<number> {
  month += 1;
  const period: Period = {
    kind: 'month',
    year: 2015 - Math.floor((month - 1) / 12),
    index: ((month - 1) % 12) + 1,
  };
  const window = dataWindow(period);
  const [row] = await db
    .insert(reports)
    .values({
      unitId: await unitId(db, unitCode),
      outlineId: await outlineId(db, 'commune-report'),
      outlineCode: 'commune-report',
      periodKind: period.kind,
      periodYear: period.year,
      periodIndex: period.index,
      periodKey: periodKey(period),
      windowStart: window.start,
      windowEnd: window.end,
      status: overrides.status ?? 'submitted',
      content: reportContentSchema.parse(overrides.content ?? {}),
    })
    .returning({ id: reports.id });
  if (!row) throw new Error('report insert returned no row');
  return row.id;
}

export async function buildSigner(
  db: Db,
  unitCode: string,
  overrides: { fullName?: string; authority?: Authority; authorityOf?: string | null } = {},
): Promise<number> {
  const signer = await addSigner(db, CLI_ACTOR, await unitId(db, unitCode), {
    fullName: overrides.fullName ?? 'Trần Văn Ký',
    title: 'Phó Chủ tịch',
    authority: overrides.authority ?? 'KT',
    authorityOf: overrides.authorityOf === undefined ? 'Chủ tịch' : overrides.authorityOf,
    collective: null,
    isDefault: false,
  });
  return signer.id;
}

/** A signer row as old data may hold it: authority without the head's title (bypasses the API check). */
export async function buildIncompleteSigner(db: Db, unitCode: string): Promise<number> {
  const [row] = await db
    .insert(signers)
    .values({
      unitId: await unitId(db, unitCode),
      fullName: 'Lê Thị Thiếu',
      title: 'Phó Chủ tịch',
      authority: 'KT',
    })
    .returning({ id: signers.id });
  if (!row) throw new Error('signer insert returned no row');
  return row.id;
}
