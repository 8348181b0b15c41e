import type { Indicator, IndicatorValue } from '@domain/outline';
import { formatChange, formatNumberVi } from '@domain/vn-number';
import { Box, Button, Stack, TagsInput, Text, TextInput, type TextInputProps } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { BreakdownEditor } from './BreakdownEditor';
import { CountryMultiSelect } from './CountrySelect';
import { NumberBox } from './NumberBox';
import type { UpdateOptions } from './useReportDraft';
import { useTypedText } from './useTypedText';
import { isNumeric, labelWithUnit, partsOf, totalOf } from './values';

export interface ComparisonLabels {
  previous: string | null;
  sameLastYear: string | null;
}

interface Props {
  indicator: Indicator;
  value: IndicatorValue | undefined;
  previous: IndicatorValue | undefined;
  sameLastYear: IndicatorValue | undefined;
  labels: ComparisonLabels;
  error: string | undefined;
  warning?: string | undefined;
  disabled: boolean;
  /** A numeric figure marked as an estimate: the document prints "khoảng …". */
  approximate?: boolean;
  onApproximate?: (approximate: boolean) => void;
  /** `lazy` for what is typed into a box that shows it from its own state (useReportDraft). */
  onChange: (value: IndicatorValue | undefined, options?: UpdateOptions) => void;
}

const TYPED: UpdateOptions = { lazy: true };

/** The id of an indicator's field, for links from the checklist. */
export const fieldId = (code: string) => `chi-tieu-${code.replace(/[^a-z0-9]+/gi, '-')}`;

function comparisonText(label: string, current: number | null, earlier: IndicatorValue | undefined): string {
  const before = totalOf(earlier);
  if (before === null) return `${label}: chưa có số liệu`;
  const change = current === null ? '' : ` (${formatChange(current, before)})`;
  return `${label}: ${formatNumberVi(before)}${change}`;
}

/** Rows with a blank name and 0 are still being filled in: they do not make the total. */
function encodeBreakdown(
  total: number | null,
  parts: ReturnType<typeof partsOf>,
): IndicatorValue | undefined {
  const counted = parts.filter((p) => p.key.trim() !== '' || p.value !== 0);
  if (parts.length === 0) return total ?? undefined;
  const sum = counted.length > 0 ? counted.reduce((s, p) => s + p.value, 0) : (total ?? 0);
  return { total: Math.round(sum * 1e6) / 1e6, parts };
}

/** A text figure: what is typed shows at once, the report follows when typing pauses. */
function TextBox({
  value,
  onChange,
  ...rest
}: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (text: string) => void }) {
  const typed = useTypedText(value);
  return (
    <TextInput
      {...rest}
      value={typed.text}
      onFocus={typed.onFocus}
      onBlur={typed.onBlur}
      onChange={(e) => {
        const text = e.currentTarget.value;
        typed.setText(text);
        onChange(text);
      }}
    />
  );
}

/**
 * The "khoảng" switch inside a number box: pressed, the figure is an estimate and the document
 * prints "khoảng 200 lượt". A button (Tab reaches it, Space or Enter presses it), named for screen
 * readers with the figure it marks.
 */
function ApproximateToggle({
  label,
  on,
  disabled,
  onChange,
}: {
  label: string;
  on: boolean;
  disabled: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <Button
      size="compact-xs"
      variant={on ? 'filled' : 'default'}
      aria-pressed={on}
      aria-label={`Số ước tính, in “khoảng” — ${label}`}
      title={
        on ? 'Số ước tính: văn bản in “khoảng …”. Bấm để bỏ.' : 'Bấm nếu đây là số ước tính (in “khoảng …”).'
      }
      disabled={disabled}
      onClick={() => onChange(!on)}
      data-approximate={on ? 'true' : 'false'}
    >
      khoảng
    </Button>
  );
}

/**
 * Re-rendered only when what it shows changes: `onChange` is rebuilt by its section on every render
 * but always writes the same indicator through the same stable `update`, so it is not compared.
 */
function sameFieldProps(a: Props, b: Props): boolean {
  return (
    a.indicator === b.indicator &&
    a.value === b.value &&
    a.previous === b.previous &&
    a.sameLastYear === b.sameLastYear &&
    a.labels === b.labels &&
    a.error === b.error &&
    a.warning === b.warning &&
    a.disabled === b.disabled &&
    a.approximate === b.approximate
  );
}

