import type { Indicator } from '@domain/outline';
import { indicatorSchema } from '@domain/outlines/schema';
import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type FieldErrors, issuesToErrors, useFormState } from '../../lib/forms';
import { FormModal } from '../FormModal';
import {
  AGGREGATION_LABELS,
  BREAKDOWN_OPTION_LABELS,
  MEASURE_LABELS,
  options,
  VALUE_TYPE_LABELS,
} from './labels';

interface Props {
  sectionTitle: string;
  onClose: () => void;
  /** Adds the indicator; returns the field errors when the outline refuses it (code taken). */
  onAdd: (indicator: Indicator) => FieldErrors | null;
}

/** "Thêm chỉ tiêu": code, label, unit, value type, stock/flow, aggregation, breakdown, phrase. */
export function IndicatorForm({ sectionTitle, onClose, onAdd }: Props) {
  const { values, set, errors, setErrors } = useFormState({
    code: '',
    label: '',
    unit: '',
    valueType: 'integer',
    measure: 'flow',
    aggregation: 'sum',
    breakdown: 'none',
    phrase: '',
    required: false,
    countries: false,
  });
  const [pending, setPending] = useState(false);
  const submit = () => {
    const { breakdown, countries, ...rest } = values;
    const parsed = indicatorSchema.safeParse({
      kind: 'indicator',
      ...rest,
      phrase: rest.phrase.trim() || rest.label.trim().toLocaleLowerCase('vi'),
      ...(breakdown === 'none' ? {} : { breakdown }),
      ...(countries && rest.valueType === 'list' ? { listOf: 'country' } : {}),
    });
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error.issues));
      return;
    }
    setPending(true);
    const refused = onAdd(parsed.data as Indicator);
    setPending(false);
    if (refused) setErrors(refused);
    else onClose();
  };
  return (
    <FormModal
      title={`Thêm chỉ tiêu vào mục "${sectionTitle}"`}
      onClose={onClose}
      onSubmit={submit}
      pending={pending}
      error={null}
      submitLabel="Thêm"
    >
      <TextInput
        label="Mã chỉ tiêu"
        description="Chữ thường không dấu, ngăn cách bằng dấu chấm, ví dụ: delegations.in.count"
        value={values.code}
        onChange={(e) => set('code', e.currentTarget.value)}
        error={errors.code}
        required
      />
      <TextInput
        label="Tên chỉ tiêu"
        value={values.label}
        onChange={(e) => set('label', e.currentTarget.value)}
        error={errors.label}
        required
      />
      <Group grow align="flex-start">
        <TextInput
          label="Đơn vị tính"
          placeholder="đoàn, lượt, người…"
          value={values.unit}
          onChange={(e) => set('unit', e.currentTarget.value)}
          error={errors.unit}
        />
        <Select
          label="Kiểu giá trị"
          data={options(VALUE_TYPE_LABELS)}
          value={values.valueType}
          allowDeselect={false}
          onChange={(v) => v && set('valueType', v)}
          error={errors.valueType}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label="Loại chỉ tiêu"
          data={options(MEASURE_LABELS)}
          value={values.measure}
          allowDeselect={false}
          onChange={(v) => v && set('measure', v)}
          error={errors.measure}
        />
        <Select
          label="Cách cộng dồn"
          data={options(AGGREGATION_LABELS)}
          value={values.aggregation}
          allowDeselect={false}
          onChange={(v) => v && set('aggregation', v)}
          error={errors.aggregation}
        />
      </Group>
      <Select
        label="Chia nhỏ"
        data={options(BREAKDOWN_OPTION_LABELS)}
        value={values.breakdown}
        allowDeselect={false}
        onChange={(v) => v && set('breakdown', v)}
        error={errors.breakdown}
      />
      {values.valueType === 'list' && (
        <Checkbox
          label="Danh sách nước, vùng lãnh thổ (chọn theo danh mục)"
          checked={values.countries}
          onChange={(e) => set('countries', e.currentTarget.checked)}
        />
      )}
      <TextInput
        label="Cụm từ khi soạn văn bản"
        description='Đứng sau con số trong câu văn, ví dụ "đoàn vào" trong "đón tiếp 03 đoàn vào". Để trống: dùng tên chỉ tiêu.'
        value={values.phrase}
        onChange={(e) => set('phrase', e.currentTarget.value)}
        error={errors.phrase}
      />
      <Checkbox
        label="Bắt buộc nhập trước khi gửi"
        checked={values.required}
        onChange={(e) => set('required', e.currentTarget.checked)}
      />
    </FormModal>
  );
}
