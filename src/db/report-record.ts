/**
 * Reading a report: ONE query gathers what its view, its document and its checks need (the row,
 * the unit with its document identity, recipients and default signer, the outline version, who
 * saved it last, the round's receiving unit, the comments of the last return and the last two
 * versions); the unit's earlier reports (for the outlier check) are a second, separate read.
 * A save or a step reads only the report's head (`loadReportHead`).
 */
import { and, desc, eq, lt, ne, sql } from 'drizzle-orm';
import type { OfficialDocument } from '../domain/document.js';
import { type RoundRequestSource, roundRequestCitation } from '../domain/drafting/request-letter.js';
import { AppError } from '../domain/errors.js';
import type { ReportValues } from '../domain/outline.js';
import { type Period, parsePeriodKey, periodLabel } from '../domain/periods.js';
import { headerLines, type ReportSource, sentenceUnit } from '../domain/report-document.js';
import type { ReportContent } from '../domain/report-json.js';
import { proposedSigner, type SignerIdentity, type UnitKind } from '../domain/units.js';
import type { Queryable } from './client.js';
import { outlineMetaColumns, withDefinition } from './outline-definitions.js';
import type { OutlineRow } from './outlines.js';
import { preparedFor } from './prepared.js';
import type { CommentRow } from './report-comments.js';
import type { ReportVersionRow } from './report-versions.js';
import { outlines, reports, rounds, units, users } from './schema.js';

export type ReportRow = typeof reports.$inferSelect;

/** The unit of a report: its reference for authorisation and its identity for the document. */
export interface ReportUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  provinceCode: string | null;
  path: number[];
  parentHeader: string | null;
  issuerHeader: string;
  placeName: string;
  symbol: string;
  archiveCode: string;
}

export interface Person {
  id: number;
  fullName: string;
}

/** A report with everything its screens and its document show beside it. */
export interface ReportRecord {
  row: ReportRow;
  content: ReportContent;
  period: Period;
  unit: ReportUnit;
  outline: OutlineRow;
  updatedBy: Person | null;
  /** The unit that asked for it (the round's unit), null when it answers no round. */
  roundUnitId: number | null;
  /** The round's request letter, cited by the document's opening (null parts when none). */
  roundRequest: RoundRequestSource;
  /** The round it answers, when that round is closed (its name): the page warns, nothing is refused. */
  closedRound: string | null;
  /** The unit's usual Kính gửi / Nơi nhận, in order. */
  recipients: { kind: 'kinh_gui' | 'noi_nhan'; text: string }[];
  /** The signer the report proposes: the unit's default, or the one its addressee expects (units.ts `proposedSigner`). */
  defaultSigner: SignerIdentity | null;
  /** The comments of the last version that has any (the last return), oldest first. */
  comments: CommentRow[];
  /** The last two submitted versions, newest first. */
  versions: ReportVersionRow[];
}

/** The period of a stored report: its key says it all (a week's or a custom range's own dates). */
export function periodOfRow(row: Pick<ReportRow, 'periodKey'>): Period {
  return parsePeriodKey(row.periodKey);
}

const NOT_FOUND = 'Không tìm thấy báo cáo.';

type JsonComment = Omit<CommentRow, 'createdAt'> & { createdAt: string };
type JsonVersion = Omit<ReportVersionRow, 'createdAt'> & { createdAt: string };

const unitColumns = {
  id: units.id,
  code: units.code,
  name: units.name,
  kind: units.kind,
  provinceCode: units.provinceCode,
  path: units.path,
  parentHeader: units.parentHeader,
  issuerHeader: units.issuerHeader,
  placeName: units.placeName,
  symbol: units.symbol,
  archiveCode: units.archiveCode,
};

/** JSON arrays built by the database, so that the whole record is one round trip. */
const recipientsJson = sql<ReportRecord['recipients']>`coalesce((
  select json_agg(json_build_object('kind', r.kind, 'text', r.text) order by r.kind, r.position)
  from recipients r where r.unit_id = ${reports.unitId}), '[]'::json)`;
/** The unit's active signers, its default first: the report proposes one (units.ts `proposedSigner`). */
const signersJson = sql<SignerIdentity[]>`coalesce((
  select json_agg(json_build_object('fullName', s.full_name, 'title', s.title, 'authority', s.authority,
    'authorityOf', s.authority_of, 'collective', s.collective) order by s.is_default desc, s.id)
  from signers s where s.unit_id = ${reports.unitId} and s.active), '[]'::json)`;
