/**
 * Reminders of reporting rounds (issue 5, point 4): who is reminded of what on a given day. Pure.
 *
 * A round's reminders start `remindDays` days before its deadline and go on every day after it,
 * while the round is open. For a member unit whose report is not yet sent (issued, received or
 * accepted): its officers are reminded of the deadline; its leaders when the report waits for them
 * or is late (a commune's, and a province's asked by the ministry: "Đợt … của Bộ Ngoại giao – Tỉnh
 * Hà Tĩnh: còn 2 ngày (hạn …)"). The receiving unit's province officers and leaders get one line per round: how many
 * units have sent, which are late, how many reports wait to be received. Everything one person is
 * reminded of on one day is gathered into one digest.
 */
import type { Role } from './authz.js';
import { daysBetween, type IsoDate } from './periods.js';
import { type ReportStatus, SENT_STATUSES } from './workflow.js';

export interface ReminderRound {
  id: number;
  name: string;
  deadline: IsoDate;
  remindDays: number;
  /** The receiving unit (a province or a province-level body). */
  receivingUnitId: number;
  /** The units that must report, in official code order. */
  memberUnitIds: number[];
}

export interface ReminderUnit {
  id: number;
  name: string;
}

/** A member unit's report in a round; absent when the unit has not started one. */
export interface ReminderReport {
  roundId: number;
  unitId: number;
  reportId: number;
  status: ReportStatus;
}

export interface ReminderGrant {
  userId: number;
  role: Role;
  unitId: number;
}

export interface ReminderItem {
  roundId: number;
  reportId: number | null;
  unitId: number;
  text: string;
  href: string;
  /** Days to the deadline (negative once it has passed). */
  daysLeft: number;
}

export interface Digest {
  userId: number;
  day: IsoDate;
  title: string;
  items: ReminderItem[];
}

export interface ReminderInput {
  today: IsoDate;
  rounds: ReminderRound[];
  units: ReminderUnit[];
  reports: ReminderReport[];
  grants: ReminderGrant[];
  /**
   * Round id → the name of the level above that asks (the ministry, for its rounds to the
   * provinces), named in the reminders of the units asked. Absent for a province's own rounds.
   */
  askers?: ReadonlyMap<number, string>;
}

/** "2026-06-17" → "17/6/2026", as the reminders read. */
export function shortDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}

/** Is `today` inside the round's reminder days (from `remindDays` before the deadline onwards)? */
export function inReminderDays(round: Pick<ReminderRound, 'deadline' | 'remindDays'>, today: IsoDate) {
  return daysBetween(today, round.deadline) <= Math.max(0, round.remindDays);
}

/** "còn 2 ngày (hạn 17/6/2026)", "hạn là hôm nay (17/6/2026)", "đã quá hạn 3 ngày (hạn 17/6/2026)". */
export function deadlinePhrase(deadline: IsoDate, today: IsoDate): string {
  const left = daysBetween(today, deadline);
  const date = shortDate(deadline);
  if (left > 0) return `còn ${left} ngày (hạn ${date})`;
  if (left === 0) return `hạn là hôm nay (${date})`;
  return `đã quá hạn ${-left} ngày (hạn ${date})`;
}

const REPORT_STATE: Record<ReportStatus | 'none', string> = {
  none: 'chưa lập báo cáo',
  draft: 'báo cáo đang soạn, chưa gửi lãnh đạo',
  submitted: 'báo cáo đang chờ lãnh đạo duyệt',
  returned: 'báo cáo bị trả lại, cần sửa và gửi lại',
  approved: 'báo cáo đã duyệt, chờ ban hành',
  issued: 'đã gửi',
  received: 'đã gửi',
  accepted: 'đã gửi',
};

const WAITS_FOR_LEADER: readonly ReportStatus[] = ['submitted', 'approved'];
/**
 * The roles reminded of their unit's report: a commune's, and a province's (or a body's) when the
 * level above (the ministry) asks it for a report.
 */
const OFFICER_ROLES: readonly Role[] = ['commune_officer', 'province_officer'];
const LEADER_ROLES: readonly Role[] = ['commune_leader', 'province_leader'];
/** The roles told how a round they receive stands: a province's, and the ministry's for its rounds. */
const RECEIVER_ROLES: readonly Role[] = [
  'province_officer',
  'province_leader',
  'national_officer',
  'national_leader',
];
/** How many late units a province line names before "và N đơn vị khác". */
const LATE_NAMES_SHOWN = 5;

const isSent = (status: ReportStatus | null) => status !== null && SENT_STATUSES.includes(status);

function provinceLine(
  round: ReminderRound,
  today: IsoDate,
  statusOf: (unitId: number) => ReportStatus | null,
  unitName: (unitId: number) => string,
): string | null {
  const total = round.memberUnitIds.length;
  if (total === 0) return null;
  const sent = round.memberUnitIds.filter((id) => isSent(statusOf(id))).length;
  const awaiting = round.memberUnitIds.filter((id) => statusOf(id) === 'issued').length;
  const left = daysBetween(today, round.deadline);
  if (sent === total && awaiting === 0) return null;
  const parts = [`${sent}/${total} đơn vị đã gửi`];
  if (left < 0) {
    const late = round.memberUnitIds.filter((id) => !isSent(statusOf(id)));
    if (late.length > 0) {
      const names = late.slice(0, LATE_NAMES_SHOWN).map(unitName).join(', ');
      const more = late.length > LATE_NAMES_SHOWN ? ` và ${late.length - LATE_NAMES_SHOWN} đơn vị khác` : '';
      parts.push(`${late.length} đơn vị quá hạn: ${names}${more}`);
    }
  }
  if (awaiting > 0) parts.push(`${awaiting} báo cáo chờ tiếp nhận`);
  return `Đợt “${round.name}”: ${[deadlinePhrase(round.deadline, today), ...parts].join('; ')}.`;
}

