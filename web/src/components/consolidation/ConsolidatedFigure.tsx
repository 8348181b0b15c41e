import type { ConsolidatedFigures } from '@domain/consolidation/api';
import type { Indicator, IndicatorValue } from '@domain/outline';
import { formatChange, formatNumberVi } from '@domain/vn-number';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Popover,
  ScrollArea,
  Stack,
  Table,
  Text,
  Textarea,
  UnstyledButton,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { createContext, type ReactNode, type RefObject, useContext, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { overrideFigure, useReportTrace } from '../../api/consolidation';
import { formatDateTime, formatNumber } from '../../lib/format';
import { errorText, notifySuccess } from '../../lib/notify';
import { fieldId } from '../report/IndicatorField';
import { NumberBox } from '../report/NumberBox';
import type { ReportDraft } from '../report/useReportDraft';
import { isNumeric, labelWithUnit, totalOf } from '../report/values';
import { formatValue } from './values';

interface Scope {
  draft: RefObject<ReportDraft>;
  figures: ConsolidatedFigures;
  reportId: number;
  editable: boolean;
  /** "Sở Ngoại vụ": who set an override, as the line under the figure says it. */
  unitShort: string;
}

const ScopeContext = createContext<Scope | null>(null);

/** "Sở Ngoại vụ tỉnh Hà Tĩnh" → "Sở Ngoại vụ": the line under a figure is short. */
function shortName(name: string): string {
  return name.replace(/\s+(tỉnh|thành phố)\s.*$/iu, '');
}

/**
 * Around the form of a consolidated report: what its figures need (the sums, the overrides, the
 * draft to save before an override and to take the server's answer after it). The draft is read
 * through a ref: the figures render again when the consolidation changes, not on every keystroke.
 */
export function ConsolidatedScope({ draft, children }: { draft: ReportDraft; children: ReactNode }) {
  const ref = useRef(draft);
  ref.current = draft;
  const figures = draft.view.consolidation;
  const { id, canEdit, unit } = draft.view.report;
  const scope = useMemo(
    () =>
      figures
        ? { draft: ref, figures, reportId: id, editable: canEdit, unitShort: shortName(unit.name) }
        : null,
    [figures, id, canEdit, unit.name],
  );
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

/** The reports a figure came from, in a popover right at the figure (read once for all figures). */
function SourcesList({ reportId, indicator }: { reportId: number; indicator: Indicator }) {
  const trace = useReportTrace(reportId);
  if (trace.isPending) return <Text size="sm">Đang tải nguồn số liệu…</Text>;
  if (trace.isError)
    return (
      <Text size="sm" c="red.8">
        {errorText(trace.error).message}
      </Text>
    );
  const entry = trace.data.indicators.find((i) => i.code === indicator.code);
  const sources = entry?.sources ?? [];
  if (sources.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Không báo cáo nào đã nhận có số liệu này.
      </Text>
    );
  }
  return (
    <ScrollArea.Autosize mah={320} type="auto">
      <Table withTableBorder fz="sm" aria-label={`Nguồn số liệu — ${indicator.label}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Đơn vị</Table.Th>
            <Table.Th ta="right">Số liệu</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sources.map((s) => (
            <Table.Tr key={s.reportId}>
              <Table.Td>
                <Anchor component={Link} to={s.href} size="sm">
                  {s.unitName}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{formatValue(s.value)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

interface OverrideProps {
  scope: Scope;
  indicator: Indicator;
  figure: ConsolidatedFigures['figures'][string];
  current: IndicatorValue | undefined;
  onClose: () => void;
}

/** "Sửa số liệu": the figure the unit prints instead of the sum, with the reason it must give. */
function OverrideModal({ scope, indicator, figure, current, onClose }: OverrideProps) {
  const [value, setValue] = useState<number | null>(totalOf(current));
  const [reason, setReason] = useState(figure.override?.reason ?? '');
  const [shown, setShown] = useState<{ value?: string; reason?: string; other?: string }>({});
  const kinds = scope.figures.unitsKind;
  const save = useMutation({
    mutationFn: async (next: number | null) => {
      const draft = scope.draft.current;
      // What is typed elsewhere is saved first: the answer replaces the form's content.
      if (!(await draft.flush())) {
        throw new ApiError(409, null, 'Báo cáo chưa lưu được nên chưa sửa số liệu. Vui lòng thử lại.');
      }
      return overrideFigure(scope.reportId, {
        revision: draft.currentRevision(),
        code: indicator.code,
        value: next,
        reason: next === null ? '' : reason,
      });
    },
    onSuccess: (view, next) => {
      scope.draft.current.reset(view);
      notifySuccess(
        next === null
          ? `Đã dùng lại tổng của các ${kinds} cho "${indicator.label}".`
          : `Đã sửa "${indicator.label}" và ghi lý do.`,
      );
      onClose();
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? error.fields : [];
      const on = (path: string) => fields.find((f) => f.path === path)?.message;
      const message = errorText(error).message;
      const reasonError = on('reason');
      const valueError = on('value');
      setShown(
        reasonError || valueError
          ? { ...(reasonError ? { reason: reasonError } : {}), ...(valueError ? { value: valueError } : {}) }
          : { other: message },
      );
    },
  });
  const submit = () => {
    if (value === null) return setShown({ value: 'Hãy nhập số liệu đơn vị ghi vào báo cáo.' });
    if (reason.trim().length < 5) {
      return setShown({
        reason: 'Hãy ghi lý do sửa số liệu: số liệu khác tổng của các đơn vị phải có lý do.',
      });
    }
    setShown({});
    save.mutate(value);
  };
  return (
    <Modal opened onClose={onClose} title={`Sửa số liệu: ${indicator.label}`} size="md" centered>
      <Stack gap="sm">
        <Text size="sm">
          Tổng của các {kinds}: <b>{formatValue(figure.sum)}</b> (từ {formatNumber(figure.sources)} báo cáo).
          Số liệu sửa được in trong báo cáo thay cho tổng; tổng vẫn hiện bên cạnh, và được cập nhật khi tổng
          hợp lại.
        </Text>
        <NumberBox
          label={`Số liệu ghi vào báo cáo${indicator.unit ? ` (${indicator.unit})` : ''}`}
          value={value}
          onChange={setValue}
          error={shown.value}
          withAsterisk
          data-autofocus
        />
        <Textarea
          label="Lý do sửa"
          description="Ví dụ: Xã A báo cáo thiếu 2 đoàn, đã xác minh qua điện thoại ngày 20/6."
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={shown.reason}
          withAsterisk
          autosize
          minRows={2}
          maxRows={6}
          maxLength={1000}
        />
        {shown.other && (
          <Alert color="red" role="alert">
            {shown.other}
          </Alert>
        )}
        <Group justify="space-between" gap="xs">
          {figure.override ? (
            <Button variant="subtle" color="gray" onClick={() => save.mutate(null)} disabled={save.isPending}>
              Dùng lại tổng của các {kinds}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Hủy
            </Button>
            <Button onClick={submit} loading={save.isPending}>
              Lưu số liệu đã sửa
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

export interface ConsolidatedFigureProps {
  indicator: Indicator;
  value: IndicatorValue | undefined;
  sameLastYear: IndicatorValue | undefined;
  sameLastYearLabel: string | null;
}

/**
 * A figure of a consolidated report where a commune's form has a field: the figure (the sum of the
 * sources, or the unit's override), its sources in a popover on a click, the override with its
 * reason beside the sum, and "Sửa số liệu" while the report can be changed.
 */
export function ConsolidatedFigure({
  indicator,
  value,
  sameLastYear,
  sameLastYearLabel,
}: ConsolidatedFigureProps) {
  const scope = useContext(ScopeContext);
  const [sourcesOpen, setSourcesOpen] = useState(false);
  const [overriding, setOverriding] = useState(false);
  const figure = scope?.figures.figures[indicator.code];
  if (!scope || !figure) return null;
  const label = labelWithUnit(indicator);
  const numeric = isNumeric(indicator);
  const total = totalOf(value);
  const before = totalOf(sameLastYear);
  const override = figure.override;
  const sources = figure.sources;
  return (
    <Stack gap={4} data-indicator={indicator.code} data-overridden={override ? 'true' : 'false'}>
      <Text size="sm" fw={500} id={`${fieldId(indicator.code)}-label`}>
        {label}
      </Text>
      <Group gap="xs" wrap="wrap" align="center">
        <Popover
          opened={sourcesOpen}
          onChange={setSourcesOpen}
          position="bottom-start"
          width={380}
          shadow="md"
          withinPortal
          trapFocus
          returnFocus
        >
          <Popover.Target>
            <UnstyledButton
              id={fieldId(indicator.code)}
              className="tap-target"
              onClick={() => setSourcesOpen((o) => !o)}
              aria-label={`Nguồn của số liệu ${indicator.label}`}
              aria-expanded={sourcesOpen}
              data-figure
              px="sm"
              py={4}
              style={{
                border: '1px solid var(--mantine-color-gray-4)',
                borderRadius: 'var(--mantine-radius-sm)',
                background: override ? 'var(--mantine-color-orange-0)' : 'var(--mantine-color-gray-0)',
                maxWidth: '100%',
              }}
            >
              <Group gap="xs" wrap="nowrap" align="baseline">
                <Text fw={700} fz={18} style={{ overflowWrap: 'anywhere' }} data-figure-value>
                  {formatValue(value)}
                </Text>
                <Text size="xs" c="blue.8" style={{ whiteSpace: 'nowrap' }}>
                  {sources > 0 ? `${formatNumber(sources)} nguồn ▾` : 'không có nguồn'}
                </Text>
              </Group>
            </UnstyledButton>
          </Popover.Target>
          <Popover.Dropdown maw="calc(100vw - 16px)">
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {indicator.label}
              </Text>
              <Text size="sm">
                Tổng của các {scope.figures.unitsKind}: <b>{formatValue(figure.sum)}</b>
                {override ? ` · trong báo cáo: ${formatValue(override.value)} (đã sửa)` : ''}
              </Text>
              {sourcesOpen && <SourcesList reportId={scope.reportId} indicator={indicator} />}
            </Stack>
          </Popover.Dropdown>
        </Popover>
        {override && (
          <Badge color="orange" variant="light" tt="none">
            Đã sửa
          </Badge>
        )}
        {scope.editable && numeric && (
          <Button variant="subtle" size="compact-sm" onClick={() => setOverriding(true)}>
            {override ? 'Sửa lại' : 'Sửa số liệu'}
          </Button>
        )}
      </Group>
      {override && (
        <Text size="xs" c="orange.9" data-override>
          Tổng các {scope.figures.unitsKind}: {formatValue(figure.sum)} · {scope.unitShort} sửa thành{' '}
          {formatValue(override.value)} — lý do: {override.reason}{' '}
          <Text span size="xs" c="dimmed">
            ({override.by}, {formatDateTime(override.at)})
          </Text>
        </Text>
      )}
      {numeric && before !== null && (
        <Text size="xs" c="dimmed" data-comparison>
          {sameLastYearLabel ? `Cùng kỳ (${sameLastYearLabel})` : 'Cùng kỳ năm trước'}:{' '}
          {formatNumberVi(before)}
          {total !== null ? ` (${formatChange(total, before)})` : ''}
        </Text>
      )}
      {overriding && (
        <OverrideModal
          scope={scope}
          indicator={indicator}
          figure={figure}
          current={value}
          onClose={() => setOverriding(false)}
        />
      )}
    </Stack>
  );
}
