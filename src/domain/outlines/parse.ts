/**
 * The text of a province's đề cương (pasted, or read from a DOCX or PDF) parsed into a tree of
 * headings, each kept exactly as written, with the numbering scheme the province uses per level.
 *
 * How it reads the text:
 * - A heading is a line that starts with a numbering token: Roman "I.", Arabic "1.", dotted "2.1.",
 *   a letter "a)" / "a.", or a dash "-". Levels come from the order the schemes appear in (the
 *   first scheme met is level 1, a new scheme under it level 2, …), never from one province's text.
 * - A line that starts with a lower-case letter continues the line before it (PDF and e-mail text
 *   wrap long headings); other lines are guidance for the heading above.
 * - A dash item is a heading only where the scheme has a dash level and the item reads like a
 *   heading (short, one phrase); otherwise it is guidance (a list of what to write).
 * - Markdown and e-mail leftovers ("#", "**") are dropped; text after "Nơi nhận:" is not read.
 * Refused, with a Vietnamese message naming the line: no heading at all, numbers that skip (1, 3),
 * two headings with the same title at one level, a level numbered two ways.
 */
import type { NumberStyle } from '../outline.js';
import { cleanText, foldForSearch } from '../text.js';
import { MAX_SECTION_DEPTH, SECTION_LETTERS, toRoman } from './numbering.js';

export interface ParsedHeading {
  /** The heading as written (NFC, spaces collapsed), without its number. */
  title: string;
  style: NumberStyle;
  /** The number as written: "II.", "2.1.", "đ)", "-". */
  token: string;
  /** 1-based line of the source where the heading starts. */
  line: number;
  /** Text under the heading that is not a heading: what the province asks to write. */
  guidance: string[];
  children: ParsedHeading[];
}

export interface ParsedOutlineText {
  /** The numbering scheme per level, top level first. */
  numbering: NumberStyle[];
  headings: ParsedHeading[];
  /** Non-empty lines before the first heading (title, subject, request letter). */
  preamble: string[];
}

export interface ParseProblem {
  /** 1-based line, or null for the text as a whole. */
  line: number | null;
  message: string;
}

export type ParseResult = { ok: true; parsed: ParsedOutlineText } | { ok: false; problems: ParseProblem[] };

/** A logical line: one or more physical lines joined (wrapped text). */
interface Line {
  line: number;
  text: string;
}

interface Token {
  style: NumberStyle;
  /** Which level a token belongs to: the style, and for dotted numbers their depth ("dotted2"). */
  levelKey: string;
  token: string;
  /** The numbers: [2] for "2.", [2, 1] for "2.1.", [4] for "d)" (position in the alphabet), [] for a dash. */
  values: number[];
  rest: string;
}

/** Dash items longer than this, or with more than one sentence, are guidance, not headings. */
const DASH_HEADING_MAX = 150;
const TITLE_MAX = 500;
/** "Nơi nhận:" ends the body of a document; what follows is the distribution list. */
const END_OF_BODY = /^n[oơ]i nh[aậ]n\s*:?$/iu;

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

function fromRoman(roman: string): number | null {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN_VALUES[roman[i] as string];
    const next = ROMAN_VALUES[roman[i + 1] as string] ?? 0;
    if (value === undefined) return null;
    total += value < next ? -value : value;
  }
  // Only canonical numerals: "IIII" or "VX" are not section numbers.
  return toRoman(total) === roman ? total : null;
}

/** 'a' → 1, 'đ' → 5 in the Vietnamese sequence; letters outside it (f, j, w, z) by the Latin one. */
function letterValue(letter: string): { vi: number | null; latin: number } {
  const vi = SECTION_LETTERS.indexOf(letter as (typeof SECTION_LETTERS)[number]);
  const latin = letter === 'đ' ? 4.5 : letter.charCodeAt(0) - 96;
  return { vi: vi >= 0 ? vi + 1 : null, latin };
}

