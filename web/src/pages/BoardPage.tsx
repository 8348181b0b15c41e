/**
 * Tiến độ báo cáo: for a receiving unit, which units have reported in which rounds, how late, and
 * the rates of reporting and of on-time reporting; filters in the address (a link shows the same
 * view), export to Excel.
 */
import type { BoardQuery } from '@domain/api-board';
import { ROUND_FREQUENCY_LABELS, type RoundFrequency } from '@domain/rounds';
import { formatPercent } from '@domain/vn-number';
import { BOARD_STATE_LABELS, BOARD_STATES, type BoardState } from '@domain/workflow';
import { Alert, Button, Group, Select, Skeleton, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { boardExportUrl, useBoard, useBoardUnits } from '../api/board';
import { downloadFile } from '../api/documents';
import { BoardMatrix } from '../components/board/BoardMatrix';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatNumber } from '../lib/format';
import { notifyError } from '../lib/notify';

const FREQUENCY_OPTIONS = Object.entries(ROUND_FREQUENCY_LABELS).map(([value, label]) => ({ value, label }));
const STATE_OPTIONS = BOARD_STATES.map((s) => ({ value: s, label: BOARD_STATE_LABELS[s] }));

export default function BoardPage() {
  const units = useBoardUnits();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('tim') ?? '');
  const [debounced] = useDebouncedValue(search, 400);

  const set = (key: string, value: string | null) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text drives the address
  useEffect(() => set('tim', debounced.trim() || null), [debounced]);

  const unitId = Number(params.get('donVi')) || units.data?.items[0]?.id || null;
  const query: BoardQuery | null = unitId
    ? {
        unitId,
        year: Number(params.get('nam')) || undefined,
        frequency: (params.get('tanSuat') as RoundFrequency | null) ?? undefined,
        outlineCode: params.get('deCuong') ?? undefined,
        state: (params.get('trangThai') as BoardState | null) ?? undefined,
        q: params.get('tim') ?? undefined,
        lateOnly: params.get('tre') === '1',
      }
    : null;
  const board = useBoard(query);
  const exporting = useMutation({
    mutationFn: () => downloadFile(boardExportUrl(query ?? { unitId: 0 }), 'tien-do-bao-cao.xlsx'),
    onError: notifyError,
  });
  const data = board.data;

  return (
    <Stack gap="md">
      <Title order={1} fz={{ base: 22, sm: 26 }}>
        Tiến độ báo cáo
      </Title>
      {units.isError && <ErrorAlert error={units.error} onRetry={() => units.refetch()} />}
      {units.data && units.data.items.length === 0 && (
        <Alert color="yellow">
          Tài khoản chưa theo dõi đơn vị nhận báo cáo nào (cần quyền quản lý đợt báo cáo).
        </Alert>
      )}
      {unitId !== null && (
        <Group gap="sm" align="flex-end" wrap="wrap">
          {(units.data?.items.length ?? 0) > 1 && (
            <Select
              label="Đơn vị nhận báo cáo"
              data={(units.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
              value={String(unitId)}
              onChange={(v) => set('donVi', v)}
              allowDeselect={false}
              w={260}
            />
          )}
          <Select
            label="Năm"
            placeholder="Tất cả"
            data={(data?.years ?? []).map(String)}
            value={params.get('nam')}
            onChange={(v) => set('nam', v)}
            clearable
            w={110}
          />
          <Select
            label="Tần suất"
            placeholder="Tất cả"
            data={FREQUENCY_OPTIONS}
            value={params.get('tanSuat')}
            onChange={(v) => set('tanSuat', v)}
            clearable
            w={170}
          />
          <Select
            label="Đề cương"
            placeholder="Tất cả"
            data={(data?.outlineCodes ?? []).map((o) => ({ value: o.code, label: o.name }))}
            value={params.get('deCuong')}
            onChange={(v) => set('deCuong', v)}
            clearable
            w={220}
          />
          <Select
            label="Trạng thái"
            placeholder="Tất cả"
            data={STATE_OPTIONS}
            value={params.get('trangThai')}
            onChange={(v) => set('trangThai', v)}
            clearable
            w={180}
          />
          <TextInput
            label="Tìm đơn vị"
            placeholder="Tên hoặc mã"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={180}
          />
          <Switch
            label="Chỉ đơn vị trễ hạn"
            checked={params.get('tre') === '1'}
            onChange={(e) => set('tre', e.currentTarget.checked ? '1' : null)}
            mb={8}
          />
          <Button variant="default" onClick={() => exporting.mutate()} loading={exporting.isPending}>
            Xuất Excel
          </Button>
        </Group>
      )}
      {board.isError && <ErrorAlert error={board.error} onRetry={() => board.refetch()} />}
      {board.isPending && unitId !== null && <Skeleton h={240} />}
      {data && (
        <>
          <Text size="sm">
            {data.unit.name}: {formatNumber(data.rounds.length)} đợt báo cáo, {formatNumber(data.unitCount)}{' '}
            đơn vị phải báo cáo. Đã gửi {formatNumber(data.totals.sent)}/{formatNumber(data.totals.required)}{' '}
            báo cáo ({formatPercent(data.totals.rate)}), đúng hạn {formatPercent(data.totals.onTimeRate)}.
          </Text>
          {data.rounds.length === 0 ? (
            <Text c="dimmed" size="sm">
              Chưa có đợt báo cáo nào theo bộ lọc này.
            </Text>
          ) : data.rows.length === 0 ? (
            <Text c="dimmed" size="sm">
              Không có đơn vị nào khớp bộ lọc.
            </Text>
          ) : (
            <BoardMatrix board={data} />
          )}
        </>
      )}
    </Stack>
  );
}
