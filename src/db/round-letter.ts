/**
 * The request letter of a round (công văn đề nghị báo cáo): composed from the round, its units and
 * the receiving unit's identity; issued in ONE transaction that claims the round (a second issue at
 * the same moment takes no number), takes a CV number from the register, freezes the document and
 * writes the audit row. DOCX and PDF are rendered after commit from the frozen document.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { OfficialDocument } from '../domain/document.js';
import { composeRequestLetter } from '../domain/drafting/request-letter.js';
import { AppError } from '../domain/errors.js';
import { notation } from '../domain/numbering.js';
import type { IsoDate } from '../domain/periods.js';
import { headerLines, sentenceUnit } from '../domain/report-document.js';
import type { SignerIdentity } from '../domain/units.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { issueNumber, type RegisterEntryRecord, registerEntryRecord } from './register.js';
import {
  letterOf,
  loadRoundRow,
  periodOfRound,
  provinceCommuneIds,
  type RoundRow,
  roundUnitReports,
  windowOfRound,
} from './rounds.js';
import { outlines, registerEntries, rounds, units } from './schema.js';
import { issuingSigner, signerIdentityOf, unitSigners } from './signers.js';
import { loadUnitRef } from './units.js';

/** The letter of a round as a draft (no number, no date), or with a number and date when issuing. */
export async function composeRoundLetter(
  q: Queryable,
  row: RoundRow,
  options: {
    signer: SignerIdentity | null;
    today: IsoDate;
    number?: number | null;
    issuedOn?: IsoDate | null;
  },
): Promise<OfficialDocument> {
  const receiving = await loadUnitRef(q, row.unitId);
  const [issuer] = await q.select().from(units).where(eq(units.id, row.unitId)).limit(1);
  const identity = {
    parentHeader: headerLines(issuer?.parentHeader ?? null),
    issuerHeader: headerLines(issuer?.issuerHeader ?? null),
    placeName: issuer?.placeName ?? '',
    symbol: issuer?.symbol ?? '',
    archiveCode: issuer?.archiveCode ?? 'VP',
  };
  const [province] = await q
    .select({ name: units.name })
    .from(units)
    .where(and(eq(units.code, receiving.provinceCode ?? ''), eq(units.kind, 'province')))
    .limit(1);
  const members = await roundUnitReports(q, row.id);
  const communes = await provinceCommuneIds(q, receiving.provinceCode ?? '');
  const memberIds = new Set(members.map((m) => m.unit.id));
  const allCommunes = communes.length > 0 && communes.every((id) => memberIds.has(id));
  const [outline] = await q
    .select({ name: outlines.name, definition: outlines.definition })
    .from(outlines)
    .where(eq(outlines.id, row.outlineId))
    .limit(1);
  return composeRequestLetter({
    identity,
    provinceName: province ? sentenceUnit(province.name, 'province').name : '',
    allCommunes,
    units: members.map((m) => ({ name: m.unit.name, kind: m.unit.kind, communeKind: m.unit.communeKind })),
    period: periodOfRound(row),
    window: windowOfRound(row),
    deadline: row.deadline,
    guidance: row.guidance,
    outline: {
      name: outline?.name ?? row.outlineCode,
      sections: (outline?.definition.sections ?? []).map((s) => s.title),
    },
    letter: letterOf(row),
    signer: options.signer,
    number: options.number ?? null,
    issuedOn: options.issuedOn ?? null,
    today: options.today,
  });
}

/** The document the request letter downloads as: the frozen one once issued, else the draft. */
export async function roundLetterDocument(
  q: Queryable,
  row: RoundRow,
  today: IsoDate,
  signerId?: number,
): Promise<{ document: OfficialDocument; issued: boolean }> {
  if (row.requestDocument) return { document: row.requestDocument as OfficialDocument, issued: true };
  let signer: SignerIdentity | null = null;
  if (signerId) signer = await issuingSigner(q, row.unitId, signerId);
  else {
    const [first] = await unitSigners(q, row.unitId);
    signer = first ? signerIdentityOf(first) : null;
  }
  return { document: await composeRoundLetter(q, row, { signer, today }), issued: false };
}

export async function requestLetterEntry(q: Queryable, row: RoundRow): Promise<RegisterEntryRecord | null> {
  if (!row.requestRegisterEntryId) return null;
  const [entry] = await q
    .select()
    .from(registerEntries)
    .where(eq(registerEntries.id, row.requestRegisterEntryId))
    .limit(1);
  return entry ? registerEntryRecord(entry) : null;
}

/** Issues the request letter of a round: one number from the register, the document frozen. */
export async function issueRoundLetter(
  q: Queryable,
  actor: AuditActor,
  input: { roundId: number; signerId: number; issuedOn: IsoDate },
): Promise<{ entry: RegisterEntryRecord; document: OfficialDocument }> {
  const row = await loadRoundRow(q, input.roundId);
  const signer = await issuingSigner(q, row.unitId, input.signerId);
  // The claim: a concurrent issue waits on the row lock, then finds the letter issued.
  const claimed = await q
    .update(rounds)
    .set({ updatedAt: new Date() })
    .where(and(eq(rounds.id, row.id), isNull(rounds.requestRegisterEntryId)))
    .returning({ id: rounds.id });
  if (claimed.length === 0 || row.requestRegisterEntryId) {
    const entry = await requestLetterEntry(q, await loadRoundRow(q, row.id));
    throw new AppError(
      'CONFLICT',
      `Công văn đề nghị báo cáo của đợt này đã được ban hành${entry ? ` (số ${entry.notation})` : ''}; không cấp số lần nữa.`,
    );
  }
  const draft = await composeRoundLetter(q, row, { signer, today: input.issuedOn });
  const entry = await issueNumber(q, actor, {
    unitId: row.unitId,
    issuedOn: input.issuedOn,
    typeCode: 'CV',
    symbol: draft.symbol,
    subject: `V/v ${draft.subject}`,
    signerName: signer.fullName,
    signerTitle: signer.title,
    recipients: [...draft.kinhGui, ...draft.noiNhan].join('; '),
  });
  const { draftMonth: _unused, ...rest } = draft;
  const document: OfficialDocument = { ...rest, number: entry.number, issuedOn: input.issuedOn };
  await q
    .update(rounds)
    .set({ requestDocument: document, requestRegisterEntryId: entry.id })
    .where(eq(rounds.id, row.id));
  await writeAudit(q, actor, {
    action: 'round.request_letter',
    entity: 'round',
    entityId: row.id,
    unitId: row.unitId,
    after: {
      notation: notation(entry.number, entry.symbol),
      issuedOn: input.issuedOn,
      signer: signer.fullName,
    },
  });
  return { entry, document };
}
