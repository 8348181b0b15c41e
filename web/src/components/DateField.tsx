/**
 * A date as Vietnamese officers write it, whatever the browser's language: shown and typed as
 * dd/mm/yyyy, picked from a Vietnamese calendar. The value stays an ISO date (yyyy-mm-dd, '' when
 * empty), as the API takes it. The picker loads with the first date field shown; until then the
 * field shows the same date, read-only.
 */

import { TextInput } from '@mantine/core';
import type { DateInputProps } from '@mantine/dates';
import { lazy, Suspense } from 'react';
import { isoToVn } from './dateText';

const DateInputVi = lazy(() => import('./DateInputVi'));

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** yyyy-mm-dd, or '' */
  value: string;
  onChange: (iso: string) => void;
};

export function DateField({ value, onChange, ...rest }: Props) {
  const { label, error, required, description } = rest;
  return (
    <Suspense
      fallback={
        <TextInput
          label={label}
          error={error}
          required={required}
          description={description}
          value={isoToVn(value)}
          placeholder="ngày/tháng/năm"
          readOnly
        />
      }
    >
      <DateInputVi {...rest} value={value || null} onChange={(next) => onChange(next ?? '')} />
    </Suspense>
  );
}
