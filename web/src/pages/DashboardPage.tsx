/**
 * Thống kê: an indicator over periods for a unit or the province, the communes side by side, and the
 * reporting rates over rounds. A lazy page: the charts (recharts) and their CSS load only here.
 */
import '@mantine/charts/styles.css';
// The charts' legends draw a ColorSwatch per series (not among the main script's styles).
import '@mantine/core/styles/ColorSwatch.css';
import type { UnitListResponse } from '@domain/api';
import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useBoardUnits, useIndicators } from '../api/board';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { foldFilter } from '../api/units';
import { CompareChart, RatesChart, SeriesChart } from '../components/board/DashboardCharts';
import { ErrorAlert } from '../components/ErrorAlert';

interface UnitOption {
  id: number;
  name: string;
  kind: string;
}

/** The user's own units and, for province roles, every unit of the province. */
function useDashboardUnits(): UnitOption[] {
  const me = useMe().data;
  const grants = me?.grants ?? [];
  const provinceCode =
    grants
      .filter((g) => g.unit.kind === 'province' || g.unit.kind === 'body')
      .map((g) => g.unit.code.split('.')[0])[0] ?? null;
  const province = useQuery({
    queryKey: ['units', 'of-province', provinceCode],
    queryFn: ({ signal }) =>
      api.get<UnitListResponse>(`/api/units?provinceCode=${provinceCode}&limit=200`, signal),
    enabled: provinceCode !== null,
    staleTime: 10 * 60_000,
  });
  const all = new Map<number, UnitOption>();
  for (const g of grants) all.set(g.unit.id, g.unit);
  for (const u of province.data?.items ?? []) all.set(u.id, u);
  const order = (u: UnitOption) => (u.kind === 'province' ? 0 : u.kind === 'body' ? 1 : 2);
  return [...all.values()].sort((a, b) => order(a) - order(b));
}

export default function DashboardPage() {
  const units = useDashboardUnits();
  const receiving = useBoardUnits();
  const [unitId, setUnitId] = useState<number | null>(null);
  const [outlineCode, setOutlineCode] = useState<string | null>(null);
  const [indicator, setIndicator] = useState<string | null>(null);
  const indicators = useIndicators(outlineCode);

  const chosenUnit = units.find((u) => u.id === unitId) ?? units[0];
  const province = units.find((u) => u.kind === 'province');
  const code = indicators.data?.outlineCode ?? null;
  const list = indicators.data?.indicators ?? [];
  const chosenIndicator = list.find((i) => i.code === indicator)?.code ?? list[0]?.code ?? null;
  const sections = [...new Set(list.map((i) => i.section))];
  const receivingUnit = receiving.data?.items[0];

  return (
    <Stack gap="md" maw={1100}>
      <Title order={1} fz={{ base: 22, sm: 26 }}>
        Thống kê
      </Title>
      {indicators.isError && <ErrorAlert error={indicators.error} onRetry={() => indicators.refetch()} />}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Đơn vị"
          data={units.map((u) => ({ value: String(u.id), label: u.name }))}
          value={chosenUnit ? String(chosenUnit.id) : null}
          onChange={(v) => setUnitId(v ? Number(v) : null)}
          searchable
          filter={foldFilter}
          allowDeselect={false}
          w={260}
        />
        <Select
          label="Đề cương"
          data={(indicators.data?.outlines ?? []).map((o) => ({ value: o.code, label: o.name }))}
          value={code}
          onChange={(v) => {
            setOutlineCode(v);
            setIndicator(null);
          }}
          allowDeselect={false}
          w={260}
        />
        <Select
          label="Chỉ tiêu"
          data={sections.map((s) => ({
            group: s,
            items: list.filter((i) => i.section === s).map((i) => ({ value: i.code, label: i.label })),
          }))}
          value={chosenIndicator}
          onChange={setIndicator}
          searchable
          filter={foldFilter}
          allowDeselect={false}
          w={{ base: '100%', sm: 380 }}
        />
      </Group>
      {units.length === 0 && (
        <Text c="dimmed" size="sm">
          Tài khoản chưa thuộc đơn vị nào nên chưa có số liệu để thống kê.
        </Text>
      )}
      {chosenUnit && code && chosenIndicator && (
        <SeriesChart unitId={chosenUnit.id} outlineCode={code} indicator={chosenIndicator} />
      )}
      {province && code && chosenIndicator && (
        <CompareChart unitId={province.id} outlineCode={code} indicator={chosenIndicator} />
      )}
      {receivingUnit && <RatesChart unitId={receivingUnit.id} />}
    </Stack>
  );
}