export const IndicatorField = memo(IndicatorFieldView, sameFieldProps);

function IndicatorFieldView(props: Props) {
  const { indicator, value, previous, sameLastYear, labels, error, warning, disabled, onChange } = props;
  const approximate = props.approximate ?? false;
  const id = fieldId(indicator.code);
  const numeric = isNumeric(indicator);
  const total = totalOf(value);
  const parts = partsOf(value);
  const computed = parts.some((p) => p.key.trim() !== '' || p.value !== 0);
  const label = labelWithUnit(indicator);

  let input: ReactNode;
  if (numeric) {
    input = (
      <NumberBox
        id={id}
        label={label}
        description={computed ? 'Tổng được cộng từ các dòng bên dưới.' : indicator.hint}
        value={total}
        error={error}
        disabled={disabled}
        readOnly={computed}
        variant={computed ? 'filled' : 'default'}
        placeholder="Nhập số, ví dụ 1.234 hoặc 180,5"
        withAsterisk={indicator.required}
        {...(props.onApproximate
          ? {
              rightSection: (
                <ApproximateToggle
                  label={indicator.label}
                  on={approximate}
                  disabled={disabled}
                  onChange={props.onApproximate}
                />
              ),
              rightSectionWidth: 68,
              rightSectionPointerEvents: 'all' as const,
            }
          : {})}
        onChange={(n) => onChange(indicator.breakdown ? encodeBreakdown(n, parts) : (n ?? undefined), TYPED)}
      />
    );
  } else if (indicator.valueType === 'list' && indicator.listOf === 'country') {
    input = (
      <CountryMultiSelect
        id={id}
        label={label}
        description={indicator.hint ?? 'Gõ để tìm nước, vùng lãnh thổ (có dấu hoặc không dấu).'}
        placeholder="Gõ để tìm nước"
        value={Array.isArray(value) ? value : []}
        error={error}
        disabled={disabled}
        withAsterisk={indicator.required}
        onChange={(items) => onChange(items.length > 0 ? items : undefined)}
      />
    );
  } else if (indicator.valueType === 'list') {
    input = (
      <TagsInput
        id={id}
        label={label}
        description={indicator.hint ?? 'Gõ tên rồi nhấn Enter để thêm.'}
        value={Array.isArray(value) ? value : []}
        error={error}
        disabled={disabled}
        withAsterisk={indicator.required}
        onChange={(items) => onChange(items.length > 0 ? items : undefined)}
        clearable
      />
    );
  } else {
    input = (
      <TextBox
        id={id}
        label={label}
        description={indicator.hint}
        value={typeof value === 'string' ? value : ''}
        error={error}
        disabled={disabled}
        withAsterisk={indicator.required}
        onChange={(text) => onChange(text === '' ? undefined : text, TYPED)}
      />
    );
  }

  return (
    <Stack gap={4} data-indicator={indicator.code}>
      {input}
      {numeric && indicator.breakdown && (
        <Box pl={{ base: 0, xs: 'md' }}>
          <BreakdownEditor
            breakdown={indicator.breakdown}
            parts={parts}
            unit={indicator.unit}
            disabled={disabled}
            idPrefix={id}
            onChange={(next) => onChange(encodeBreakdown(total, next), TYPED)}
          />
        </Box>
      )}
      {warning && !error && (
        <Text size="xs" c="orange.8" data-warning>
          Lưu ý: {warning}
        </Text>
      )}
      {/* Nothing to compare with (a first report): no line of "chưa có số liệu" under every field. */}
      {numeric && (totalOf(previous) !== null || totalOf(sameLastYear) !== null) && (
        <Text size="xs" c="dimmed" data-comparison>
          {comparisonText(labels.previous ? `Kỳ trước (${labels.previous})` : 'Kỳ trước', total, previous)}
          {' · '}
          {comparisonText(
            labels.sameLastYear ? `Cùng kỳ (${labels.sameLastYear})` : 'Cùng kỳ năm trước',
            total,
            sameLastYear,
          )}
        </Text>
      )}
    </Stack>
  );
}
