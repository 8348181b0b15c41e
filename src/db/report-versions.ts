/**
 * Each submission of a report, frozen (report_versions): version n is the n-th submission. The
 * changes of a resubmission are shown against the version before it; the notation of an issue is
 * written on the version that was issued.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { ReportContent } from '../domain/report-json.js';
import type { Queryable } from './client.js';
import { reportVersions, users } from './schema.js';

export interface ReportVersionRow {
  version: number;
  content: ReportContent;
  notation: string | null;
  createdAt: Date;
  createdBy: { id: number; fullName: string } | null;
}

/** Freezes the content as version `version` of the report (in the submission's transaction). */
export async function snapshotVersion(
  q: Queryable,
  input: { reportId: number; version: number; content: ReportContent; userId: number | null },
): Promise<void> {
  await q
    .insert(reportVersions)
    .values({
      reportId: input.reportId,
      version: input.version,
      content: input.content,
      createdBy: input.userId,
    })
    .onConflictDoNothing({ target: [reportVersions.reportId, reportVersions.version] });
}

/** Writes the register notation of an issue on the version that was issued. */
export async function markVersionIssued(
  q: Queryable,
  input: { reportId: number; version: number; notation: string },
): Promise<void> {
  await q
    .update(reportVersions)
    .set({ notation: input.notation })
    .where(and(eq(reportVersions.reportId, input.reportId), eq(reportVersions.version, input.version)));
}

const columns = {
  version: reportVersions.version,
  content: reportVersions.content,
  notation: reportVersions.notation,
  createdAt: reportVersions.createdAt,
  userId: users.id,
  userName: users.fullName,
};

type Row = {
  version: number;
  content: unknown;
  notation: string | null;
  createdAt: Date;
  userId: number | null;
  userName: string | null;
};

function versionRowOf(r: Row): ReportVersionRow {
  return {
    version: r.version,
    content: r.content as ReportContent,
    notation: r.notation,
    createdAt: r.createdAt,
    createdBy: r.userId !== null && r.userName !== null ? { id: r.userId, fullName: r.userName } : null,
  };
}

/** Every version of a report, oldest first. */
export async function listVersions(q: Queryable, reportId: number): Promise<ReportVersionRow[]> {
  const rows = await q
    .select(columns)
    .from(reportVersions)
    .leftJoin(users, eq(users.id, reportVersions.createdBy))
    .where(eq(reportVersions.reportId, reportId))
    .orderBy(asc(reportVersions.version));
  return rows.map(versionRowOf);
}

/** The last two versions (newest first), enough to show what changed. */
export async function lastVersions(q: Queryable, reportId: number): Promise<ReportVersionRow[]> {
  const rows = await q
    .select(columns)
    .from(reportVersions)
    .leftJoin(users, eq(users.id, reportVersions.createdBy))
    .where(eq(reportVersions.reportId, reportId))
    .orderBy(desc(reportVersions.version))
    .limit(2);
  return rows.map(versionRowOf);
}
