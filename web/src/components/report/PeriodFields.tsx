import {
  checkPeriod,
  type DataWindow,
  futurePeriodMessage,
  PERIOD_KIND_NAMES,
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
  periodLabel,
  todayInVietnam,
  windowFor,
  windowIssue,
} from '@domain/periods';
import { Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { capitalize, formatDate } from '../../lib/format';
import { DateField } from '../DateField';

export interface PeriodForm {
  kind: PeriodKind;
  year: string;
  index: string;
  start: string;
  end: string;
  override: boolean;
  windowStart: string;
  windowEnd: string;
}

export interface PeriodResult {
  period: Period | null;
  window: DataWindow | null;
  /** Messages by field: kind, year, index, start, end, window. */
  errors: Record<string, string>;
}

const KIND_OPTIONS = PERIOD_KINDS.map((kind) => ({
  value: kind,
  label: capitalize(PERIOD_KIND_NAMES[kind]),
}));
const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `Tháng ${i + 1}` }));
const QUARTERS = ['I', 'II', 'III', 'IV'].map((r, i) => ({ value: String(i + 1), label: `Quý ${r}` }));

/** Reads the form: the period, its data window (ND 09/2019 or the override) and any problems. */
export function readPeriod(form: PeriodForm, today = todayInVietnam()): PeriodResult {
  const errors: Record<string, string> = {};
  const checked = checkPeriod(
    { kind: form.kind, year: Number(form.year), index: Number(form.index), start: form.start, end: form.end },
    '',
  );
  if (!checked.ok) {
    for (const issue of checked.issues) errors[issue.path] ??= issue.message;
    return { period: null, window: null, errors };
  }
  let override: DataWindow | null = null;
  if (form.override) {
    const issue = windowIssue({ start: form.windowStart, end: form.windowEnd });
    if (issue) {
      errors.window = issue.message;
      return { period: checked.period, window: null, errors };
    }
    override = { start: form.windowStart, end: form.windowEnd };
  }
  const future = futurePeriodMessage(checked.period, today, override);
  if (future) errors.kind = future;
  return { period: checked.period, window: windowFor(checked.period, override), errors };
}

interface Props {
  form: PeriodForm;
  onChange: (form: PeriodForm) => void;
  result: PeriodResult;
}

/** Kind, then year and month/quarter, or the first day of a week, or a date range; the data window. */
export function PeriodFields({ form, onChange, result }: Props) {
  const set = (patch: Partial<PeriodForm>) => onChange({ ...form, ...patch });
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear + 1 - i));
  const ndWindow = result.period ? windowFor(result.period) : null;
  return (
    <Stack gap="sm">
      <Select
        label="Kỳ báo cáo"
        data={KIND_OPTIONS}
        value={form.kind}
        allowDeselect={false}
        onChange={(kind) => kind && set({ kind: kind as PeriodKind })}
        error={result.errors.kind}
      />
      {form.kind !== 'week' && form.kind !== 'custom' && (
        <Group grow align="flex-start">
          <Select
            label="Năm"
            data={years}
            value={form.year}
            allowDeselect={false}
            onChange={(year) => year && set({ year })}
            error={result.errors.year}
          />
          {form.kind === 'month' && (
            <Select
              label="Tháng"
              data={MONTHS}
              value={form.index}
              onChange={(i) => i && set({ index: i })}
              error={result.errors.index}
            />
          )}
          {form.kind === 'quarter' && (
            <Select
              label="Quý"
              data={QUARTERS}
              value={form.index}
              onChange={(i) => i && set({ index: i })}
              error={result.errors.index}
            />
          )}
        </Group>
      )}
      {(form.kind === 'week' || form.kind === 'custom') && (
        <Group grow align="flex-start">
          <DateField
            label={form.kind === 'week' ? 'Ngày đầu tuần' : 'Từ ngày'}
            value={form.start}
            onChange={(start) => set({ start })}
            error={result.errors.start}
          />
          {form.kind === 'custom' && (
            <DateField
              label="Đến ngày"
              value={form.end}
              onChange={(end) => set({ end })}
              error={result.errors.end}
            />
          )}
        </Group>
      )}
      {result.period && (
        <Text size="sm" data-period-label>
          {capitalize(periodLabel(result.period))}
          {ndWindow &&
            `: số liệu từ ${formatDate(ndWindow.start)} đến ${formatDate(ndWindow.end)} (theo Nghị định 09/2019/NĐ-CP)`}
        </Text>
      )}
      <Checkbox
        label="Điều chỉnh thời gian chốt số liệu"
        checked={form.override}
        onChange={(e) => {
          const override = e.currentTarget.checked;
          set({
            override,
            windowStart: form.windowStart || ndWindow?.start || '',
            windowEnd: form.windowEnd || ndWindow?.end || '',
          });
        }}
      />
      {form.override && (
        <Group grow align="flex-start">
          <DateField
            label="Số liệu từ ngày"
            value={form.windowStart}
            onChange={(windowStart) => set({ windowStart })}
            error={result.errors.window}
          />
          <DateField label="Đến ngày" value={form.windowEnd} onChange={(windowEnd) => set({ windowEnd })} />
        </Group>
      )}
    </Stack>
  );
}
