/**
 * Units' lineage (src/domain/lineage.ts): the import of a lineage file, a unit's former units and
 * successors, and the total of the former units' reports that stands for a merged unit's "same
 * period last year" before the merger.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError, type FieldError } from '../domain/errors.js';
import {
  type FormerSum,
  formersBefore,
  type LineageLink,
  type LineageRowInput,
  sumOfFormers,
} from '../domain/lineage.js';
import { boundIndicators, figureOf } from '../domain/logbook/bindings.js';
import type { Outline, ReportValues } from '../domain/outline.js';
import { indicatorsOf } from '../domain/outlines/numbering.js';
import { type Period, periodKey, samePeriodLastYear, windowFor } from '../domain/periods.js';
import type { ReportContent } from '../domain/report-json.js';
import { foldForSearch } from '../domain/text.js';
import { type CommuneKind, defaultCommuneIdentity } from '../domain/units.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { computeAggregates } from './logbook-compute.js';
import { reports, unitLineage, units } from './schema.js';

const former = alias(units, 'former');
const successor = alias(units, 'successor');

/** The number of successors of each former unit (a split unit has more than one). */
const successorCount = sql<number>`(SELECT count(*)::int FROM unit_lineage s WHERE s.former_id = ${unitLineage.formerId})`;

/** The units a unit was formed from, in code order (empty for a unit the reform left as it was). */
export async function loadFormers(q: Queryable, successorId: number): Promise<LineageLink[]> {
  return q
    .select({
      formerId: unitLineage.formerId,
      formerCode: former.code,
      formerName: unitLineage.formerName,
      formerKind: unitLineage.formerKind,
      effectiveOn: unitLineage.effectiveOn,
      successorCount,
    })
    .from(unitLineage)
    .innerJoin(former, eq(former.id, unitLineage.formerId))
    .where(eq(unitLineage.successorId, successorId))
    .orderBy(asc(former.code));
}

/** The units a former unit became part of (more than one when it was split). */
export interface SuccessorRecord {
  id: number;
  code: string;
  name: string;
  effectiveOn: string;
}

export async function loadSuccessors(q: Queryable, formerId: number): Promise<SuccessorRecord[]> {
  return q
    .select({
      id: successor.id,
      code: successor.code,
      name: successor.name,
      effectiveOn: unitLineage.effectiveOn,
    })
    .from(unitLineage)
    .innerJoin(successor, eq(successor.id, unitLineage.successorId))
    .where(and(eq(unitLineage.formerId, formerId), sql`${unitLineage.successorId} <> ${formerId}`))
    .orderBy(asc(successor.code));
}

function invalid(fields: FieldError[]): AppError {
  const shown = fields.slice(0, 50);
  const more = fields.length > shown.length ? `\n… và ${fields.length - shown.length} lỗi khác.` : '';
  return new AppError(
    'VALIDATION',
    `Tệp quan hệ đơn vị có ${fields.length} dòng không hợp lệ; chưa nhập dòng nào:\n${shown.map((f) => f.message).join('\n')}${more}`,
    fields,
  );
}

/**
 * Records a lineage file's rows (checked by `checkLineageRows`) in one transaction: a former unit
 * whose code is not in the catalogue becomes an inactive unit of the successor's province; a
 * successor must be an active commune. Any bad row refuses the whole file (nothing half-imported).
 * Each successor whose former units changed gets one audit row.
 */
