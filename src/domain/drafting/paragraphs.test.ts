import { describe, expect, it } from 'vitest';
import type { Outline, Section } from '../outline.js';
import type { Period } from '../periods.js';
import { qualityChecks } from '../quality.js';
import type { ReportContent, ReportContentInput } from '../report-json.js';
import { missingRequired, validateContent } from '../validation.js';
import { composeDocument } from './compose.js';
import { draftReport, figuresKey, flattenDrafted, GENERIC_NIL, nilKey } from './draft.js';
import { content, FIXTURE_OUTLINE } from './fixtures.test-support.js';
import {
  acceptNewWording,
  deleteParagraph,
  dropDefault,
  keepDefaults,
  proposalKeys,
  rewriteParagraph,
} from './paragraphs.js';
import type { DraftedParagraph, DraftedSection, DraftUnit } from './types.js';

const HALF1: Period = { kind: 'half1', year: 2026, index: 0 };
const COMMUNE: DraftUnit = { name: 'xã Lạc Phượng', kind: 'commune' };
const DEFAULT = 'Tình hình chính trị - xã hội cơ bản ổn định.';

/** The fixture with a default after the figures of "delegations", and a section that cannot be nil. */
const OUTLINE: Outline = {
  ...FIXTURE_OUTLINE,
  sections: FIXTURE_OUTLINE.sections.map((s) =>
    s.key === 'directions'
      ? { ...s, nilAllowed: false }
      : s.key === 'results'
        ? {
            ...s,
            children: s.children.map((c) =>
              c.kind === 'section' && c.key === 'delegations'
                ? {
                    ...c,
                    children: [
                      ...c.children,
                      {
                        kind: 'narrative' as const,
                        key: 'delegations.text',
                        label: 'Đánh giá',
                        defaultText: 'Các đoàn được quản lý chặt chẽ, đúng quy định.',
                      },
                    ],
                  }
                : c,
            ),
          }
        : s,
  ),
};

function draft(c: ReportContent) {
  return draftReport({ outline: OUTLINE, content: c, period: HALF1, unit: COMMUNE });
}

function section(c: ReportContent, key: string): DraftedSection {
  const found = flattenDrafted(draft(c).sections).find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
}

function item(c: ReportContent, sectionKey: string, key: string): DraftedParagraph {
  const found = section(c, sectionKey).items.find((i) => i.key === key);
  if (!found) throw new Error(`no paragraph ${key}`);
  return found;
}

/** The body of the printed document, one string. */
function printed(c: ReportContent): string {
  const doc = composeDocument({
    outline: OUTLINE,
    content: c,
    period: HALF1,
    unit: COMMUNE,
    identity: {
      parentHeader: [],
      issuerHeader: [],
      placeName: 'Lạc Phượng',
      symbol: 'UBND',
      archiveCode: 'VP',
    },
  });
  return doc.body
    .map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : b.kind === 'heading' ? b.text : ''))
    .join('\n');
}

/** A report as the system makes it now: no default kept. */
function fresh(input: ReportContentInput = {}): ReportContent {
  return content({ kept: [], ...input });
}

