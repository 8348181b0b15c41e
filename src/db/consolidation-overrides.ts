/**
 * Overriding a figure of a consolidated report: the receiving unit sets a figure other than the sum
 * of its sources (a commune's figure it corrected by telephone, a duplicate it removed), always
 * with a reason. The override, its reason, who and when are kept in `reports.consolidation`
 * (carried over by every refresh, src/db/consolidation.ts), the figure in `content.values` (so the
 * document prints it), and the audit row is written in the same transaction.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { indicatorsOf } from '../domain/consolidation/index.js';
import { type FigureOverride, readStored, type StoredConsolidation } from '../domain/consolidation/stored.js';
import { AppError } from '../domain/errors.js';
import type { IndicatorValue } from '../domain/outline.js';
import { reportContentSchema } from '../domain/report-json.js';
import { validateContent } from '../domain/validation.js';
import { formatNumberVi } from '../domain/vn-number.js';
import { EDITABLE_STATUSES, REPORT_STATUS_LABELS } from '../domain/workflow.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { getOutlineRow } from './outlines.js';
import { loadReport } from './report-record.js';
import { ReportConflictError } from './reports.js';
import { reports } from './schema.js';

/** Shorter than this, a reason says nothing ("sửa", "x"). */
export const MIN_REASON_LENGTH = 5;
export const MAX_REASON_LENGTH = 1000;

export interface OverrideInput {
  reportId: number;
  /** The revision the client saw: a figure is never set over a change it has not seen. */
  revision: number;
  code: string;
  /** The figure to print instead of the sum; null puts the sum back. */
  value: IndicatorValue | null;
  reason: string;
  /** The signed-in user's name, shown beside the figure. */
  userName: string;
}

const same = (a: IndicatorValue | undefined, b: IndicatorValue | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const shown = (v: IndicatorValue | undefined) =>
  typeof v === 'number'
    ? formatNumberVi(v)
    : v && typeof v === 'object' && 'total' in v
      ? formatNumberVi(v.total)
      : '';

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ path, message }]);
}

/** Sets (or removes) the override of one figure; returns the new revision. */
export async function overrideFigure(q: Queryable, actor: AuditActor, input: OverrideInput): Promise<number> {
  const [row] = await q.select().from(reports).where(eq(reports.id, input.reportId)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo.');
  const stored = readStored(row.consolidation);
  if (!stored) {
    throw new AppError(
      'BAD_REQUEST',
      'Báo cáo này không phải báo cáo tổng hợp: số liệu được nhập trực tiếp trên biểu mẫu, không cần ghi lý do sửa.',
    );
  }
  if (!EDITABLE_STATUSES.includes(row.status)) {
    throw new AppError(
      'REPORT_LOCKED',
      `Báo cáo tổng hợp đang ở trạng thái "${REPORT_STATUS_LABELS[row.status]}" nên không sửa số liệu được. ` +
        'Chỉ sửa được khi báo cáo đang soạn hoặc bị trả lại.',
    );
  }
  if (row.revision !== input.revision) throw new ReportConflictError(await loadReport(q, row.id));

  const outline = (await getOutlineRow(q, row.outlineId)).definition;
  const indicator = indicatorsOf(outline.sections).find((i) => i.code === input.code);
  if (!indicator) throw invalid('code', `Đề cương của báo cáo không có chỉ tiêu mã "${input.code}".`);
  const content = reportContentSchema.parse(row.content ?? {});
  const sum = stored.sums ? stored.sums[input.code] : content.values[input.code];
  const previous = stored.overrides?.[input.code];
  const reason = input.reason.trim();
  const overrides = { ...(stored.overrides ?? {}) };
  const values = { ...content.values };

  if (input.value === null) {
    if (!previous)
      throw invalid('value', `Số liệu "${indicator.label}" chưa được sửa: đang là tổng của các đơn vị.`);
    delete overrides[input.code];
    if (sum === undefined) delete values[input.code];
    else values[input.code] = sum;
  } else {
    if (reason.length < MIN_REASON_LENGTH) {
      throw invalid(
        'reason',
        `Hãy ghi lý do sửa số liệu "${indicator.label}" (ví dụ: "Xã A báo cáo nhầm, đã xác minh lại qua điện thoại ngày …"): số liệu khác tổng của các đơn vị phải có lý do.`,
      );
    }
    if (reason.length > MAX_REASON_LENGTH) {
      throw invalid(
        'reason',
        `Lý do sửa số liệu dài quá ${formatNumberVi(MAX_REASON_LENGTH)} ký tự; hãy rút gọn.`,
      );
    }
    const problem = validateContent(outline, { values: { [input.code]: input.value } }).find(
      (i) => i.path === input.code && i.severity === 'error',
    );
    if (problem) throw invalid('value', `${indicator.label}: ${problem.message}`);
    if (same(input.value, sum)) {
      throw invalid(
        'value',
        `Số liệu mới bằng tổng của các đơn vị (${shown(sum)}): không cần sửa.${previous ? ' Muốn bỏ phần sửa, hãy chọn "Dùng lại tổng của các đơn vị".' : ''}`,
      );
    }
    const override: FigureOverride = {
      value: input.value,
      reason,
      userId: actor.userId,
      userName: input.userName,
      at: new Date().toISOString(),
    };
    overrides[input.code] = override;
    values[input.code] = input.value;
  }

  const next: StoredConsolidation = { ...stored };
  if (Object.keys(overrides).length) next.overrides = overrides;
  else delete next.overrides;
  const updated = await q
    .update(reports)
    .set({
      content: { ...content, values },
      consolidation: next,
      revision: sql`${reports.revision} + 1`,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(reports.id, row.id),
        eq(reports.revision, input.revision),
        inArray(reports.status, [...EDITABLE_STATUSES]),
      ),
    )
    .returning({ revision: reports.revision });
  const [saved] = updated;
  // Changed between the read and the update (a save of the same revision committed first).
  if (!saved) throw new ReportConflictError(await loadReport(q, row.id));
  await writeAudit(q, actor, {
    action: input.value === null ? 'report.override.remove' : 'report.override',
    entity: 'report',
    entityId: row.id,
    unitId: row.unitId,
    before: {
      code: input.code,
      value: content.values[input.code] ?? null,
      ...(previous ? { reason: previous.reason } : {}),
    },
    after: {
      code: input.code,
      value: values[input.code] ?? null,
      sum: sum ?? null,
      ...(input.value === null ? {} : { reason }),
    },
  });
  return saved.revision;
}
