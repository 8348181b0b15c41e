/**
 * A stored report's document opens by citing its round's request letter and closes naming the
 * unit that asked for it: the round is loaded with the report (src/db/report-record.ts).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReport, reportSource } from '../../src/db/report-record.js';
import { reports, rounds } from '../../src/db/schema.js';
import type { ReportView } from '../../src/domain/api-reports.js';
import type { OfficialDocument } from '../../src/domain/document.js';
import { composeReportDocument } from '../../src/domain/report-document.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildReport } from '../support/documents.js';

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }], {
    username: 'frame.officer',
  });
});
afterAll(async () => {
  await app?.close();
  await database.destroy();
});

/** A round of the province for the report's own period and outline, holding what is given. */
async function roundFor(reportId: number, values: Partial<typeof rounds.$inferInsert>): Promise<void> {
  const [report] = await database.db.select().from(reports).where(eq(reports.id, reportId));
  if (!report) throw new Error('no report');
  const [round] = await database.db
    .insert(rounds)
    .values({
      unitId: await unitId(database.db, '42'),
      name: 'Báo cáo thử',
      outlineId: report.outlineId,
      outlineCode: report.outlineCode,
      periodKind: report.periodKind,
      periodYear: report.periodYear,
      periodIndex: report.periodIndex,
      periodKey: report.periodKey,
      windowStart: report.windowStart,
      windowEnd: report.windowEnd,
      deadlineDays: 5,
      deadline: report.windowEnd,
      ...values,
    })
    .returning({ id: rounds.id });
  await database.db
    .update(reports)
    .set({ roundId: round?.id ?? null })
    .where(eq(reports.id, reportId));
}

function texts(doc: OfficialDocument): string[] {
  return doc.body.flatMap((b) => ('runs' in b ? [b.runs.map((r) => r.text).join('')] : []));
}

async function composed(reportId: number): Promise<OfficialDocument> {
  const rec = await loadReport(database.db, reportId);
  return composeReportDocument(reportSource(rec), { today: '2026-12-06' }).document;
}

describe("a report's opening and closing come from its round", () => {
  it('cites the letter the round records when it has no request letter of its own', async () => {
    const id = await buildReport(database.db, '18562', { status: 'draft' });
    await roundFor(id, {
      letter: {
        number: '5930/UBND-NgV',
        date: '2026-06-09',
        issuer: 'Chủ tịch UBND tỉnh',
        kind: 'announced',
      },
    });
    const [opening] = texts(await composed(id));
    expect(opening).toMatch(
      /^Thực hiện Công văn số 5930\/UBND-NgV ngày 09\/6\/2026 của Chủ tịch UBND tỉnh về việc báo cáo kết quả công tác đối ngoại tháng \d+ năm \d{4}, UBND xã Thạch Hà báo cáo kết quả thực hiện như sau:$/,
    );
  });

  it('cites the request letter issued through the system and names its issuer in the closing', async () => {
    const id = await buildReport(database.db, '18562', { status: 'draft' });
    await roundFor(id, {
      letter: { number: '1/UBND', date: '2026-01-05', issuer: 'UBND tỉnh', kind: 'answers' },
      requestDocument: {
        number: 12,
        symbol: 'SNgV-VP',
        issuedOn: '2026-06-10',
        issuerName: 'Sở Ngoại vụ',
        subject: 'báo cáo kết quả công tác đối ngoại 6 tháng đầu năm 2026',
      },
    });
    const body = texts(await composed(id));
    expect(body[0]).toBe(
      'Thực hiện Công văn số 12/SNgV-VP ngày 10/6/2026 của Sở Ngoại vụ về việc báo cáo kết quả công tác đối ngoại ' +
        '6 tháng đầu năm 2026, UBND xã Thạch Hà báo cáo kết quả thực hiện như sau:',
    );
    expect(body.at(-1)).toMatch(/ của UBND xã Thạch Hà kính gửi Sở Ngoại vụ để tổng hợp\.\/\.$/);
  });

  it('opens without a citation for a report that answers no round', async () => {
    const id = await buildReport(database.db, '18562', { status: 'draft' });
    const body = texts(await composed(id));
    expect(body[0]).toMatch(/^UBND xã Thạch Hà báo cáo /);
    expect(body.at(-1)).toMatch(/ của UBND xã Thạch Hà\.\/\.$/);
  });
});

describe('the opening and closing on the form', () => {
  it('come with the report view as drafted, and the officer rewrites the opening in place', async () => {
    const id = await buildReport(database.db, '18562', { status: 'draft' });
    await roundFor(id, {
      letter: {
        number: '5930/UBND-NgV',
        date: '2026-06-09',
        issuer: 'Chủ tịch UBND tỉnh',
        kind: 'announced',
      },
    });
    const officer = await signIn(app, 'frame.officer');
    const view = (await officer.request('GET', `/api/reports/${id}`)).json() as ReportView;
    expect(view.frame.opening.paragraphs[0]).toMatch(
      /^Thực hiện Công văn số 5930\/UBND-NgV ngày 09\/6\/2026/,
    );
    expect(view.frame.closing.paragraphs.at(-1)).toMatch(/\.\/\.$/);
    const own = 'Căn cứ kế hoạch công tác năm 2026, UBND xã Thạch Hà báo cáo như sau:';
    const saved = await officer.request('PUT', `/api/reports/${id}`, {
      revision: view.report.revision,
      content: {
        ...view.content,
        narratives: {
          ...view.content.narratives,
          'document.opening': { text: own, mode: 'replace', draftHash: view.frame.opening.draftHash },
        },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await officer.request('GET', `/api/reports/${id}`)).json() as ReportView;
    expect(after.frame.opening).toMatchObject({ paragraphs: [own], stale: false });
    expect(texts(after.document)[0]).toBe(own);
  });
});
