import type { IndicatorValue } from '@domain/outline';
import { formatNumber } from '../../lib/format';

/** A figure as the tables show it: "1.250,5", "14 (Nhật Bản 8, Hàn Quốc 6)", "Lào, Nhật Bản", "—". */
export function formatValue(value: IndicatorValue | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  const parts = value.parts.map((p) => `${p.key} ${formatNumber(p.value)}`).join(', ');
  return parts ? `${formatNumber(value.total)} (${parts})` : formatNumber(value.total);
}