/** The digests of `today`: one per person with at least one reminder, items most urgent first. */
export function buildDigests(input: ReminderInput): Digest[] {
  const { today } = input;
  const names = new Map(input.units.map((u) => [u.id, u.name]));
  const unitName = (id: number) => names.get(id) ?? `Đơn vị ${id}`;
  const reportOf = new Map(input.reports.map((r) => [`${r.roundId}:${r.unitId}`, r]));
  const grantsAt = new Map<number, ReminderGrant[]>();
  for (const g of input.grants) grantsAt.set(g.unitId, [...(grantsAt.get(g.unitId) ?? []), g]);

  // Per user, one item per round and unit (a person holding two roles at a unit is reminded once).
  const byUser = new Map<number, Map<string, ReminderItem>>();
  const add = (userId: number, key: string, item: ReminderItem) => {
    const items = byUser.get(userId) ?? new Map<string, ReminderItem>();
    if (!items.has(key)) items.set(key, item);
    byUser.set(userId, items);
  };

  for (const round of input.rounds) {
    if (!inReminderDays(round, today)) continue;
    const daysLeft = daysBetween(today, round.deadline);
    const statusOf = (unitId: number) => reportOf.get(`${round.id}:${unitId}`)?.status ?? null;
    const roundHref = `/dot-bao-cao/${round.id}`;

    for (const unitId of round.memberUnitIds) {
      const report = reportOf.get(`${round.id}:${unitId}`) ?? null;
      const status = report?.status ?? null;
      if (isSent(status)) continue;
      const state = REPORT_STATE[status ?? 'none'];
      const base = {
        roundId: round.id,
        reportId: report?.reportId ?? null,
        unitId,
        href: report ? `/bao-cao/${report.reportId}` : roundHref,
        daysLeft,
      };
      // A province asked by the ministry is told whose round it is ("của Bộ Ngoại giao").
      const asker = input.askers?.get(round.id);
      const of = asker ? ` của ${asker}` : '';
      const head = `Đợt “${round.name}”${of} – ${unitName(unitId)}: ${deadlinePhrase(round.deadline, today)}`;
      const waiting = status !== null && WAITS_FOR_LEADER.includes(status);
      const key = `${round.id}:${unitId}`;
      const grants = grantsAt.get(unitId) ?? [];
      // Leaders first: when one person is both, the line that asks him to act wins.
      for (const g of grants) {
        if (LEADER_ROLES.includes(g.role) && (waiting || daysLeft < 0)) {
          add(g.userId, key, { ...base, text: `${head}; ${state}.` });
        }
      }
      for (const g of grants) {
        if (OFFICER_ROLES.includes(g.role)) add(g.userId, key, { ...base, text: `${head}; ${state}.` });
      }
    }

    const line = provinceLine(round, today, statusOf, unitName);
    if (line) {
      for (const g of grantsAt.get(round.receivingUnitId) ?? []) {
        if (!RECEIVER_ROLES.includes(g.role)) continue;
        add(g.userId, `${round.id}:round`, {
          roundId: round.id,
          reportId: null,
          unitId: round.receivingUnitId,
          text: line,
          href: roundHref,
          daysLeft,
        });
      }
    }
  }

  const digests: Digest[] = [];
  for (const [userId, map] of byUser) {
    const items = [...map.values()].sort((a, b) => a.daysLeft - b.daysLeft || a.roundId - b.roundId);
    digests.push({ userId, day: today, title: digestTitle(today, items.length), items });
  }
  return digests.sort((a, b) => a.userId - b.userId);
}

export function digestTitle(day: IsoDate, count: number): string {
  return `Nhắc việc ngày ${shortDate(day)}: ${count} việc cần làm`;
}

/** The e-mail of a digest: subject and plain-text body (links absolute when the site's address is known). */
export function digestEmail(
  digest: Pick<Digest, 'title' | 'items'>,
  recipientName: string,
  siteUrl?: string | undefined,
): { subject: string; body: string } {
  const base = siteUrl?.replace(/\/+$/, '');
  const lines = digest.items.map((item) => `- ${item.text}${base ? `\n  ${base}${item.href}` : ''}`);
  const body = [
    `Kính gửi ${recipientName},`,
    '',
    'Hệ thống báo cáo công tác đối ngoại (doingoai) nhắc các việc sau:',
    '',
    ...lines,
    '',
    base
      ? `Xem tất cả thông báo: ${base}/thong-bao`
      : 'Xem chi tiết tại mục "Thông báo" khi đăng nhập hệ thống doingoai.',
    '',
    'Đây là thư tự động, vui lòng không trả lời thư này.',
  ].join('\n');
  return { subject: `[doingoai] ${digest.title}`, body };
}
