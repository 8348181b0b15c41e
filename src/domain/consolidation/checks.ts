/**
 * The checks of a consolidated report (shown with its other issues, never blocking): units whose
 * figures are missing, units late against the round's deadline, and reports received after the
 * consolidation was made whose figures differ from what it used. Pure.
 */
import type { ReportIssue } from '../api-reports.js';
import { formatDateShort } from '../periods.js';
import { type Coverage, coverageCounts, coverageRatio, isAnswered, kindsOf } from './coverage.js';

/** A report of the round that changed since the consolidation was made. */
export interface LaterReport {
  unitName: string;
  /** new: not among the sources; newer_version: a corrected version; withdrawn: returned since. */
  reason: 'new' | 'newer_version' | 'withdrawn';
  version: number;
}

const MAX_NAMED = 10;

function names(units: readonly { name: string }[]): string {
  if (units.length > MAX_NAMED)
    return `${units
      .slice(0, MAX_NAMED)
      .map((u) => u.name)
      .join(', ')} và ${units.length - MAX_NAMED} ${kindsOf(units.slice(MAX_NAMED))} khác`;
  return units.map((u) => u.name).join(', ');
}

const warning = (message: string): ReportIssue => ({
  source: 'quality',
  severity: 'warning',
  path: null,
  message,
});

export function consolidationIssues(coverage: Coverage | null, later: readonly LaterReport[]): ReportIssue[] {
  const issues: ReportIssue[] = [];
  if (coverage) {
    const c = coverageCounts(coverage);
    const waiting = coverage.units.filter((u) => !isAnswered(u));
    if (c.partial) {
      issues.push(
        warning(
          `Báo cáo tổng hợp mới có số liệu của ${coverageRatio(coverage)}: các tổng số chưa đầy đủ. ` +
            `Chưa có số liệu của: ${names(waiting)}.`,
        ),
      );
    }
    const late = coverage.units.filter((u) => u.daysLate > 0);
    if (late.length) {
      issues.push(
        warning(
          `${late.length} ${kindsOf(late)} gửi báo cáo trễ hạn hoặc chưa gửi khi đã quá hạn ` +
            `${formatDateShort(coverage.deadline)}: ${names(late)}.`,
        ),
      );
    }
  }
  const changed = later.filter((r) => r.reason !== 'withdrawn');
  if (changed.length) {
    const list = changed.map((r) =>
      r.reason === 'new' ? r.unitName : `${r.unitName} (bản sửa lần ${r.version})`,
    );
    issues.push(
      warning(
        `Sau khi tổng hợp đã nhận thêm báo cáo có số liệu khác: ${names(list.map((name) => ({ name })))}. ` +
          'Hãy cập nhật số liệu tổng hợp trên trang đợt báo cáo.',
      ),
    );
  }
  const withdrawn = later.filter((r) => r.reason === 'withdrawn');
  if (withdrawn.length) {
    issues.push(
      warning(
        `Báo cáo của ${names(withdrawn.map((r) => ({ name: r.unitName })))} đã được trả lại sau khi tổng hợp ` +
          'nhưng số liệu của đơn vị vẫn nằm trong báo cáo tổng hợp. Hãy cập nhật số liệu tổng hợp.',
      ),
    );
  }
  return issues;
}
