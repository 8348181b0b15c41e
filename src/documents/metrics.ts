/**
 * Advance widths of Times New Roman (from its metric-compatible twin Liberation Serif), in 1/1000
 * em, for ASCII and the Vietnamese base letters. The renderer sizes the short rules under headers
 * to the text they underline and the checker measures them back; composed letters (ắ, ộ, ữ …) take
 * the width of their base letter, as they do in the font.
 */
const CHARS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ĐđƠơƯưÂâĂăÊêÔô';
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333,
  389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469,
  500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
  278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, 722, 500, 722, 529, 776, 542, 722, 444, 722, 444,
  611, 444, 722, 500,
];
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389,
  500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581,
  500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
  333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520, 722, 556, 778, 554, 796, 600, 722, 500, 722, 500,
  667, 444, 778, 500,
];
const ITALIC = [
  250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278, 500, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 333, 333, 675, 675, 675, 500, 920, 611, 611, 667, 722, 611, 611, 722, 722, 333,
  444, 667, 556, 833, 667, 722, 611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556, 389, 278, 389, 422,
  500, 333, 500, 500, 444, 500, 444, 278, 500, 500, 278, 278, 444, 278, 722, 500, 500, 500, 500, 389, 389,
  278, 500, 444, 667, 444, 444, 389, 400, 275, 400, 541, 722, 500, 722, 534, 754, 545, 611, 500, 611, 500,
  611, 444, 722, 500,
];
const BOLDITALIC = [
  250, 389, 555, 500, 500, 833, 778, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 832, 667, 667, 667, 722, 667, 667, 722, 778, 389,
  500, 667, 611, 889, 722, 722, 611, 722, 667, 556, 611, 722, 667, 889, 667, 611, 611, 333, 278, 333, 570,
  500, 333, 500, 500, 444, 500, 444, 333, 500, 556, 278, 278, 500, 278, 778, 556, 500, 500, 500, 389, 389,
  278, 556, 444, 667, 500, 444, 389, 348, 220, 348, 570, 722, 500, 722, 537, 775, 599, 667, 500, 667, 500,
  667, 444, 722, 500,
];

export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
}

function table(style: FontStyle): number[] {
  if (style.bold) return style.italic ? BOLDITALIC : BOLD;
  return style.italic ? ITALIC : REGULAR;
}

const INDEX = new Map<string, number>([...CHARS].map((c, i) => [c, i]));

/** Index of a character's base letter in CHARS: "ộ" → "ô", "ữ" → "ư"; -1 when unknown. */
function baseIndex(ch: string): number {
  const direct = INDEX.get(ch);
  if (direct !== undefined) return direct;
  const decomposed = ch.normalize('NFD');
  // Keep the horn (ơ, ư) and the breve/circumflex, which change the base glyph; drop tone marks.
  const kept = [...decomposed.slice(1)].filter((m) => m === '\u031B' || m === '\u0302' || m === '\u0306');
  const base = (decomposed[0] ?? '') + kept.join('');
  return INDEX.get(base.normalize('NFC')) ?? INDEX.get(decomposed[0] ?? '') ?? -1;
}

/** Width of `text` set in Times New Roman at `sizePt`, in points. */
export function textWidthPt(text: string, sizePt: number, style: FontStyle = {}): number {
  const widths = table(style);
  let units = 0;
  for (const ch of text.normalize('NFC')) {
    const i = baseIndex(ch);
    units += i >= 0 ? (widths[i] ?? 500) : 500;
  }
  return (units * sizePt) / 1000;
}