/** Drops Markdown and rich-text leftovers: heading marks, bold and italic stars, quote marks. */
function stripMarkup(raw: string): string {
  return cleanText(raw)
    .replace(/^#{1,6}\s*/, '')
    .replace(/^>\s*/, '')
    .replace(/\*\*|__/g, '')
    .replace(/^\*\s*(?=\S)/, '')
    .replace(/(?<=\S)\s*\*$/, '')
    .replace(/\\([*_#\-.])/g, '$1')
    .trim();
}

const LETTER_CLASS = '[a-zđ]';
const DOTTED = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)(.*)$/u;
const ARABIC = /^(\d{1,2})[.)]\s*(?=\p{L})(.*)$/u;
const ROMAN = /^([IVXL]{1,7})[.)]\s*(?=\p{L})(.*)$/u;
const LETTER = new RegExp(`^(${LETTER_CLASS})[).]\\s*(?=\\p{L})(.*)$`, 'u');
const DASH = /^[-–—]\s*(?=\S)(.*)$/u;

function tokenOf(text: string): Token | null {
  let m = DOTTED.exec(text);
  if (m) {
    const values = (m[1] as string).split('.').map(Number);
    return {
      style: 'dotted',
      levelKey: `dotted${values.length}`,
      token: `${m[1]}.`,
      values,
      rest: m[2] as string,
    };
  }
  m = ARABIC.exec(text);
  if (m)
    return {
      style: 'arabic',
      levelKey: 'arabic',
      token: `${m[1]}.`,
      values: [Number(m[1])],
      rest: m[2] as string,
    };
  m = ROMAN.exec(text);
  if (m) {
    const value = fromRoman(m[1] as string);
    if (value !== null)
      return { style: 'roman', levelKey: 'roman', token: `${m[1]}.`, values: [value], rest: m[2] as string };
  }
  m = LETTER.exec(text);
  if (m) {
    const letter = m[1] as string;
    return {
      style: 'letter',
      levelKey: 'letter',
      token: `${letter})`,
      values: [letterValue(letter).latin],
      rest: m[2] as string,
    };
  }
  m = DASH.exec(text);
  if (m) return { style: 'dash', levelKey: 'dash', token: '-', values: [], rest: m[1] as string };
  return null;
}

/**
 * The width a text was hard-wrapped at (text taken from a PDF), or null for text whose lines are
 * whole paragraphs (pasted, or from a DOCX): most lines then end near one common width.
 */
function wrapWidth(lines: readonly string[]): number | null {
  const lengths = lines.map((l) => l.length).filter((n) => n > 0);
  if (lengths.length < 10) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
  if (p90 < 40 || p90 > 130) return null;
  const near = lengths.filter((n) => n >= p90 * 0.8 && n <= p90 * 1.1).length;
  return near / lengths.length >= 0.3 ? p90 : null;
}

/**
 * Physical lines → logical lines: a line starting in lower case continues the one before, and in
 * hard-wrapped text a heading that fills its line and has no closing punctuation goes on.
 */
function logicalLines(text: string): Line[] {
  const out: Line[] = [];
  const physical = text.replace(/\r\n?/g, '\n').split('\n');
  const width = wrapWidth(physical.map((l) => cleanText(l)));
  let lastLength = 0;
  for (let i = 0; i < physical.length; i++) {
    const cleaned = stripMarkup(physical[i] as string);
    if (!cleaned) continue;
    const previousLength = lastLength;
    lastLength = cleaned.length;
    if (END_OF_BODY.test(cleaned.replace(/[*_]/g, ''))) break;
    const previous = out.at(-1);
    // "- thể thao, …" after "… văn hóa" is a wrapped line that happens to start with a dash.
    const body = /^[-–—]\s+\p{Ll}/u.test(cleaned) ? cleaned.replace(/^[-–—]\s+/, '- ') : cleaned;
    const continues = /^\p{Ll}/u.test(body) && !tokenOf(body) && previous !== undefined;
    const wrappedDash =
      /^- \p{Ll}/u.test(body) &&
      previous !== undefined &&
      /^[-–—] /.test(previous.text) &&
      !/[.;:!?]$/.test(previous.text);
    const wrappedHeading =
      width !== null &&
      previous !== undefined &&
      tokenOf(previous.text) !== null &&
      !tokenOf(body) &&
      previousLength >= width * 0.8 &&
      !/[.;:!?]$/.test(previous.text) &&
      previous.text.length + body.length <= 300;
    if (continues || wrappedHeading) previous.text = `${previous.text} ${body}`;
    else if (wrappedDash) previous.text = `${previous.text} ${body}`;
    else out.push({ line: i + 1, text: body });
  }
  return out;
}

/** Is this dash item a heading ("- Tình hình người nước ngoài") rather than a sentence of guidance? */
function dashReadsAsHeading(rest: string): boolean {
  if (rest.length > DASH_HEADING_MAX) return false;
  // Two sentences are prose.
  return !/[.!?]\s+\p{Lu}/u.test(rest);
}

/** "Công tác lãnh sự: số hồ sơ …" → title "Công tác lãnh sự", guidance "số hồ sơ …". */
function splitRunIn(rest: string): { title: string; guidance: string | null } {
  const colon = rest.indexOf(': ');
  if (colon > 0 && colon <= 200 && rest.slice(colon + 2).trim()) {
    return { title: rest.slice(0, colon).trim(), guidance: rest.slice(colon + 2).trim() };
  }
  return { title: rest.trim(), guidance: null };
}

function quote(text: string): string {
  return `"${text.length > 80 ? `${text.slice(0, 77)}…` : text}"`;
}

const STYLE_EXAMPLE: Record<NumberStyle, string> = {
  roman: 'I., II., …',
  arabic: '1., 2., …',
  dotted: '1.1., 1.2., …',
  letter: 'a), b), …',
  dash: '-',
  none: 'không đánh số',
};

interface Level {
  key: string;
  style: NumberStyle;
  /** The last number seen at this level under the current parent. */
  last: Token | null;
  /** Folded titles of the siblings at this level under the current parent, with their lines. */
  titles: Map<string, number>;
  /** The children list the next heading of this level goes into. */
  into: ParsedHeading[];
  /** The heading last added at this level. */
  heading: ParsedHeading | null;
}

/** The expected next number after `last` (or the first one), for the message of a skip. */
function expectedAfter(style: NumberStyle, last: Token | null, parentValues: number[]): string {
  const n = last ? (last.values.at(-1) ?? 0) + 1 : 1;
  switch (style) {
    case 'roman':
      return `${toRoman(n)}.`;
    case 'arabic':
      return `${n}.`;
    case 'dotted':
      return `${[...(last ? last.values.slice(0, -1) : parentValues), n].join('.')}.`;
    case 'letter': {
      const lastLetter = last ? last.token.slice(0, -1) : null;
      const vi = lastLetter ? letterValue(lastLetter).vi : 0;
      return `${vi !== null ? (SECTION_LETTERS[vi] ?? 'a') : 'a'})`;
    }
    default:
      return '';
  }
}

/** Does `token` follow `last` at its level (or start the level when `last` is null)? */
function follows(token: Token, last: Token | null, parentValues: number[]): boolean {
  switch (token.style) {
    case 'dash':
    case 'none':
      return true;
    case 'letter': {
      const letter = token.token.slice(0, -1);
      const { vi, latin } = letterValue(letter);
      if (!last) return vi === 1;
      const before = letterValue(last.token.slice(0, -1));
      // Either alphabet: a, b, c, d, đ, e, g (Vietnamese) or a, b, c, d, e, f (Latin).
      return (vi !== null && before.vi !== null && vi === before.vi + 1) || latin === before.latin + 1;
    }
    case 'dotted': {
      const prefix = token.values.slice(0, -1);
      const n = token.values.at(-1) ?? 0;
      if (!last) {
        const parentOk =
          parentValues.length === 0 || prefix.join('.') === parentValues.slice(-prefix.length).join('.');
        return n === 1 && parentOk;
      }
      return prefix.join('.') === last.values.slice(0, -1).join('.') && n === (last.values.at(-1) ?? 0) + 1;
    }
    default: {
      const n = token.values[0] ?? 0;
      return n === (last ? (last.values[0] ?? 0) + 1 : 1);
    }
  }
}

/** Parses the text of a đề cương into its headings; see the module comment for the rules. */
export function parseOutlineText(text: string): ParseResult {
  const problems: ParseProblem[] = [];
  const headings: ParsedHeading[] = [];
  const preamble: string[] = [];
  /** The numbering scheme found per level; a level is numbered one way in the whole outline. */
  const numbering: { style: NumberStyle; key: string; line: number }[] = [];
  const stack: Level[] = [];
  const guidanceOf = (): string[] | null => stack.at(-1)?.heading?.guidance ?? null;

  for (const { line, text: lineText } of logicalLines(text)) {
    const token = tokenOf(lineText);
    const addGuidance = () => {
      const target = guidanceOf();
      if (target) target.push(lineText);
      else preamble.push(lineText);
    };
    if (!token) {
      addGuidance();
      continue;
    }
    if (token.style === 'dash' && !dashReadsAsHeading(token.rest)) {
      addGuidance();
      continue;
    }
    let depth = stack.findIndex((l) => l.key === token.levelKey);
    if (depth < 0) depth = stack.length;
    const known = numbering[depth];
    if (known && known.key !== token.levelKey) {
      // A dash list where the scheme has another level is a list of what to write.
      if (token.style === 'dash') {
        addGuidance();
        continue;
      }
      problems.push({
        line,
        message: `Dòng ${line}: mục ${quote(`${token.token} ${token.rest}`)} ở cấp ${depth + 1} đánh số kiểu ${STYLE_EXAMPLE[token.style]} trong khi các mục cấp ${depth + 1} khác (dòng ${known.line}) đánh số kiểu ${STYLE_EXAMPLE[known.style]}. Mỗi cấp mục chỉ dùng một kiểu đánh số.`,
      });
      continue;
    }
    if (depth >= MAX_SECTION_DEPTH) {
      // Deeper than the document prints: the items stay as guidance of the heading above.
      addGuidance();
      continue;
    }
    stack.length = Math.min(stack.length, depth + 1);
    const parent = depth > 0 ? (stack[depth - 1]?.heading ?? null) : null;
    const parentToken = depth > 0 ? (stack[depth - 1]?.last ?? null) : null;
    if (depth > 0 && !parent) {
      addGuidance();
      continue;
    }
    let level = stack[depth];
    if (!level) {
      level = {
        key: token.levelKey,
        style: token.style,
        last: null,
        titles: new Map(),
        into: parent ? parent.children : headings,
        heading: null,
      };
      stack[depth] = level;
    }
    if (!known) numbering[depth] = { style: token.style, key: token.levelKey, line };
    const parentValues = parentToken?.values ?? [];
    if (!follows(token, level.last, parentValues)) {
      const expected = expectedAfter(token.style, level.last, parentValues);
      problems.push({
        line,
        message: level.last
          ? `Dòng ${line}: số thứ tự bị nhảy — sau mục ${level.last.token} là mục ${token.token} (${quote(token.rest)}); mục tiếp theo phải là ${expected}`
          : `Dòng ${line}: mục đầu tiên ở cấp này phải đánh số ${expected}, không phải ${token.token} (${quote(token.rest)}).`,
      });
    }
    const { title: rawTitle, guidance } = splitRunIn(token.rest);
    const title = cleanText(rawTitle);
    if (!title) {
      problems.push({ line, message: `Dòng ${line}: mục ${token.token} không có tên.` });
      continue;
    }
    if (title.length > TITLE_MAX) {
      problems.push({
        line,
        message: `Dòng ${line}: tên mục ${token.token} dài ${title.length} ký tự (tối đa ${TITLE_MAX}); có thể đây là một đoạn văn chứ không phải đề mục.`,
      });
    }
    const folded = foldForSearch(title).replace(/[\s.:;,]+$/, '');
    const twin = level.titles.get(folded);
    if (twin !== undefined) {
      problems.push({
        line,
        message: `Dòng ${line}: mục ${quote(title)} trùng tên với mục cùng cấp ở dòng ${twin}.`,
      });
    } else level.titles.set(folded, line);
    const heading: ParsedHeading = {
      title,
      style: token.style,
      token: token.token,
      line,
      guidance: guidance ? [guidance] : [],
      children: [],
    };
    level.into.push(heading);
    level.last = token;
    level.heading = heading;
  }

  if (headings.length === 0) {
    return {
      ok: false,
      problems: [
        {
          line: null,
          message:
            'Không tìm thấy đề mục nào trong văn bản đề cương. Mỗi đề mục cần bắt đầu bằng số thứ tự như "I.", "1.", "1.1.", "a)" hoặc "-".',
        },
      ],
    };
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, parsed: { numbering: numbering.map((n) => n.style), headings, preamble } };
}
