import type { Aggregation, Breakdown, Measure, ValueType } from '@domain/outline';

export const VALUE_TYPE_LABELS: Record<ValueType, string> = {
  integer: 'Số nguyên (đếm)',
  decimal: 'Số thập phân',
  money: 'Số tiền',
  list: 'Danh sách tên (quốc gia, đối tác…)',
  text: 'Văn bản ngắn',
};

export const MEASURE_LABELS: Record<Measure, string> = {
  flow: 'Phát sinh trong kỳ',
  stock: 'Số có mặt tại cuối kỳ',
};

export const AGGREGATION_LABELS: Record<Aggregation, string> = {
  sum: 'Cộng dồn',
  latest: 'Lấy số mới nhất',
  max: 'Lấy số lớn nhất',
};

export const BREAKDOWN_OPTION_LABELS: Record<Breakdown | 'none', string> = {
  none: 'Không chia nhỏ',
  country: 'Theo quốc gia',
  market: 'Theo thị trường',
  fund_source: 'Theo nguồn vốn',
};

export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
