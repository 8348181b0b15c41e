/**
 * Numbers as Vietnamese documents write them: "." between thousands, "," before decimals
 * ("911.897", "180,5"), small counts on two digits ("03 lao động"), changes against an earlier
 * period ("tăng 12 lượt, tương đương 15,8%"). Pure and deterministic: no Intl, so the output does not depend
 * on the ICU data of the machine.
 */

export interface NumberFormatOptions {
  /**
   * Exact number of decimals. When absent, up to `maxDecimals` (default 2) are shown and trailing
   * zeros dropped: 180.5 → "180,5", 12 → "12".
   */
  decimals?: number;
  maxDecimals?: number;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 911897 → "911.897"; 180.5 → "180,5"; 1234567.25 → "1.234.567,25"; -3 → "-3". */
export function formatNumberVi(n: number, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(n)) return String(n);
  const decimals = options.decimals ?? options.maxDecimals ?? 2;
  let fixed = Math.abs(n).toFixed(Math.max(0, Math.min(decimals, 20)));
  if (options.decimals === undefined && fixed.includes('.')) {
    fixed = fixed.replace(/0+$/, '').replace(/\.$/, '');
  }
  const [whole = '0', fraction] = fixed.split('.');
  const negative = n < 0 && /[1-9]/.test(fixed);
  return `${negative ? '-' : ''}${groupThousands(whole)}${fraction ? `,${fraction}` : ''}`;
}

export interface CountFormatOptions {
  /** Whole numbers from 1 to 9 on two digits: "03", as the example reports write counts. */
  padSmall?: boolean;
}

/** A count: 3 → "3" or "03" with padSmall; 1200 → "1.200"; decimals kept ("13,5"). */
export function formatCount(n: number, options: CountFormatOptions = {}): string {
  if (options.padSmall && Number.isInteger(n) && n > 0 && n < 10) return `0${n}`;
  return formatNumberVi(n);
}

/** A ratio as a percentage with one decimal: 0.6667 → "66,7%"; 0.5 → "50%"; 1.2 → "120%". */
export function formatPercent(ratio: number): string {
  return `${formatNumberVi(Math.round(ratio * 1000) / 10, { maxDecimals: 1 })}%`;
}

export interface ChangeOptions extends CountFormatOptions {
  /** Either figure is an estimate ("khoảng 200 lượt"): the change is one too. */
  approx?: boolean;
}

/**
 * How `current` compares with `previous`: "tăng 2, tương đương 66,7%", "giảm 3 lượt, tương đương
 * 15,8%", "không tăng, không giảm" (no nested parentheses when a sentence puts it in brackets). No
 * percentage when `previous` is 0 (it would be infinite): "tăng 5 đoàn". An estimate reads "tăng
 * khoảng 12 lượt, tương đương khoảng 15,8%". The caller adds "so với cùng kỳ năm 2025".
 */
export function formatChange(
  current: number,
  previous: number,
  unit = '',
  options: ChangeOptions = {},
): string {
  const delta = current - previous;
  // Compare at the precision we print, so 10.004 against 10 reads "không tăng, không giảm".
  if (Math.abs(delta) < 0.005) return 'không tăng, không giảm';
  const about = options.approx ? 'khoảng ' : '';
  const amount = formatCount(Math.abs(delta), options);
  const head = `${delta > 0 ? 'tăng' : 'giảm'} ${about}${amount}${unit ? ` ${unit}` : ''}`;
  if (previous === 0) return head;
  return `${head}, tương đương ${about}${formatPercent(Math.abs(delta) / Math.abs(previous))}`;
}

/** Natural Vietnamese enumeration: ["A"] → "A"; ["A", "B", "C"] → "A, B và C". Blank items dropped. */
export function joinVi(items: readonly string[], conjunction = 'và'): string {
  const clean = items.map((s) => s.trim()).filter((s) => s.length > 0);
  if (clean.length <= 1) return clean[0] ?? '';
  return `${clean.slice(0, -1).join(', ')} ${conjunction} ${clean[clean.length - 1]}`;
}

/** An amount with its unit: (911897, "triệu đồng") → "911.897 triệu đồng"; (12.5, "triệu USD") → "12,5 triệu USD". */
export function formatMoney(n: number, unit: string): string {
  const amount = formatNumberVi(n);
  return unit.trim() ? `${amount} ${unit.trim()}` : amount;
}