export async function importLineage(
  q: Queryable,
  actor: AuditActor,
  rows: readonly LineageRowInput[],
): Promise<{ links: number; successors: number; formersCreated: number }> {
  const codes = [...new Set(rows.flatMap((r) => [r.successorCode, r.formerCode]))];
  const known =
    codes.length === 0
      ? []
      : await q
          .select({
            id: units.id,
            code: units.code,
            kind: units.kind,
            active: units.active,
            provinceCode: units.provinceCode,
            parentId: units.parentId,
            path: units.path,
          })
          .from(units)
          .where(inArray(units.code, codes));
  const byCode = new Map(known.map((u) => [u.code, u]));
  const errors: FieldError[] = [];
  for (const r of rows) {
    const s = byCode.get(r.successorCode);
    const f = byCode.get(r.formerCode);
    const path = `dòng ${r.line}`;
    if (!s)
      errors.push({
        path,
        message: `Dòng ${r.line}: không có đơn vị mới mã "${r.successorCode}" trong danh mục.`,
      });
    else if (s.kind !== 'commune' || !s.active)
      errors.push({
        path,
        message: `Dòng ${r.line}: đơn vị mã "${r.successorCode}" không phải là xã, phường, đặc khu đang hoạt động.`,
      });
    else if (f && f.kind !== 'commune')
      errors.push({
        path,
        message: `Dòng ${r.line}: mã đơn vị cũ "${r.formerCode}" là mã của một đơn vị không phải cấp xã.`,
      });
  }
  if (errors.length) throw invalid(errors);

  // Former units not in the catalogue: inactive communes of the successor's province.
  let formersCreated = 0;
  const provinces = new Map<string, { id: number; name: string; path: number[] }>();
  for (const r of rows) {
    if (byCode.has(r.formerCode)) continue;
    const s = byCode.get(r.successorCode);
    if (!s?.provinceCode || s.parentId === null) continue;
    let province = provinces.get(s.provinceCode);
    if (!province) {
      const [p] = await q
        .select({ id: units.id, name: units.name, path: units.path })
        .from(units)
        .where(eq(units.id, s.parentId));
      if (!p) continue;
      province = p;
      provinces.set(s.provinceCode, p);
    }
    const [created] = await q
      .insert(units)
      .values({
        code: r.formerCode,
        kind: 'commune',
        communeKind: r.formerKind as CommuneKind,
        name: r.formerName,
        parentId: province.id,
        provinceCode: s.provinceCode,
        path: [...province.path],
        searchKey: `${foldForSearch(r.formerName)} ${r.formerCode}`,
        active: false,
        ...defaultCommuneIdentity(r.formerName, province.name),
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await q
      .update(units)
      .set({ path: [...province.path, created.id] })
      .where(eq(units.id, created.id));
    byCode.set(r.formerCode, { ...created, path: [...province.path, created.id] });
    formersCreated++;
    await writeAudit(q, actor, {
      action: 'unit.former.create',
      entity: 'unit',
      entityId: created.id,
      unitId: created.id,
      after: { code: r.formerCode, name: r.formerName, kind: r.formerKind, active: false },
    });
  }

  // The links, grouped by successor: one audit row each, with the former units before and after.
  const bySuccessor = new Map<number, LineageRowInput[]>();
  for (const r of rows) {
    const s = byCode.get(r.successorCode);
    if (!s) continue;
    bySuccessor.set(s.id, [...(bySuccessor.get(s.id) ?? []), r]);
  }
  let links = 0;
  for (const [successorId, list] of bySuccessor) {
    const before = await loadFormers(q, successorId);
    for (const r of list) {
      const formerId = byCode.get(r.formerCode)?.id;
      if (formerId === undefined) continue;
      await q
        .insert(unitLineage)
        .values({
          successorId,
          formerId,
          formerName: r.formerName,
          formerKind: r.formerKind,
          effectiveOn: r.effectiveOn,
          createdBy: actor.userId,
        })
        .onConflictDoUpdate({
          target: [unitLineage.successorId, unitLineage.formerId],
          set: {
            formerName: r.formerName,
            formerKind: r.formerKind,
            effectiveOn: r.effectiveOn,
            updatedAt: new Date(),
          },
        });
      links++;
    }
    const after = await loadFormers(q, successorId);
    const view = (l: readonly LineageLink[]) =>
      l.map((x) => ({
        code: x.formerCode,
        name: x.formerName,
        kind: x.formerKind,
        effectiveOn: x.effectiveOn,
      }));
    await writeAudit(q, actor, {
      action: 'unit.lineage.import',
      entity: 'unit',
      entityId: successorId,
      unitId: successorId,
      before: { formers: view(before) },
      after: { formers: view(after) },
    });
  }
  return { links, successors: bySuccessor.size, formersCreated };
}

/**
 * A merged unit's "same period last year" from its former units, when that period's data window
 * began before the merger (and, for a window across the merger date, the unit has no report of its
 * own for it): the total of their reports on the outline (a former unit that kept its
 * code is the unit itself, so its own report of then counts), and which of them reported.
 * Undefined for a unit without former units, or when the period last year is the unit's own.
 */
/** Each unit's bound figures computed from its logbook records in a window (units with none left out). */
async function valuesFromRecords(
  q: Queryable,
  unitIds: readonly number[],
  outline: Outline,
  window: { start: string; end: string },
): Promise<Map<number, ReportValues>> {
  const out = new Map<number, ReportValues>();
  const bound = boundIndicators(outline);
  if (unitIds.length === 0 || bound.length === 0) return out;
  const aggregates = await computeAggregates(
    q,
    unitIds,
    window,
    bound.map((b) => b.binding),
  );
  for (const [unitId, perUnit] of aggregates) {
    const values: ReportValues = {};
    for (const { indicator, binding } of bound) {
      const agg = perUnit.get(binding.code);
      const figure = agg && figureOf(binding, indicator, agg);
      if (figure?.ok) values[indicator.code] = figure.value;
    }
    if (Object.keys(values).length) out.set(unitId, values);
  }
  return out;
}

export async function sameLastYearFromFormers(
  q: Queryable,
  unitId: number,
  outline: { code: string; definition: Outline },
  period: Period,
): Promise<{ values: ReportValues; basis: FormerSum } | undefined> {
  const lastYear = samePeriodLastYear(period);
  const { links, straddles } = formersBefore(await loadFormers(q, unitId), windowFor(lastYear));
  if (links.length === 0) return undefined;
  if (straddles) {
    const [own] = await q
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.unitId, unitId),
          eq(reports.outlineCode, outline.code),
          eq(reports.periodKey, periodKey(lastYear)),
        ),
      )
      .limit(1);
    if (own) return undefined;
  }
  const rows = await q
    .select({ unitId: reports.unitId, content: reports.content })
    .from(reports)
    .where(
      and(
        inArray(
          reports.unitId,
          links.map((l) => l.formerId),
        ),
        eq(reports.outlineCode, outline.code),
        eq(reports.periodKey, periodKey(lastYear)),
      ),
    );
  const valuesOf = new Map(rows.map((r) => [r.unitId, (r.content as ReportContent | undefined)?.values]));
  // A former unit that sent no report of that period but kept its logbook: its figures computed
  // from its records of that window, as its report would have taken them.
  const unreported = links.map((l) => l.formerId).filter((id) => !valuesOf.get(id));
  const recorded = await valuesFromRecords(q, unreported, outline.definition, windowFor(lastYear));
  return sumOfFormers(
    indicatorsOf(outline.definition),
    links.map((link) => {
      const own = valuesOf.get(link.formerId);
      if (own) return { link, values: own };
      const computed = recorded.get(link.formerId);
      return computed ? { link, values: computed, fromRecords: true } : { link, values: undefined };
    }),
  );
}