const commentsJson = sql<JsonComment[]>`coalesce((
  select json_agg(json_build_object('id', c.id, 'version', c.version, 'stage', c.stage,
    'target', c.target, 'body', c.body, 'createdAt', c.created_at,
    'author', case when u.id is null then null else json_build_object('id', u.id, 'fullName', u.full_name) end)
    order by c.id)
  from report_comments c left join users u on u.id = c.author_id
  where c.report_id = ${reports.id} and c.version = (
    select max(c2.version) from report_comments c2 where c2.report_id = ${reports.id})), '[]'::json)`;
const versionsJson = sql<JsonVersion[]>`coalesce((
  select json_agg(v order by v.version desc) from (
    select rv.version, rv.content, rv.notation, rv.created_at as "createdAt",
      case when u.id is null then null else json_build_object('id', u.id, 'fullName', u.full_name) end as "createdBy"
    from report_versions rv left join users u on u.id = rv.created_by
    where rv.report_id = ${reports.id} order by rv.version desc limit 2) v), '[]'::json)`;

/** The round's letter and the parts of its issued request letter the report's opening cites. */
const roundRequestJson = sql<
  RoundRequestSource['issued']
>`case when ${rounds.requestDocument} is null then null
  else json_build_object('number', ${rounds.requestDocument}->'number', 'symbol', ${rounds.requestDocument}->'symbol',
    'issuedOn', ${rounds.requestDocument}->'issuedOn', 'issuer', ${rounds.requestDocument}->'issuerName',
    'subject', ${rounds.requestDocument}->'subject') end`;

/** A user joined by a left join: null when the row has none. */
export function personOf(id: number | null, fullName: string | null): Person | null {
  return id !== null && fullName !== null ? { id, fullName } : null;
}

/** Drivers hand JSON back parsed (node-postgres) or as text in some set-ups: accept both. */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function recordQuery(q: Queryable) {
  return q
    .select({
      row: reports,
      unit: unitColumns,
      outline: outlineMetaColumns,
      updatedById: users.id,
      updatedByName: users.fullName,
      roundUnitId: rounds.unitId,
      roundLetter: rounds.letter,
      roundIssued: roundRequestJson,
      closedRound: sql<string | null>`case when ${rounds.status} = 'closed' then ${rounds.name} end`,
      recipients: recipientsJson,
      signers: signersJson,
      comments: commentsJson,
      versions: versionsJson,
    })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .innerJoin(outlines, eq(outlines.id, reports.outlineId))
    .leftJoin(users, eq(users.id, reports.updatedBy))
    .leftJoin(rounds, eq(rounds.id, reports.roundId))
    .where(eq(reports.id, sql.placeholder('id')))
    .limit(1)
    .prepare('report_record');
}
const recordQueries = new WeakMap<Queryable, ReturnType<typeof recordQuery>>();

/** The report with everything its view, document and checks need, in one query. */
export async function loadReport(q: Queryable, id: number): Promise<ReportRecord> {
  const [r] = await preparedFor(recordQueries, q, recordQuery).execute({ id });
  if (!r) throw new AppError('NOT_FOUND', NOT_FOUND);
  return {
    ...headOf(r),
    unit: r.unit,
    outline: await withDefinition(q, r.outline),
    updatedBy: personOf(r.updatedById, r.updatedByName),
    roundRequest: {
      letter: json<RoundRequestSource['letter']>(r.roundLetter) ?? null,
      issued: json<RoundRequestSource['issued']>(r.roundIssued) ?? null,
    },
    closedRound: r.closedRound ?? null,
    recipients: json(r.recipients),
    defaultSigner: signerFor(
      r.unit.kind,
      r.row.content as ReportContent,
      json(r.recipients),
      json(r.signers),
    ),
    comments: json<JsonComment[]>(r.comments).map((c) => ({ ...c, createdAt: new Date(c.createdAt) })),
    versions: json<JsonVersion[]>(r.versions).map((v) => ({ ...v, createdAt: new Date(v.createdAt) })),
  };
}

/**
 * The signer the report proposes: by the unit that issues it and whom it goes to (the Kính gửi it
 * names, else the unit's usual one).
 */
function signerFor(
  kind: UnitKind,
  content: ReportContent,
  recipients: ReportRecord['recipients'],
  signers: SignerIdentity[],
): SignerIdentity | null {
  const usual = recipients.filter((r) => r.kind === 'kinh_gui').map((r) => r.text);
  const addressees = content.document?.kinhGui ?? usual;
  return proposedSigner(signers, kind, addressees) ?? null;
}