describe('default paragraphs are proposals', () => {
  it('a default does not print until the officer keeps it, and prints once kept', () => {
    const c = fresh({ values: { 'delegations.in.count': 2 } });
    const proposal = item(c, 'background', 'background.text');
    expect(proposal).toMatchObject({ kind: 'default', proposal: true, printed: [] });
    expect(printed(c)).not.toContain(DEFAULT);
    const kept = keepDefaults(OUTLINE, c, ['background.text']);
    expect(item(kept, 'background', 'background.text')).toMatchObject({
      proposal: false,
      printed: [DEFAULT],
    });
    expect(printed(kept)).toContain(DEFAULT);
    expect(printed(dropDefault(OUTLINE, kept, 'background.text'))).not.toContain(DEFAULT);
  });

  it('keeping every proposal of the report keeps each default, in every section', () => {
    const c = fresh({ values: { 'delegations.in.count': 2 } });
    const keys = proposalKeys(draft(c).sections);
    expect(keys).toEqual(['background.text', 'delegations.text']);
    const all = keepDefaults(OUTLINE, c, keys);
    expect(proposalKeys(draft(all).sections)).toEqual([]);
    expect(printed(all)).toContain('Các đoàn được quản lý chặt chẽ');
  });

  it('content written before proposals (no `kept`) prints its defaults as it did', () => {
    const old = content({ values: { 'delegations.in.count': 2 } });
    expect(printed(old)).toContain(DEFAULT);
    // The first change of the list starts from "every default kept", so nothing else disappears.
    const dropped = dropDefault(OUTLINE, old, 'background.text');
    expect(printed(dropped)).not.toContain(DEFAULT);
    expect(printed(dropped)).toContain('Các đoàn được quản lý chặt chẽ');
  });

  it('a required default paragraph not kept is missing content; kept, it is not', () => {
    const outline: Outline = {
      ...OUTLINE,
      sections: OUTLINE.sections.map((s) =>
        s.key === 'background'
          ? { ...s, children: s.children.map((n) => (n.kind === 'narrative' ? { ...n, required: true } : n)) }
          : s,
      ),
    };
    const missing = (c: ReportContent) => missingRequired(outline, c).map((i) => i.path);
    expect(missing(fresh())).toContain('background.text');
    expect(missing(fresh({ kept: ['background.text'] }))).not.toContain('background.text');
  });

  it('refuses keeping a paragraph the outline does not propose', () => {
    const issues = validateContent(OUTLINE, fresh({ kept: ['directions.text', 'nowhere'] }));
    expect(issues.map((i) => i.path)).toEqual(['directions.text', 'nowhere']);
  });
});

describe('every printed paragraph is editable', () => {
  it('an empty text prints nothing: a deleted default never falls back to the outline text', () => {
    const c = fresh({ kept: ['background.text'] });
    const deleted = deleteParagraph(c, item(c, 'background', 'background.text'));
    expect(item(deleted, 'background', 'background.text').printed).toEqual([]);
    expect(printed(deleted)).not.toContain(DEFAULT);
  });

  it('a drafted paragraph of figures can be rewritten or deleted', () => {
    const c = fresh({ values: { 'delegations.in.count': 2, 'delegations.out.count': 1 } });
    const figures = item(c, 'delegations', figuresKey('delegations', 0));
    expect(figures.printed[0]).toContain('02 đoàn vào');
    const rewritten = rewriteParagraph(c, figures, 'Xã đón 02 đoàn vào và cử 01 đoàn ra.');
    expect(printed(rewritten)).toContain('Xã đón 02 đoàn vào và cử 01 đoàn ra.');
    expect(printed(rewritten)).not.toContain(figures.printed[0]);
    const deleted = deleteParagraph(c, figures);
    expect(printed(deleted)).not.toContain('đoàn vào');
    // Deleting a paragraph the outline knows is no "code the outline does not have".
    expect(validateContent(OUTLINE, deleted)).toEqual([]);
  });

  it('a change of figures re-drafts an untouched paragraph', () => {
    const c = fresh({ values: { 'delegations.in.count': 2 } });
    const after = { ...c, values: { 'delegations.in.count': 5 } };
    expect(item(after, 'delegations', figuresKey('delegations', 0)).printed[0]).toContain('05 đoàn vào');
    expect(item(after, 'delegations', figuresKey('delegations', 0)).stale).toBe(false);
  });

  it('an edited paragraph survives a change of figures, with the new wording proposed, never forced', () => {
    const c = fresh({ values: { 'delegations.in.count': 2 } });
    const edited = rewriteParagraph(
      c,
      item(c, 'delegations', figuresKey('delegations', 0)),
      'Đón 02 đoàn vào.',
    );
    expect(item(edited, 'delegations', figuresKey('delegations', 0)).stale).toBe(false);
    const after = { ...edited, values: { 'delegations.in.count': 5 } };
    const paragraph = item(after, 'delegations', figuresKey('delegations', 0));
    expect(paragraph).toMatchObject({ stale: true, printed: ['Đón 02 đoàn vào.'] });
    expect(paragraph.drafted[0]).toContain('05 đoàn vào');
    expect(printed(after)).toContain('Đón 02 đoàn vào.');
    // The checks before sending say so, at the paragraph.
    const quality = qualityChecks({
      outline: OUTLINE,
      content: after,
      drafted: draft(after),
      unit: { code: '1', name: 'Xã Lạc Phượng' },
      catalogue: [],
    });
    expect(quality.filter((i) => i.kind === 'stale_edit').map((i) => i.key)).toEqual([
      figuresKey('delegations', 0),
    ]);
    const accepted = acceptNewWording(OUTLINE, after, paragraph);
    expect(item(accepted, 'delegations', figuresKey('delegations', 0))).toMatchObject({ stale: false });
    expect(printed(accepted)).toContain('05 đoàn vào');
    expect(printed(accepted)).not.toContain('Đón 02 đoàn vào.');
  });
});

