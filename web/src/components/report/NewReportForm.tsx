import type { CreateReportBody } from '@domain/api-reports';
import { periodsContaining, todayInVietnam } from '@domain/periods';
import { Select, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useOutlines } from '../../api/outlines';
import { createReport, reportIdOf, reportKeys } from '../../api/reports';
import { serverFieldErrors } from '../../lib/forms';
import { FormModal } from '../FormModal';
import { PeriodFields, type PeriodForm, readPeriod } from './PeriodFields';

export interface WritableUnit {
  id: number;
  name: string;
  kind: string;
}

interface Props {
  units: WritableUnit[];
  initialUnitId: number | null;
  onClose: () => void;
}

/** The current half year (its data window contains today): what a commune is usually asked for. */
function defaultPeriod(): PeriodForm {
  const today = todayInVietnam();
  const half = periodsContaining(today).find((p) => p.kind === 'half1' || p.kind === 'half2');
  return {
    kind: half?.kind ?? 'year',
    year: String(half?.year ?? Number(today.slice(0, 4))),
    index: '1',
    start: '',
    end: '',
    override: false,
    windowStart: '',
    windowEnd: '',
  };
}

const PREFERRED_OUTLINE: Record<string, string> = { commune: 'commune-report', body: 'department-report' };

/** "Lập báo cáo mới": unit, outline, period (and data window) → the report form. */
export function NewReportForm({ units, initialUnitId, onClose }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const outlines = useOutlines({ documentKind: 'report' });
  const [unitId, setUnitId] = useState<string | null>(initialUnitId ? String(initialUnitId) : null);
  const [chosenOutline, setChosenOutline] = useState<string | null>(null);
  const [period, setPeriod] = useState<PeriodForm>(defaultPeriod);
  const [showErrors, setShowErrors] = useState(false);
  const unit = units.find((u) => String(u.id) === unitId);
  const options = (outlines.data?.items ?? []).map((o) => ({
    value: String(o.id),
    label: `${o.name} (phiên bản ${o.version})`,
  }));
  const preferred = outlines.data?.items.find((o) => o.code === PREFERRED_OUTLINE[unit?.kind ?? '']);
  const outlineId = chosenOutline ?? (preferred ? String(preferred.id) : (options[0]?.value ?? null));
  const result = useMemo(() => readPeriod(period), [period]);

  const create = useMutation({
    mutationFn: (body: CreateReportBody) => createReport(Number(unitId), body),
    onSuccess: (view) => {
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
      navigate(`/bao-cao/${reportIdOf(view)}`);
    },
  });
  const serverErrors = serverFieldErrors(create.error);
  const errors = {
    unit: !unitId ? 'Cần chọn đơn vị.' : undefined,
    outline: !outlineId ? 'Cần chọn đề cương.' : (serverErrors.outlineId ?? undefined),
  };

  const submit = () => {
    setShowErrors(true);
    if (!unitId || !outlineId || !result.period || Object.keys(result.errors).length > 0) return;
    const body: CreateReportBody = { outlineId: Number(outlineId), period: result.period };
    if (period.override && result.window) body.window = result.window;
    create.mutate(body);
  };

  return (
    <FormModal
      title="Lập báo cáo mới"
      onClose={onClose}
      onSubmit={submit}
      pending={create.isPending}
      error={Object.keys(serverErrors).length > 0 ? null : create.error}
      submitLabel="Lập báo cáo"
    >
      <Select
        label="Đơn vị báo cáo"
        data={units.map((u) => ({ value: String(u.id), label: u.name }))}
        value={unitId}
        onChange={setUnitId}
        allowDeselect={false}
        error={showErrors ? errors.unit : undefined}
      />
      <Select
        label="Đề cương"
        data={options}
        value={outlineId}
        onChange={setChosenOutline}
        allowDeselect={false}
        placeholder={outlines.isPending ? 'Đang tải…' : 'Chọn đề cương'}
        error={
          (showErrors ? errors.outline : undefined) ??
          (outlines.isError ? 'Không tải được danh sách đề cương.' : undefined)
        }
      />
      <PeriodFields
        form={period}
        onChange={setPeriod}
        result={{
          ...result,
          errors: showErrors || result.errors.kind ? { ...result.errors, ...prefixed(serverErrors) } : {},
        }}
      />
      <Text size="xs" c="dimmed">
        Nếu đơn vị đã có báo cáo cho kỳ này, hệ thống mở báo cáo đó.
      </Text>
    </FormModal>
  );
}

/** Server messages for "period.kind", "window.start" → the fields of the period form. */
function prefixed(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key.startsWith('period.')) out[key.slice(7)] ??= message;
    else if (key.startsWith('window')) out.window ??= message;
  }
  return out;
}