/** What a save or a step needs: the row and the unit's reference (for authorisation). */
export interface ReportHead {
  row: ReportRow;
  content: ReportContent;
  period: Period;
  unit: Pick<ReportUnit, 'id' | 'kind' | 'provinceCode' | 'path'>;
  roundUnitId: number | null;
}

function headQuery(q: Queryable) {
  return q
    .select({
      row: reports,
      unit: { id: units.id, kind: units.kind, provinceCode: units.provinceCode, path: units.path },
      roundUnitId: rounds.unitId,
    })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .leftJoin(rounds, eq(rounds.id, reports.roundId))
    .where(eq(reports.id, sql.placeholder('id')))
    .limit(1)
    .prepare('report_head');
}
const headQueries = new WeakMap<Queryable, ReturnType<typeof headQuery>>();

export async function loadReportHead(q: Queryable, id: number): Promise<ReportHead> {
  const [r] = await preparedFor(headQueries, q, headQuery).execute({ id });
  if (!r) throw new AppError('NOT_FOUND', NOT_FOUND);
  return { ...headOf(r), unit: r.unit };
}

/** The parts of a report's head that come from its own row and its round. */
function headOf(r: { row: ReportRow; roundUnitId: number | null }) {
  return {
    row: r.row,
    content: r.row.content as ReportContent,
    period: periodOfRow(r.row),
    roundUnitId: r.roundUnitId,
  };
}

/**
 * Has the report a receiving unit above it? A commune's report goes to its province; a province's
 * or a body's report only when it answers a round of another unit. Otherwise receive, accept and
 * reject do not apply (a province's own consolidated report with no higher round).
 */
export function hasReceiver(rec: {
  unit: { id: number; kind: UnitKind };
  roundUnitId: number | null;
}): boolean {
  if (rec.unit.kind === 'commune') return true;
  return rec.roundUnitId !== null && rec.roundUnitId !== rec.unit.id;
}

/** This unit's earlier reports on the same outline code, newest first: the history of its values. */
export async function historyFor(
  q: Queryable,
  rec: Pick<ReportRecord, 'row' | 'unit' | 'outline'>,
  limit = 8,
): Promise<{ periodLabel: string; values: ReportValues }[]> {
  const rows = await q
    .select({ periodKey: reports.periodKey, values: sql<ReportValues>`${reports.content} -> 'values'` })
    .from(reports)
    .where(
      and(
        eq(reports.unitId, rec.unit.id),
        eq(reports.outlineCode, rec.outline.code),
        ne(reports.id, rec.row.id),
        lt(reports.windowEnd, rec.row.windowEnd),
      ),
    )
    .orderBy(desc(reports.windowEnd))
    .limit(limit);
  return rows.map((r) => ({
    periodLabel: periodLabel(periodOfRow(r)),
    values: json<ReportValues>(r.values) ?? {},
  }));
}

/** The letter the report's opening cites and whom its closing names (the request letter's issuer). */
function requestOf(rec: ReportRecord): Pick<ReportSource, 'request' | 'addressee'> {
  const request = roundRequestCitation(rec.roundRequest, rec.period);
  const addressee = rec.roundRequest.issued?.issuer?.trim();
  return { ...(request ? { request } : {}), ...(addressee ? { addressee } : {}) };
}

/** A stored report as the one composer's source (src/domain/report-document.ts). */
export function reportSource(rec: ReportRecord): ReportSource {
  const kinhGui = rec.recipients.filter((r) => r.kind === 'kinh_gui').map((r) => r.text);
  const noiNhan = rec.recipients.filter((r) => r.kind === 'noi_nhan').map((r) => r.text);
  return {
    outline: rec.outline.definition,
    content: rec.content,
    period: rec.period,
    unit: sentenceUnit(rec.unit.name, rec.unit.kind),
    identity: {
      parentHeader: headerLines(rec.unit.parentHeader),
      issuerHeader: headerLines(rec.unit.issuerHeader),
      placeName: rec.unit.placeName,
      symbol: rec.unit.symbol,
      archiveCode: rec.unit.archiveCode,
    },
    defaults: {
      ...(kinhGui.length ? { kinhGui } : {}),
      ...(noiNhan.length ? { noiNhan } : {}),
      ...(rec.defaultSigner ? { signer: rec.defaultSigner } : {}),
    },
    ...requestOf(rec),
    status: rec.row.status,
    issuedDocument: rec.row.issuedDocument as OfficialDocument | null,
    consolidation: rec.row.consolidation,
  };
}
