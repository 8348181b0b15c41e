/**
 * The Vietnamese date picker itself (Mantine DateInput, dayjs 'vi'), loaded with the first date
 * field shown: the calendar, its styles and the locale stay out of the main script.
 */
import '@mantine/dates/styles.css';
import 'dayjs/locale/vi';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { parseVnDate } from './dateText';

export default function DateInputVi(props: DateInputProps) {
  return (
    <DateInput
      locale="vi"
      valueFormat="DD/MM/YYYY"
      placeholder="ngày/tháng/năm"
      dateParser={parseVnDate}
      firstDayOfWeek={1}
      previousLabel="Tháng trước"
      nextLabel="Tháng sau"
      {...props}
    />
  );
}
