/**
 * Comments on a report (report_comments): the leader's when he returns it ("leader"), the receiving
 * unit's reason when it sends it back ("province"). Each names the version it was made on and, when
 * it is about one place, a section key or an indicator code.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Queryable } from './client.js';
import { type COMMENT_STAGES, reportComments, users } from './schema.js';

export type CommentStage = (typeof COMMENT_STAGES)[number];

export interface CommentIn {
  target: string | null;
  body: string;
}

export interface CommentRow {
  id: number;
  version: number;
  stage: CommentStage;
  target: string | null;
  body: string;
  createdAt: Date;
  author: { id: number; fullName: string } | null;
}

export async function addComments(
  q: Queryable,
  input: {
    reportId: number;
    version: number;
    stage: CommentStage;
    authorId: number | null;
    comments: CommentIn[];
  },
): Promise<void> {
  if (input.comments.length === 0) return;
  await q.insert(reportComments).values(
    input.comments.map((c) => ({
      reportId: input.reportId,
      version: input.version,
      stage: input.stage,
      target: c.target,
      body: c.body,
      authorId: input.authorId,
    })),
  );
}

/** The comments of the last version that has any (the last return), in the order they were made. */
export async function lastComments(q: Queryable, reportId: number): Promise<CommentRow[]> {
  const [last] = await q
    .select({ version: reportComments.version })
    .from(reportComments)
    .where(eq(reportComments.reportId, reportId))
    .orderBy(desc(reportComments.version))
    .limit(1);
  if (!last) return [];
  const rows = await q
    .select({
      id: reportComments.id,
      version: reportComments.version,
      stage: reportComments.stage,
      target: reportComments.target,
      body: reportComments.body,
      createdAt: reportComments.createdAt,
      userId: users.id,
      userName: users.fullName,
    })
    .from(reportComments)
    .leftJoin(users, eq(users.id, reportComments.authorId))
    .where(and(eq(reportComments.reportId, reportId), eq(reportComments.version, last.version)))
    .orderBy(asc(reportComments.id));
  return rows.map(({ userId, userName, ...r }) => ({
    ...r,
    author: userId !== null && userName !== null ? { id: userId, fullName: userName } : null,
  }));
}
