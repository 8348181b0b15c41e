/** Vietnamese formatting for the interface: dd/mm/yyyy dates, dotted thousands, day countdowns. */
import { formatDateShort } from '@domain/periods';

const numberFormat = new Intl.NumberFormat('vi-VN');

/** 3355 → "3.355". */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "2026-06-14" or "2026-06-14T08:00:00Z" → "14/06/2026" (the calendar date as the server wrote it). */
export function formatDate(value: string): string {
  return formatDateShort(value.slice(0, 10));
}

/** An instant shown in Vietnam's time (UTC+7, no daylight saving): "23/11/2026 14:05". */
export function formatDateTime(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  const iso = new Date(time + 7 * 3600_000).toISOString();
  return `${formatDateShort(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
}

/** 3 → "còn 3 ngày", 0 → "hạn chót hôm nay", -2 → "quá hạn 2 ngày". */
export function countdown(daysLeft: number): string {
  if (daysLeft > 0) return `còn ${formatNumber(daysLeft)} ngày`;
  if (daysLeft === 0) return 'hạn chót hôm nay';
  return `quá hạn ${formatNumber(-daysLeft)} ngày`;
}

/** "6 tháng cuối năm 2026" → "6 tháng cuối năm 2026"; "tháng 6 năm 2026" → "Tháng 6 năm 2026". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
