import type { Breakdown, BrokenDownValue } from '@domain/outline';
import { ActionIcon, Autocomplete, Button, Group, Stack } from '@mantine/core';
import { NumberBox } from './NumberBox';
import { BREAKDOWN_LABELS } from './values';

const SUGGESTIONS: Record<Breakdown, string[]> = {
  market: ['Hàn Quốc', 'Nhật Bản', 'Đài Loan (Trung Quốc)', 'Trung Quốc', 'Malaysia', 'Lào', 'Đức', 'Úc'],
  country: ['Trung Quốc', 'Hàn Quốc', 'Nhật Bản', 'Lào', 'Campuchia', 'Hoa Kỳ', 'Nga', 'Thái Lan'],
  fund_source: ['Viện trợ phi chính phủ nước ngoài', 'ODA', 'FDI', 'Ngân sách địa phương'],
};

type Parts = BrokenDownValue['parts'];

interface Props {
  breakdown: Breakdown;
  parts: Parts;
  unit: string;
  disabled: boolean;
  idPrefix: string;
  onChange: (parts: Parts) => void;
}

/** Rows of "Hàn Quốc: 2", "Nhật Bản: 1"; the indicator's total is their sum. */
export function BreakdownEditor({ breakdown, parts, unit, disabled, idPrefix, onChange }: Props) {
  const label = BREAKDOWN_LABELS[breakdown];
  const set = (index: number, part: Partial<Parts[number]>) =>
    onChange(parts.map((p, i) => (i === index ? { ...p, ...part } : p)));
  return (
    <Stack gap={6}>
      {parts.map((part, index) => (
        // Rows have no identity but their position: removing one re-keys the rest, which is fine here.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Group key={index} gap={6} wrap="nowrap" align="flex-start">
          <Autocomplete
            aria-label={`${label} (dòng ${index + 1})`}
            id={`${idPrefix}-key-${index}`}
            placeholder={label}
            data={SUGGESTIONS[breakdown]}
            value={part.key}
            disabled={disabled}
            onChange={(key) => set(index, { key })}
            style={{ flex: '1 1 60%', minWidth: 0 }}
            size="sm"
          />
          <NumberBox
            aria-label={`Số ${unit} của ${part.key || `dòng ${index + 1}`}`}
            value={part.value}
            disabled={disabled}
            onChange={(value) => set(index, { value: value ?? 0 })}
            style={{ flex: '0 1 40%', minWidth: 0 }}
            size="sm"
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Xóa dòng ${part.key || index + 1}`}
            disabled={disabled}
            onClick={() => onChange(parts.filter((_, i) => i !== index))}
            mt={4}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      {!disabled && (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => onChange([...parts, { key: '', value: 0 }])}
          style={{ alignSelf: 'flex-start' }}
        >
          + Thêm {label.toLocaleLowerCase('vi')}
        </Button>
      )}
    </Stack>
  );
}
