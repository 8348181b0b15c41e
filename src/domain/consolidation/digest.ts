/**
 * The digest of a consolidated report: beside the summed figures, what the communes actually wrote
 * in each section (the notable facts, each naming its commune: "UBND xã Thạch Hà đón 01 đoàn của
 * tổ chức KOICA khảo sát dự án cấp nước"). Only the communes' own words are taken: the texts their
 * officers wrote or rewrote (content.narratives), sentence by sentence, leaving out the outline's
 * boilerplate (kept defaults say the same thing in every commune) and "không phát sinh" sentences.
 * Nothing is invented: a sentence is printed as written, with the commune's name put into its
 * first "UBND xã" or "trên địa bàn xã", or before it ("Xã Thạch Hà: …") when it names no subject.
 *
 * Each fact is a paragraph of the consolidated report with a key stable across refreshes (the
 * section, the commune's code and a hash of the sentence), a proposal the officer keeps, rewrites
 * or leaves out like any default paragraph (drafting: `SectionSupplement.digest`).
 */
import { draftHash } from '../drafting/draft.js';
import type { DigestParagraph } from '../drafting/types.js';
import type { Outline, Section } from '../outline.js';
import { CLOSING_KEY, OPENING_KEY } from '../report-json.js';
import { compareUnitCodes, type SourceUnit } from './index.js';
import { splitUnitName } from './narrative.js';

/** A received report's own texts: what its officer wrote, by paragraph or section key. */
export interface SourceTexts {
  reportId: number;
  unit: SourceUnit;
  narratives: Record<string, { text: string; mode?: string }>;
}

/** At most this many facts of one commune in one section: the digest stays a digest. */
export const MAX_FACTS_PER_UNIT = 3;
/** Shorter sentences say nothing worth carrying up ("Không có.", "Đạt kết quả tốt."). */
const MIN_FACT_LENGTH = 20;

const DIGEST_MARK = '#digest-';

/** The key of a fact of `unitCode` in a section: stable as long as the commune's sentence is. */
export function digestKey(sectionKey: string, unitCode: string, sentence: string): string {
  return `${sectionKey}${DIGEST_MARK}${unitCode}-${draftHash([sentence])}`;
}

export function isDigestKey(key: string): boolean {
  return key.includes(DIGEST_MARK);
}

const normal = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();

/**
 * Sentences of a text: each line, then each sentence ending ".", "!" or "?" after a lower-case
 * letter, a digit or a bracket and followed by a capital ("TP. Hà Tĩnh" stays whole). A line's
 * list dash goes.
 */
export function sentencesOf(text: string): string[] {
  return text
    .normalize('NFC')
    .split('\n')
    .map((l) => l.trim().replace(/^[-–•+]\s+/u, ''))
    .filter(Boolean)
    .flatMap((line) => line.split(/(?<=[\p{Ll}\d)”"][.!?])\s+(?=[\p{Lu}"“])/u))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A sentence that only says nothing happened. */
function saysNothing(sentence: string): boolean {
  return /không (phát sinh|có)/iu.test(sentence) && !/\d/u.test(sentence);
}

const SUBJECTS =
  '(UBND|Ủy ban nhân dân|Đảng ủy|HĐND|Hội đồng nhân dân|Ủy ban MTTQ Việt Nam|Công an|[Tt]rên địa bàn|[Cc]ủa)';
const GENERIC_REFERENCE = new RegExp(`${SUBJECTS} (xã|phường|đặc khu)(?![\\p{L}\\d])(?! \\p{Lu})`, 'u');
const GENERIC_START = /^(Xã|Phường|Đặc khu)(?= \p{Ll})/u;

/**
 * The sentence naming its commune: as written when it names it already; its first "UBND xã",
 * "trên địa bàn xã" … completed with the name; else the name before it ("Xã Thạch Hà: …").
 */
export function namingUnit(sentence: string, unit: Pick<SourceUnit, 'name'>): string {
  const { kind, name } = splitUnitName(unit.name.normalize('NFC'));
  if (sentence.includes(name)) return sentence;
  const word = kind ?? '';
  if (word && GENERIC_REFERENCE.test(sentence))
    return sentence.replace(GENERIC_REFERENCE, (_m, subject: string) => `${subject} ${word} ${name}`);
  if (word && GENERIC_START.test(sentence)) return sentence.replace(GENERIC_START, (k) => `${k} ${name}`);
  const label = word ? `${word.charAt(0).toUpperCase()}${word.slice(1)} ${name}` : name;
  return `${label}: ${sentence}`;
}

/** Every section at any depth with the keys of its narrative blocks, in reading order. */
function sectionIndex(sections: readonly Section[]) {
  const sectionOf = new Map<string, string>();
  const order = new Map<string, number>();
  const walk = (s: Section) => {
    order.set(s.key, order.size);
    sectionOf.set(s.key, s.key);
    for (const c of s.children) {
      if (c.kind === 'narrative') sectionOf.set(c.key, s.key);
      else if (c.kind === 'section') walk(c);
    }
  };
  for (const s of sections) walk(s);
  return { sectionOf, order };
}

/** The outline's boilerplate, sentence by sentence (normalised): a commune that kept it wrote nothing. */
function boilerplate(outline: Outline): Set<string> {
  const out = new Set<string>();
  const walk = (s: Section) => {
    for (const c of s.children) {
      if (c.kind === 'narrative' && c.defaultText)
        for (const t of sentencesOf(c.defaultText)) out.add(normal(t));
      else if (c.kind === 'section') walk(c);
    }
  };
  for (const s of outline.sections) walk(s);
  return out;
}

/**
 * The digest by section key of the consolidated report (`target`), from the received reports'
 * texts written on `source`: per section in reading order, the communes in official code order,
 * each with at most MAX_FACTS_PER_UNIT sentences.
 */
export function consolidationDigest(
  source: Outline,
  target: Outline,
  texts: readonly SourceTexts[],
): Record<string, DigestParagraph[]> {
  const from = sectionIndex(source.sections);
  const into = sectionIndex(target.sections);
  const skip = new Set([...boilerplate(source), ...boilerplate(target)]);
  const out: Record<string, DigestParagraph[]> = {};
  const ordered = [...texts].sort((a, b) => compareUnitCodes(a.unit.code, b.unit.code));
  for (const report of ordered) {
    const entries = Object.entries(report.narratives)
      .filter(([key]) => key !== OPENING_KEY && key !== CLOSING_KEY && !key.endsWith('#nil'))
      .map(([key, edit]) => ({ key, text: edit.text, section: from.sectionOf.get(key.split('#')[0] ?? '') }))
      .filter(
        (e): e is { key: string; text: string; section: string } =>
          e.section !== undefined && into.order.has(e.section),
      )
      .sort((a, b) => (into.order.get(a.section) ?? 0) - (into.order.get(b.section) ?? 0));
    const perSection = new Map<string, Set<string>>();
    for (const entry of entries) {
      const taken = perSection.get(entry.section) ?? new Set<string>();
      perSection.set(entry.section, taken);
      for (const sentence of sentencesOf(entry.text)) {
        if (taken.size >= MAX_FACTS_PER_UNIT) break;
        const n = normal(sentence);
        if (sentence.length < MIN_FACT_LENGTH || skip.has(n) || taken.has(n) || saysNothing(sentence))
          continue;
        taken.add(n);
        const list = out[entry.section] ?? [];
        list.push({
          key: digestKey(entry.section, report.unit.code, sentence),
          text: namingUnit(sentence, report.unit),
          unitName: report.unit.name,
        });
        out[entry.section] = list;
      }
    }
  }
  return out;
}
