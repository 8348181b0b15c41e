/**
 * A date as Vietnamese officers write it, whatever the browser's language: shown and typed as
 * dd/mm/yyyy, picked from a Vietnamese calendar (Mantine DateInput, dayjs 'vi'). The value stays an
 * ISO date (yyyy-mm-dd, '' when empty), as the API takes it.
 */
import '@mantine/dates/styles.css';
import 'dayjs/locale/vi';
import { DateInput, type DateInputProps } from '@mantine/dates';

/** "6/12/2026", "06-12-2026", "06.12.2026" → "2026-12-06"; null when it is not a real date. */
export function parseVnDate(text: string): string | null {
  const match = text.trim().match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** yyyy-mm-dd, or '' */
  value: string;
  onChange: (iso: string) => void;
};

export function DateField({ value, onChange, ...rest }: Props) {
  return (
    <DateInput
      locale="vi"
      valueFormat="DD/MM/YYYY"
      placeholder="ngày/tháng/năm"
      dateParser={parseVnDate}
      firstDayOfWeek={1}
      previousLabel="Tháng trước"
      nextLabel="Tháng sau"
      {...rest}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
    />
  );
}
