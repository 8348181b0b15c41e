/**
 * The one record form of every register, drawn from the kind's field definitions. The activity log's
 * entry is short (date, field, the sentence) with the rest under "Thêm chi tiết", so that a phone
 * takes it in under a minute. The server checks the record; its messages show at their fields.
 * When someone else saved the record first, what the officer typed stays on the form and both
 * choices are offered.
 */
import type { LogbookRecordOut, LogbookSectionOut } from '@domain/api-logbook';
import type { LogbookField, LogbookKind } from '@domain/logbook/kinds';
import { todayInVietnam } from '@domain/periods';
import {
  ActionIcon,
  Alert,
  Button,
  Collapse,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import {
  createLogbookRecord,
  type LogbookEntry,
  loadLogbookRecord,
  updateLogbookRecord,
} from '../../api/logbook';
import { formatDateTime } from '../../lib/format';
import { errorFor, type FieldErrors, serverFieldErrors } from '../../lib/forms';
import { DateField } from '../DateField';
import { FormModal } from '../FormModal';
import { CountryMultiSelect, CountrySelect } from '../report/CountrySelect';
import {
  type DocumentValue,
  emptyState,
  entryOf,
  type FormState,
  type FormValue,
  type NationalityRow,
  stateOf,
} from './fields';

/** Fields of the activity log shown at once; the others are folded under "Thêm chi tiết". */
const ACTIVITY_SHORT = new Set(['text']);

interface Props {
  unitId: number;
  kind: LogbookKind;
  sections: LogbookSectionOut[];
  /** The record corrected; absent: a new one. */
  record?: LogbookRecordOut;
  onClose: () => void;
  onSaved: (record: LogbookRecordOut) => void;
}

function NationalitiesInput({
  field,
  value,
  onChange,
  error,
}: {
  field: LogbookField;
  value: NationalityRow[];
  onChange: (rows: NationalityRow[]) => void;
  error: string | undefined;
}) {
  const rows = value.length ? value : [{ country: '', count: '' as const }];
  const set = (i: number, row: NationalityRow) => onChange(rows.map((r, j) => (j === i ? row : r)));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {field.label}
      </Text>
      {field.hint && (
        <Text size="xs" c="dimmed">
          {field.hint}
        </Text>
      )}
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
          <CountrySelect
            aria-label={`${field.label}: quốc tịch, dòng ${i + 1}`}
            placeholder="Quốc tịch"
            value={row.country}
            onChange={(country) => set(i, { ...row, country })}
            style={{ flex: 1, minWidth: 0 }}
          />
          <NumberInput
            aria-label={`${field.label}: số người, dòng ${i + 1}`}
            placeholder="Số người"
            value={row.count}
            onChange={(n) => set(i, { ...row, count: typeof n === 'number' ? n : '' })}
            min={0}
            allowDecimal={false}
            thousandSeparator="."
            decimalSeparator=","
            w={100}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Bỏ dòng ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            mb={4}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => onChange([...rows, { country: '', count: '' }])}
        >
          + Thêm quốc tịch
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function FieldInput({
  field,
  value,
  onChange,
  error,
}: {
  field: LogbookField;
  value: FormValue | undefined;
  onChange: (value: FormValue) => void;
  error: string | undefined;
}) {
  const common = {
    label: field.label,
    description: field.hint,
    required: field.required,
    error,
  };
  switch (field.type) {
    case 'line':
      return (
        <TextInput
          {...common}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={8}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'integer':
    case 'decimal':
    case 'money':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(n) => onChange(typeof n === 'number' ? n : '')}
          min={0}
          allowDecimal={field.type !== 'integer'}
          thousandSeparator="."
          decimalSeparator=","
          rightSection={field.unit ? <Text size="xs">{field.unit}</Text> : undefined}
          rightSectionWidth={field.unit ? 80 : undefined}
          maw={field.type === 'integer' ? 220 : 320}
        />
      );
    case 'date':
      return <DateField {...common} value={String(value ?? '')} onChange={onChange} maw={220} />;
    case 'country':
      return <CountrySelect {...common} value={String(value ?? '')} onChange={onChange} />;
    case 'countries':
      return (
        <CountryMultiSelect
          {...common}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={onChange}
        />
      );
    case 'nationalities':
      return (
        <NationalitiesInput
          field={field}
          value={Array.isArray(value) ? (value as NationalityRow[]) : []}
          onChange={onChange}
          error={error}
        />
      );
    case 'choice':
      return (
        <Select
          {...common}
          data={(field.options ?? []).map((o) => ({ value: o.value, label: o.label }))}
          value={typeof value === 'string' && value ? value : null}
          onChange={(v) => onChange(v ?? '')}
          clearable={!field.required}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'document': {
      const doc = (value as DocumentValue | undefined) ?? { notation: '', date: '' };
      return (
        <Stack gap={4}>
          <Group gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              label={`${field.label}: số, ký hiệu`}
              placeholder="12/QĐ-UBND"
              value={doc.notation}
              onChange={(e) => onChange({ ...doc, notation: e.currentTarget.value })}
              error={error}
              style={{ flex: '1 1 180px' }}
            />
            <DateField
              label="Ngày văn bản"
              value={doc.date}
              onChange={(date) => onChange({ ...doc, date })}
              style={{ flex: '0 1 170px' }}
            />
          </Group>
        </Stack>
      );
    }
  }
}

export function RecordForm({ unitId, kind, sections, record, onClose, onSaved }: Props) {
  const [state, setState] = useState<FormState>(() =>
    record ? stateOf(kind, record) : emptyState(kind, todayInVietnam()),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [revision, setRevision] = useState(record?.revision ?? 0);
  const [conflict, setConflict] = useState<{ current: LogbookRecordOut; message: string } | null>(null);
  const activity = kind.code === 'activity';
  const folded = activity ? kind.fields.filter((f) => !ACTIVITY_SHORT.has(f.key)) : [];
  const shown = activity ? kind.fields.filter((f) => ACTIVITY_SHORT.has(f.key)) : kind.fields;
  const hasDetails =
    record !== undefined && folded.some((f) => record.data[f.key] !== undefined || record.endsOn !== null);
  const [details, setDetails] = useState(hasDetails);
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict) conflictRef.current?.scrollIntoView({ block: 'start' });
  }, [conflict]);

  const save = useMutation({
    mutationFn: (entry: LogbookEntry) =>
      record
        ? updateLogbookRecord(record.id, revision, entry)
        : createLogbookRecord(unitId, kind.code, entry),
    onSuccess: (saved) => onSaved(saved),
    onError: async (error) => {
      const fields = serverFieldErrors(error);
      setErrors(fields);
      // A message on a folded field opens the details, so the officer sees where.
      if (
        activity &&
        Object.keys(fields).some((k) => k === 'endsOn' || (k.startsWith('data.') && k !== 'data.text'))
      )
        setDetails(true);
      // The first field the server refused, in view (the form may be scrolled on a phone).
      requestAnimationFrame(() =>
        document.querySelector('[role="dialog"] [aria-invalid="true"]')?.scrollIntoView({ block: 'center' }),
      );
      if (error instanceof ApiError && error.status === 409 && record) {
        const current = await loadLogbookRecord(record.id).catch(() => null);
        if (current) setConflict({ current, message: error.message });
      }
    },
  });

  const set = (patch: Partial<FormState>) => setState((s) => ({ ...s, ...patch }));
  const setValue = (key: string, value: FormValue) => {
    setState((s) => ({ ...s, values: { ...s.values, [key]: value } }));
    setErrors((e) => {
      const { [`data.${key}`]: _, ...rest } = e;
      return rest;
    });
  };
  const field = (f: LogbookField) => (
    <FieldInput
      key={f.key}
      field={f}
      value={state.values[f.key]}
      onChange={(v) => setValue(f.key, v)}
      error={errorFor(errors, `data.${f.key}`)}
    />
  );

  const endsOn = kind.endsOnLabel ? (
    <DateField
      label={kind.endsOnLabel}
      required={kind.endsOnRequired}
      value={state.endsOn}
      onChange={(endsOn) => set({ endsOn })}
      error={errors.endsOn}
      clearable
      maw={220}
    />
  ) : null;

  return (
    <FormModal
      title={
        record ? `Sửa: ${kind.name}` : `Thêm vào ${kind.name.charAt(0).toLowerCase()}${kind.name.slice(1)}`
      }
      onClose={onClose}
      onSubmit={() => save.mutate(entryOf(kind, state))}
      pending={save.isPending}
      error={conflict || Object.keys(errors).length ? null : save.error}
      submitLabel={record ? 'Lưu thay đổi' : 'Lưu'}
    >
      {conflict && (
        <Alert ref={conflictRef} color="orange" title="Bản ghi vừa được người khác sửa" role="alert">
          <Text size="sm">{conflict.message}</Text>
          <Text size="sm" mt={4}>
            Bản hiện tại (phiên bản {conflict.current.revision}, lưu lúc{' '}
            {formatDateTime(conflict.current.updatedAt)}
            {conflict.current.updatedBy ? ` bởi ${conflict.current.updatedBy.fullName}` : ''}). Những gì bạn
            vừa nhập vẫn còn trên biểu mẫu.
          </Text>
          <Group gap="xs" mt="xs">
            <Button
              size="xs"
              variant="light"
              onClick={() => {
                setState(stateOf(kind, conflict.current));
                setRevision(conflict.current.revision);
                setConflict(null);
                setErrors({});
              }}
            >
              Dùng bản hiện tại
            </Button>
            {!conflict.current.deleted && (
              <Button
                size="xs"
                color="orange"
                onClick={() => {
                  setRevision(conflict.current.revision);
                  setConflict(null);
                }}
              >
                Giữ bản của tôi (bấm Lưu để ghi đè)
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <Group gap="sm" align="flex-start" wrap="wrap">
        <DateField
          label={kind.startsOnLabel}
          required
          value={state.startsOn}
          onChange={(startsOn) => set({ startsOn })}
          error={errors.startsOn}
          maw={220}
          data-autofocus={activity ? undefined : true}
        />
        {!activity && endsOn}
      </Group>
      {activity && (
        <Select
          label="Lĩnh vực (mục của báo cáo)"
          required
          searchable
          data={sections.map((s) => ({ value: s.key, label: s.title }))}
          value={state.sectionKey || null}
          onChange={(v) => {
            set({ sectionKey: v ?? '' });
            setErrors(({ sectionKey: _, ...rest }) => rest);
          }}
          error={errors.sectionKey}
          nothingFoundMessage="Không có mục này trong đề cương"
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {shown.map(field)}
      {activity && (
        <>
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setDetails((d) => !d)}
              aria-expanded={details}
            >
              {details ? 'Ẩn chi tiết' : 'Thêm chi tiết'}
            </Button>
            {!details && (
              <Text size="xs" c="dimmed">
                đến ngày, đối tác, nước, số người, giá trị, văn bản
              </Text>
            )}
          </Group>
          <Collapse expanded={details}>
            <Stack gap="sm">
              {endsOn}
              {folded.map(field)}
            </Stack>
          </Collapse>
        </>
      )}
    </FormModal>
  );
}
