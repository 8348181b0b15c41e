/** Rounds as the API gives them: whitelisted through the response schemas of api-rounds.ts. */
import { canManageRound, letterOf, type RoundRecord, type RoundUnitReport } from '../../db/rounds.js';
import type { RoundDetail, RoundSummary, RoundUnitOut } from '../../domain/api-rounds.js';
import { type Actor, can } from '../../domain/authz.js';
import { notation } from '../../domain/numbering.js';
import type { IsoDate } from '../../domain/periods.js';
import { parsePeriodKey, periodLabel } from '../../domain/periods.js';
import {
  daysLeft,
  letterCitation,
  ROUND_FREQUENCY_LABELS,
  ROUND_STATUS_LABELS,
} from '../../domain/rounds.js';

const unitOut = (u: { id: number; code: string; name: string; kind: RoundRecord['unit']['kind'] }) => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
});

export function presentRound(
  record: RoundRecord,
  actor: Actor,
  today: IsoDate,
  requestNotation: string | null = null,
): RoundSummary {
  const { row } = record;
  const period = parsePeriodKey(row.periodKey);
  const letter = letterOf(row);
  return {
    id: row.id,
    name: row.name,
    unit: unitOut(record.unit),
    outline: record.outline,
    period,
    periodKey: row.periodKey,
    periodLabel: periodLabel(period),
    window: { start: row.windowStart, end: row.windowEnd },
    deadlineDays: row.deadlineDays,
    deadline: row.deadline,
    daysLeft: daysLeft(today, row.deadline),
    frequency: row.frequency,
    frequencyLabel: ROUND_FREQUENCY_LABELS[row.frequency],
    status: row.status,
    statusLabel: ROUND_STATUS_LABELS[row.status],
    letter: letter ? { ...letter, citation: letterCitation(letter) } : null,
    remindDays: row.remindDays,
    seriesId: row.seriesId,
    unitCount: record.unitCount,
    sentCount: record.sentCount,
    canManage: canManageRound(actor, record),
    requestNotation:
      requestNotation ??
      (row.requestDocument
        ? (() => {
            const doc = row.requestDocument as { number: number | null; symbol: string };
            return doc.number ? notation(doc.number, doc.symbol) : null;
          })()
        : null),
  };
}

function presentUnit(item: RoundUnitReport, actor: Actor): RoundUnitOut {
  return {
    unit: unitOut(item.unit),
    report: item.report
      ? { id: item.report.id, status: item.report.status, sentAt: item.report.sentAt?.toISOString() ?? null }
      : null,
    canReport: can(actor, 'report.edit', item.unit),
  };
}

/**
 * A round with its units. Those who manage it see every unit; a reporting unit's people see only
 * their own units (a commune never sees another commune's progress here).
 */
export function presentRoundDetail(
  record: RoundRecord,
  items: RoundUnitReport[],
  actor: Actor,
  today: IsoDate,
  requestLetter: RoundDetail['requestLetter'],
): RoundDetail {
  const manage = canManageRound(actor, record);
  const visible = manage ? items : items.filter((i) => can(actor, 'report.read', i.unit));
  return {
    ...presentRound(record, actor, today, requestLetter?.notation ?? null),
    guidance: record.row.guidance,
    units: visible.map((i) => presentUnit(i, actor)),
    requestLetter,
  };
}
