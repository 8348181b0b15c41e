/**
 * The report's figures from the unit's logbook (sổ theo dõi) on the form: beside each computed
 * figure "Tính từ sổ: 12 · 12 bản ghi ▾" opening the records behind it; a figure typed over needs a
 * reason (both kept and shown); "Cập nhật từ sổ theo dõi" computes again (the form also asks once on
 * opening a draft); an issued report shows the figures whose records changed since.
 */
import type { LogbookDifferenceOut, ReportView } from '@domain/api-reports';
import type { Indicator, IndicatorValue } from '@domain/outline';
import type { LogbookFigure } from '@domain/report-json';
import { formatCount } from '@domain/vn-number';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
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
import {
  createContext,
  type ReactNode,
  type RefObject,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import {
  LOGBOOK_PATH,
  overrideLogbookFigure,
  refreshFromLogbook,
  useLogbookRecords,
} from '../../api/report-logbook';
import { formatDate, formatDateTime } from '../../lib/format';
import { errorText, notifySuccess } from '../../lib/notify';
import { formatValue } from '../consolidation/values';
import type { ReportDraft } from './useReportDraft';

interface Scope {
  draft: RefObject<ReportDraft>;
  reportId: number;
  editable: boolean;
}

const ScopeContext = createContext<Scope | null>(null);

/** Around a report's form (not a consolidated report's): what its computed figures need. */
export function LogbookScope({ draft, children }: { draft: ReportDraft; children: ReactNode }) {
  const ref = useRef(draft);
  ref.current = draft;
  const { id, canEdit } = draft.view.report;
  const scope = useMemo(() => ({ draft: ref, reportId: id, editable: canEdit }), [id, canEdit]);
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

/** The same value (a breakdown's parts in any order). */
function same(a: IndicatorValue | undefined, b: IndicatorValue | null): boolean {
  const norm = (v: IndicatorValue | null | undefined) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? JSON.stringify({ total: v.total, parts: [...v.parts].sort((x, y) => (x.key < y.key ? -1 : 1)) })
      : JSON.stringify(v ?? null);
  return norm(a) === norm(b);
}

function RecordsList({ reportId, code, revision }: { reportId: number; code: string; revision: number }) {
  const records = useLogbookRecords(reportId, code, revision, true);
  if (records.isPending) return <Text size="sm">Đang tải các bản ghi…</Text>;
  if (records.isError)
    return (
      <Text size="sm" c="red.8">
        {errorText(records.error).message}
      </Text>
    );
  return (
    <ScrollArea.Autosize mah={300} type="auto">
      <Table withTableBorder fz="sm" aria-label="Các bản ghi của số liệu">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ngày</Table.Th>
            <Table.Th>Nội dung</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.data.items.map((r) => (
            <Table.Tr key={r.id} data-record={r.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.startsOn)}</Table.Td>
              <Table.Td>
                {r.title}
                {r.deleted && (
                  <Text span size="xs" c="red.8">
                    {' '}
                    (đã xóa)
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

interface ReasonProps {
  scope: Scope;
  indicator: Indicator;
  figure: LogbookFigure;
  value: IndicatorValue | undefined;
  onClose: () => void;
}

/** The reason of a figure other than the computed one (or back to the computed figure). */
function ReasonModal({ scope, indicator, figure, value, onClose }: ReasonProps) {
  const [reason, setReason] = useState(figure.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (back: boolean) => {
      const draft = scope.draft.current;
      // What is typed is saved first: the answer replaces the form's content.
      if (!(await draft.flush())) {
        throw new ApiError(409, null, 'Báo cáo chưa lưu được nên chưa ghi được lý do. Vui lòng thử lại.');
      }
      const current = draft.content.values[indicator.code] ?? value ?? null;
      return overrideLogbookFigure(scope.reportId, {
        revision: draft.currentRevision(),
        code: indicator.code,
        value: back ? null : current,
        ...(back ? {} : { reason }),
      });
    },
    onSuccess: (view: ReportView, back) => {
      scope.draft.current.reset(view);
      notifySuccess(
        back ? `Đã dùng số tính từ sổ cho "${indicator.label}".` : `Đã ghi lý do cho "${indicator.label}".`,
      );
      onClose();
    },
    onError: (e) => {
      const fields = e instanceof ApiError ? e.fields : [];
      setError(fields.find((f) => f.path === 'reason')?.message ?? errorText(e).message);
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Số liệu khác số tính từ sổ: ${indicator.label}`}
      size="md"
      centered
    >
      <Stack gap="sm">
        <Text size="sm">
          Tính từ sổ theo dõi: <b>{formatValue(figure.computed ?? undefined)}</b> (
          {formatCount(figure.records.length)} bản ghi). Báo cáo ghi: <b>{formatValue(value)}</b>. Cả hai số
          và lý do được lưu cùng báo cáo.
        </Text>
        <Textarea
          label="Lý do"
          description="Ví dụ: Một đoàn đi ngày 30/3 chưa kịp ghi vào sổ."
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          withAsterisk
          autosize
          minRows={2}
          maxRows={6}
          maxLength={1000}
          data-autofocus
        />
        <Group justify="space-between" gap="xs">
          <Button variant="subtle" color="gray" onClick={() => save.mutate(true)} disabled={save.isPending}>
            Dùng số tính từ sổ
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Hủy
            </Button>
            <Button
              onClick={() => {
                if (reason.trim().length < 5)
                  return setError('Hãy ghi lý do dùng số liệu khác số tính từ sổ.');
                setError(null);
                save.mutate(false);
              }}
              loading={save.isPending}
            >
              Lưu lý do
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Under a figure of the form: what the logbook gives, the records behind it, the override's reason. */
export function LogbookNote({
  indicator,
  figure,
  value,
}: {
  indicator: Indicator;
  figure: LogbookFigure | undefined;
  value: IndicatorValue | undefined;
}) {
  const scope = useContext(ScopeContext);
  const [open, setOpen] = useState(false);
  const [reasoning, setReasoning] = useState(false);
  if (!scope || !figure) return null;
  const count = figure.records.length;
  const overridden = figure.computed !== null && value !== undefined && !same(value, figure.computed);
  const revision = scope.draft.current.revision;
  return (
    <Stack gap={2} data-logbook={indicator.code} data-overridden={overridden ? 'true' : 'false'}>
      <Group gap={6} wrap="wrap">
        <Popover
          opened={open}
          onChange={setOpen}
          position="bottom-start"
          width={400}
          shadow="md"
          withinPortal
          trapFocus
          returnFocus
        >
          <Popover.Target>
            <UnstyledButton
              className="tap-target"
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              aria-label={`Các bản ghi sổ theo dõi của số liệu ${indicator.label}`}
              data-logbook-button
            >
              <Text size="xs" c="blue.8">
                {figure.computed !== null
                  ? `Tính từ sổ: ${formatValue(figure.computed)} · ${formatCount(count)} bản ghi ▾`
                  : `Chưa tính được từ sổ · ${formatCount(count)} bản ghi ▾`}
              </Text>
            </UnstyledButton>
          </Popover.Target>
          <Popover.Dropdown maw="calc(100vw - 16px)">
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {indicator.label}
              </Text>
              {open && <RecordsList reportId={scope.reportId} code={indicator.code} revision={revision} />}
              <Anchor component={Link} to={LOGBOOK_PATH} size="sm">
                Mở sổ theo dõi
              </Anchor>
            </Stack>
          </Popover.Dropdown>
        </Popover>
        {overridden && figure.reason && (
          <Badge color="orange" variant="light" tt="none" size="sm">
            Đã sửa
          </Badge>
        )}
        {scope.editable && overridden && (
          <Button variant="subtle" size="compact-xs" onClick={() => setReasoning(true)}>
            {figure.reason ? 'Sửa lý do' : 'Ghi lý do'}
          </Button>
        )}
      </Group>
      {figure.problem && (
        <Text size="xs" c="orange.9" data-logbook-problem>
          {figure.problem}
        </Text>
      )}
      {overridden && (
        <Text size="xs" c={figure.reason ? 'orange.9' : 'red.8'} data-logbook-override>
          Tính từ sổ: {formatValue(figure.computed ?? undefined)} · báo cáo ghi: {formatValue(value)}
          {figure.reason ? ` — lý do: ${figure.reason}` : ' — chưa ghi lý do'}
        </Text>
      )}
      {reasoning && (
        <ReasonModal
          scope={scope}
          indicator={indicator}
          figure={figure}
          value={value}
          onClose={() => setReasoning(false)}
        />
      )}
    </Stack>
  );
}

/**
 * "Cập nhật từ sổ theo dõi" above a draft's form; the form also asks once when a draft opens
 * (nothing is saved when the records gave the same figures).
 */
export function LogbookRefresh({ draft }: { draft: ReportDraft }) {
  const ref = useRef(draft);
  ref.current = draft;
  const { id, canEdit } = draft.view.report;
  const part = draft.view.content.logbook;
  const refresh = useMutation({
    mutationFn: async () => {
      const d = ref.current;
      if (!(await d.flush())) throw new ApiError(409, null, 'Báo cáo chưa lưu được. Vui lòng thử lại.');
      const sent = d.currentRevision();
      return { view: await refreshFromLogbook(id, sent), sent };
    },
    onSuccess: ({ view, sent }) => {
      const d = ref.current;
      // Nothing changed on the server: the form stays as it is. Something typed meanwhile is never
      // replaced: its save meets the new revision and the officer compares both (nothing lost).
      if (view.report.revision === sent || d.status.kind !== 'saved') return;
      d.reset(view);
    },
  });
  const asked = useRef(false);
  useEffect(() => {
    if (!canEdit || asked.current) return;
    asked.current = true;
    refresh.mutate();
  }, [canEdit, refresh]);
  if (!canEdit) return null;
  return (
    <Group gap="xs" wrap="wrap" data-logbook-refresh>
      <Button
        size="xs"
        variant="default"
        onClick={() => {
          refresh.mutate(undefined, {
            onSuccess: () => notifySuccess('Đã cập nhật số liệu và các dòng nhật ký từ sổ theo dõi.'),
          });
        }}
        loading={refresh.isPending}
      >
        Cập nhật từ sổ theo dõi
      </Button>
      <Text size="xs" c="dimmed">
        {part
          ? `Số liệu từ sổ tính lúc ${formatDateTime(part.computedAt)}.`
          : 'Chưa có bản ghi nào của kỳ này trong sổ theo dõi.'}{' '}
        <Anchor component={Link} to={LOGBOOK_PATH} size="xs">
          Mở sổ theo dõi
        </Anchor>
      </Text>
      {refresh.isError && (
        <Text size="xs" c="red.8">
          {errorText(refresh.error).message}
        </Text>
      )}
    </Group>
  );
}

const CHANGE_LABELS: Record<LogbookDifferenceOut['records'][number]['change'], string> = {
  changed: 'đã sửa',
  deleted: 'đã xóa',
  added: 'mới ghi thêm',
  left: 'không còn tính vào',
};

/** An issued report: the figures whose records changed since it was issued, with those records. */
export function LogbookDifferences({ view }: { view: ReportView }) {
  // The figures that read differently first; then those whose records changed without changing them.
  const differs = (d: LogbookDifferenceOut) =>
    formatValue(d.issued ?? undefined) === formatValue(d.now ?? undefined) ? 1 : 0;
  const differences = [...(view.logbook?.differences ?? [])].sort((a, b) => differs(a) - differs(b));
  if (differences.length === 0) return null;
  return (
    <Alert color="orange" title="Sổ theo dõi đã thay đổi sau khi ban hành báo cáo" data-logbook-differences>
      <Stack gap="xs">
        <Text size="sm">
          Báo cáo đã ban hành giữ nguyên số liệu và các bản ghi lúc ban hành. Các bản ghi làm nên những số
          liệu dưới đây đã thay đổi:
        </Text>
        <List size="sm" spacing={6}>
          {differences.map((d) => (
            <List.Item key={d.code} data-difference={d.code}>
              <Text size="sm" span fw={600}>
                {d.label}:
              </Text>{' '}
              <Text size="sm" span>
                {formatValue(d.issued ?? undefined) === formatValue(d.now ?? undefined)
                  ? `vẫn là ${formatValue(d.now ?? undefined)}, nhưng bản ghi đã thay đổi`
                  : `đã ban hành ${formatValue(d.issued ?? undefined)} ≠ hiện nay ${formatValue(d.now ?? undefined)}`}
              </Text>
              <List size="xs" withPadding>
                {d.records.map((r) => (
                  <List.Item key={r.id}>
                    {r.record
                      ? `${formatDate(r.record.startsOn)} · ${r.record.kindName}: ${r.record.title}`
                      : `Bản ghi số ${r.id}`}{' '}
                    — {CHANGE_LABELS[r.change]}
                  </List.Item>
                ))}
              </List>
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          Để sửa số liệu đã ban hành, lãnh đạo đơn vị chọn “Lập báo cáo điều chỉnh”: báo cáo được mở lại thành
          bản mới, cập nhật từ sổ theo dõi, trình ký và ban hành với số mới; bản đã ban hành vẫn giữ trong sổ
          văn bản đi.
        </Text>
      </Stack>
    </Alert>
  );
}