describe('"không phát sinh" and sections left out', () => {
  it('a section without a nilPhrase answers a generic "Không phát sinh."', () => {
    const c = fresh({ nil: { all: false, sections: ['background'] } });
    expect(section(c, 'background').items.map((i) => [i.key, i.printed])).toEqual([
      [nilKey('background'), [GENERIC_NIL]],
      ['background.text', []],
    ]);
    expect(validateContent(OUTLINE, c)).toEqual([]);
    expect(printed(c)).toMatch(/BỐI CẢNH TÌNH HÌNH\nKhông phát sinh\./);
  });

  it('refuses "không phát sinh" for a section the outline marks so', () => {
    const issues = validateContent(OUTLINE, fresh({ nil: { all: false, sections: ['directions'] } }));
    expect(issues.map((i) => [i.path, i.severity])).toEqual([['directions', 'error']]);
    expect(section(fresh({ nil: { all: false, sections: ['directions'] } }), 'directions').nil).toBe(false);
  });

  it('a section left out prints nothing, not even its heading, and the others are renumbered', () => {
    const c = fresh({
      values: { 'delegations.in.count': 2 },
      kept: ['background.text'],
      narratives: { 'directions.text': { text: 'Tiếp tục theo dõi.', mode: 'append' } },
      omit: ['background'],
    });
    const text = printed(c);
    expect(text).not.toContain('BỐI CẢNH');
    expect(text).not.toContain(DEFAULT);
    expect(draft(c).sections.map((s) => s.number)).toEqual(['', 'I.', 'II.']);
  });

  it('refuses leaving out a required section', () => {
    const outline: Outline = {
      ...OUTLINE,
      sections: OUTLINE.sections.map((s): Section => (s.key === 'background' ? { ...s, required: true } : s)),
    };
    const c = fresh({ kept: ['background.text'], omit: ['background'] });
    expect(validateContent(outline, c).map((i) => i.path)).toEqual(['background']);
    // And it still prints: the outline has it.
    const drafted = draftReport({ outline, content: c, period: HALF1, unit: COMMUNE });
    expect(drafted.sections[0]?.paragraphs).toEqual([DEFAULT]);
  });

  it('a paragraph key the outline does not have is refused, so nothing prints outside it', () => {
    const c = fresh({ narratives: { 'elsewhere#0': { text: 'Nội dung lạ.', mode: 'replace' } } });
    expect(validateContent(OUTLINE, c).map((i) => i.path)).toEqual(['elsewhere#0']);
    expect(printed(c)).not.toContain('Nội dung lạ.');
  });
});
