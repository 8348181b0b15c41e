/**
 * The life of a report, as one table: which step moves it from which states to which, and which
 * permission (src/domain/authz.ts) the step needs on the report's unit. Pure: the server checks a
 * step here, then changes the row with a conditional update (so two leaders at once give one result).
 *
 *   draft ─submit→ submitted ─approve→ approved ─issue→ issued ─receive→ received ─accept→ accepted
 *     ↑  ↑            │  └────────────issue──────────────↗  │               │
 *     │  └─ withdraw ─┤  (the officer takes it back while the leader has not acted)   │
 *     └── returned ←──┴─ leader returns (comments)          └── province returns (reason) ──┘
 *
 * A returned report is corrected and submitted again as a new version (report_versions keeps each
 * submission, and the changes against the last one are shown).
 */
import type { Action } from './authz.js';

export const REPORT_STEPS = [
  'submit',
  'withdraw',
  'return',
  'approve',
  'issue',
  'receive',
  'accept',
  'reject',
  'correct',
] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

/** Report statuses, in workflow order: the one declaration (the `reports.status` column and the API use it). */
export const REPORT_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'issued',
  'received',
  'accepted',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi lãnh đạo',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt',
  issued: 'Đã ban hành',
  received: 'Cấp trên đã nhận',
  accepted: 'Cấp trên đã chấp nhận',
};

/** Statuses in which the officer may still change the content. */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ['draft', 'returned'];

export interface StepRule {
  from: readonly ReportStatus[];
  to: ReportStatus;
  /** The permission needed on the report's unit. */
  action: Action;
  /** The audit action. */
  audit: string;
  /** What the button says. */
  label: string;
}

export const STEP_RULES: Record<ReportStep, StepRule> = {
  submit: {
    from: ['draft', 'returned'],
    to: 'submitted',
    action: 'report.submit',
    audit: 'report.submit',
    label: 'Gửi lãnh đạo duyệt',
  },
  // Only from `submitted`: once the leader has returned, approved or issued it, it is theirs.
  withdraw: {
    from: ['submitted'],
    to: 'draft',
    action: 'report.edit',
    audit: 'report.withdraw',
    label: 'Rút lại',
  },
  return: {
    from: ['submitted', 'approved'],
    to: 'returned',
    action: 'report.approve',
    audit: 'report.return',
    label: 'Trả lại để sửa',
  },
  approve: {
    from: ['submitted'],
    to: 'approved',
    action: 'report.approve',
    audit: 'report.approve',
    label: 'Duyệt',
  },
  issue: {
    from: ['submitted', 'approved'],
    to: 'issued',
    action: 'report.approve',
    audit: 'report.issue',
    label: 'Ban hành',
  },
  receive: {
    from: ['issued'],
    to: 'received',
    action: 'report.receive',
    audit: 'report.receive',
    label: 'Tiếp nhận',
  },
  accept: {
    from: ['issued', 'received'],
    to: 'accepted',
    action: 'report.receive',
    audit: 'report.accept',
    label: 'Chấp nhận',
  },
  reject: {
    from: ['issued', 'received'],
    to: 'returned',
    action: 'report.receive',
    audit: 'report.reject',
    label: 'Trả lại (cấp trên)',
  },
  // An issued report whose figures no longer match the unit's logbook: the leader reopens it as a
  // new version (corrected, submitted, issued again with a new number; the issued one stays in the
  // register).
  correct: {
    from: ['issued', 'received', 'accepted'],
    to: 'returned',
    action: 'report.approve',
    audit: 'report.correct',
    label: 'Lập báo cáo điều chỉnh',
  },
};

/** States in which the report has reached the receiving unit (issued and sent). */
export const SENT_STATUSES: readonly ReportStatus[] = ['issued', 'received', 'accepted'];

/** May `step` be taken from `status`? */
export function stepAllowed(step: ReportStep, status: ReportStatus): boolean {
  return STEP_RULES[step].from.includes(status);
}

const STATUS_PHRASES: Record<ReportStatus, string> = {
  draft: 'đang soạn',
  submitted: 'đã gửi lãnh đạo',
  returned: 'bị trả lại',
  approved: 'đã duyệt',
  issued: 'đã ban hành',
  received: 'cấp trên đã nhận',
  accepted: 'cấp trên đã chấp nhận',
};

/** The Vietnamese refusal of a step that the report's state does not allow. */
export function stepRefusal(step: ReportStep, status: ReportStatus): string {
  const rule = STEP_RULES[step];
  if (step === 'approve' && status === 'approved') return 'Báo cáo này đã được duyệt rồi.';
  if (step === 'receive' && (status === 'received' || status === 'accepted'))
    return 'Báo cáo này đã được tiếp nhận rồi.';
  if (step === 'accept' && status === 'accepted') return 'Báo cáo này đã được chấp nhận rồi.';
  if (step === 'withdraw') {
    if (status === 'draft') return 'Báo cáo này đã được rút lại rồi: đang ở trạng thái đang soạn.';
    return `Không rút lại được: báo cáo ${STATUS_PHRASES[status]}, lãnh đạo đã xử lý báo cáo này.`;
  }
  const allowed = rule.from.map((s) => `"${STATUS_PHRASES[s]}"`).join(' hoặc ');
  return `Không thực hiện được "${rule.label}": báo cáo đang ở trạng thái "${STATUS_PHRASES[status]}", thao tác này chỉ làm được khi báo cáo ${allowed}.`;
}

/**
 * Days late of a report against a round's deadline: 0 when sent on or before the deadline, the
 * calendar days after it otherwise; a report not yet sent is late by the days since the deadline.
 */
export function daysLate(deadline: string, sentOn: string | null, today: string): number {
  const end = sentOn ?? today;
  const ms = Date.parse(`${end}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}

/** The cells of the completeness board: a unit's state in a round. */
export const BOARD_STATES = [
  'not_started',
  'draft',
  'submitted',
  'returned',
  'issued',
  'received',
  'accepted',
] as const;
export type BoardState = (typeof BOARD_STATES)[number];

export const BOARD_STATE_LABELS: Record<BoardState, string> = {
  not_started: 'Chưa bắt đầu',
  draft: 'Đang soạn',
  submitted: 'Chờ lãnh đạo duyệt',
  returned: 'Bị trả lại',
  issued: 'Đã gửi',
  received: 'Đã tiếp nhận',
  accepted: 'Đã chấp nhận',
};

/** The board state of a report (approved reports still wait for issuing: shown as submitted). */
export function boardState(status: ReportStatus | null): BoardState {
  if (status === null) return 'not_started';
  if (status === 'approved') return 'submitted';
  return status;
}
