/** The signers of a unit, and the one check of a signer chosen to sign a document being issued. */
import { and, asc, desc, eq } from 'drizzle-orm';
import { AppError } from '../domain/errors.js';
import { type SignerIdentity, signerProblem } from '../domain/units.js';
import type { Queryable } from './client.js';
import { signers } from './schema.js';

export type SignerRow = typeof signers.$inferSelect;

export function signerIdentityOf(row: SignerRow): SignerIdentity {
  return {
    fullName: row.fullName,
    title: row.title,
    authority: row.authority,
    authorityOf: row.authorityOf,
    collective: row.collective,
  };
}

/** The unit's active signers, the default first. */
export async function unitSigners(q: Queryable, unitId: number): Promise<SignerRow[]> {
  return q
    .select()
    .from(signers)
    .where(and(eq(signers.unitId, unitId), eq(signers.active, true)))
    .orderBy(desc(signers.isDefault), asc(signers.id));
}

/**
 * The signer of a document the unit issues (a report, a round's request letter): an active signer
 * of that unit with a complete authority, refused with a message on the `signerId` field otherwise.
 */
export async function issuingSigner(q: Queryable, unitId: number, signerId: number): Promise<SignerIdentity> {
  const [row] = await q.select().from(signers).where(eq(signers.id, signerId)).limit(1);
  if (!row?.active) {
    throw new AppError('VALIDATION', 'Chưa chọn người ký hoặc người ký không còn được dùng.', [
      { path: 'signerId', message: 'Hãy chọn người ký của đơn vị.' },
    ]);
  }
  if (row.unitId !== unitId) {
    throw new AppError('VALIDATION', 'Người ký không thuộc đơn vị ban hành văn bản này.', [
      { path: 'signerId', message: 'Người ký không có thẩm quyền ký văn bản của đơn vị này.' },
    ]);
  }
  const identity = signerIdentityOf(row);
  const problem = signerProblem(identity);
  if (problem) {
    throw new AppError('VALIDATION', `Người ký chưa đủ thông tin thẩm quyền: ${problem}`, [
      { path: 'signerId', message: problem },
    ]);
  }
  return identity;
}
