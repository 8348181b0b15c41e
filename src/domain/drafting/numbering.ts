/**
 * Section numbers as printed (I., 1., a)). Kept local while the outline helpers land; the rule is
 * the one of src/domain/outlines/numbering.ts (letters without f, j, w, z, with đ after d).
 */
const LETTERS = 'a b c d đ e g h i k l m n o p q r s t u v x y'.split(' ');
const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

function letter(index: number): string {
  const n = LETTERS.length;
  if (index < n) return LETTERS[index] as string;
  return `${LETTERS[Math.floor(index / n) - 1] ?? 'y'}${LETTERS[index % n]}`;
}

/** The number of the `index`-th (0-based) section at `level` (1-based): "I.", "2.", "đ)"; deeper: "-". */
export function sectionNumber(level: number, index: number): string {
  if (level === 1) return `${roman(index + 1)}.`;
  if (level === 2) return `${index + 1}.`;
  if (level === 3) return `${letter(index)})`;
  return '-';
}
