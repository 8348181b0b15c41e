import { isCountryBreakdown } from '@domain/countries';
import type { Breakdown, BrokenDownValue } from '@domain/outline';
import { ActionIcon, Autocomplete, Button, Group, Stack } from '@mantine/core';
import { type FocusEvent, useEffect, useRef, useState } from 'react';
import { CountrySelect } from './CountrySelect';
import { NumberBox } from './NumberBox';
import { BREAKDOWN_LABELS } from './values';

/** Free-text breakdowns only: countries and markets come from the catalogue (CountrySelect). */
const FUND_SOURCES = ['Viện trợ phi chính phủ nước ngoài', 'ODA', 'FDI', 'Ngân sách địa phương'];

/** What an incomplete row asks for once the officer has left it. */
const MISSING_KEY: Record<Breakdown, string> = {
  country: 'Chọn nước',
  market: 'Chọn thị trường',
  fund_source: 'Nhập nguồn vốn',
};

type Parts = BrokenDownValue['parts'];

/** A row as the officer fills it in: a name and a number, either still missing. */
interface Row {
  /** Stable while the form is open, so that removing a row does not re-key the others. */
  id: number;
  key: string;
  value: number | null;
  /** The officer has left the row (focus went elsewhere): now an incomplete row may complain. */
  left: boolean;
}

interface Props {
  breakdown: Breakdown;
  parts: Parts;
  unit: string;
  disabled: boolean;
  idPrefix: string;
  onChange: (parts: Parts) => void;
}

let lastRowId = 0;
const newRow = (key: string, value: number | null): Row => {
  lastRowId += 1;
  return { id: lastRowId, key, value, left: false };
};
const rowsOf = (parts: Parts): Row[] => parts.map((p) => newRow(p.key, p.value));

/** The rows the report keeps: both halves filled. A row being filled in is the form's, not the report's. */
function completeParts(rows: readonly Row[]): Parts {
  return rows.flatMap((r) =>
    r.key.trim() !== '' && r.value !== null ? [{ key: r.key, value: r.value }] : [],
  );
}

/**
 * Rows of "Hàn Quốc: 2", "Nhật Bản: 1"; the indicator's total is their sum. A new row starts empty and
 * says nothing until the officer leaves it incomplete ("Chọn nước", "Nhập số"); only complete rows
 * reach the report, so a half-filled row never shows a report error.
 */
export function BreakdownEditor({ breakdown, parts, unit, disabled, idPrefix, onChange }: Props) {
  const label = BREAKDOWN_LABELS[breakdown];
  const [rows, setRows] = useState<Row[]>(() => rowsOf(parts));
  // The parts this editor last sent: parts that differ came from outside (restore, another save).
  const sent = useRef(JSON.stringify(parts));
  useEffect(() => {
    const incoming = JSON.stringify(parts);
    if (incoming === sent.current) return;
    sent.current = incoming;
    setRows(rowsOf(parts));
  }, [parts]);

  const update = (next: Row[]) => {
    setRows(next);
    const complete = completeParts(next);
    const json = JSON.stringify(complete);
    if (json === sent.current) return;
    sent.current = json;
    onChange(complete);
  };
  const set = (index: number, row: Partial<Row>) =>
    update(rows.map((r, i) => (i === index ? { ...r, ...row } : r)));
  const leave = (index: number) => (event: FocusEvent<HTMLDivElement>) => {
    const to = event.relatedTarget;
    if (to instanceof Node && event.currentTarget.contains(to)) return;
    setRows((current) => current.map((r, i) => (i === index ? { ...r, left: true } : r)));
  };

  return (
    <Stack gap={6}>
      {rows.map((row, index) => {
        const keyLabel = `${label} (dòng ${index + 1})`;
        const keyError = row.left && row.key.trim() === '' ? MISSING_KEY[breakdown] : undefined;
        const valueError = row.left && row.value === null ? 'Nhập số' : undefined;
        return (
          <Group
            key={row.id}
            gap={6}
            wrap="nowrap"
            align="flex-start"
            onBlur={leave(index)}
            data-breakdown-row
          >
            {isCountryBreakdown({ breakdown }) ? (
              <CountrySelect
                aria-label={keyLabel}
                id={`${idPrefix}-key-${index}`}
                placeholder={breakdown === 'market' ? 'Gõ để tìm thị trường' : 'Gõ để tìm nước'}
                value={row.key}
                error={keyError}
                disabled={disabled}
                onChange={(key) => set(index, { key })}
                style={{ flex: '1 1 60%', minWidth: 0 }}
                size="sm"
              />
            ) : (
              <Autocomplete
                aria-label={keyLabel}
                id={`${idPrefix}-key-${index}`}
                placeholder={label}
                data={FUND_SOURCES}
                value={row.key}
                error={keyError}
                disabled={disabled}
                onChange={(key) => set(index, { key })}
                style={{ flex: '1 1 60%', minWidth: 0 }}
                size="sm"
              />
            )}
            <NumberBox
              aria-label={`Số ${unit} của ${row.key || `dòng ${index + 1}`}`}
              value={row.value}
              error={valueError}
              placeholder="Số"
              disabled={disabled}
              onChange={(value) => set(index, { value })}
              style={{ flex: '0 1 40%', minWidth: 0 }}
              size="sm"
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Xóa dòng ${row.key || index + 1}`}
              disabled={disabled}
              onClick={() => update(rows.filter((_, i) => i !== index))}
              mt={4}
            >
              ✕
            </ActionIcon>
          </Group>
        );
      })}
      {!disabled && (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setRows([...rows, newRow('', null)])}
          style={{ alignSelf: 'flex-start' }}
        >
          + Thêm {label.toLocaleLowerCase('vi')}
        </Button>
      )}
    </Stack>
  );
}
