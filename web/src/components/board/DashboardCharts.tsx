/**
 * The dashboard's three charts (only the lazy DashboardPage imports this file: recharts stays out of
 * the main script): an indicator over periods, units side by side, reporting rates over rounds.
 */
import { type IndicatorOut, SERIES_KIND_LABELS, type SeriesKind } from '@domain/api-board';
import { formatPercent } from '@domain/vn-number';
import { BarChart, LineChart } from '@mantine/charts';
import { Group, Paper, SegmentedControl, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useCompare, useRates, useSeries } from '../../api/board';
import { capitalize, formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';

const unitSuffix = (indicator: IndicatorOut | undefined) => (indicator?.unit ? ` ${indicator.unit}` : '');

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz={18}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function SeriesChart(props: { unitId: number; outlineCode: string; indicator: string }) {
  const [by, setBy] = useState<'period' | 'year'>('period');
  const [kind, setKind] = useState<SeriesKind | null>(null);
  const series = useSeries({ ...props, by, periodKind: kind ?? undefined });
  const data = series.data;
  const suffix = unitSuffix(data?.indicator);
  return (
    <Panel title="Chỉ tiêu qua các kỳ">
      <Group gap="sm" wrap="wrap">
        <Select
          aria-label="Loại kỳ"
          data={(data?.periodKinds ?? []).map((k) => ({ value: k, label: SERIES_KIND_LABELS[k] }))}
          value={kind ?? data?.periodKind ?? null}
          onChange={(v) => setKind(v as SeriesKind | null)}
          allowDeselect={false}
          w={140}
        />
        <SegmentedControl
          value={by}
          onChange={(v) => setBy(v as 'period' | 'year')}
          data={[
            { value: 'period', label: 'Từng kỳ' },
            { value: 'year', label: 'Cộng theo năm' },
          ]}
        />
      </Group>
      {series.isError && <ErrorAlert error={series.error} onRetry={() => series.refetch()} />}
      {series.isPending && <Skeleton h={260} />}
      {data &&
        (data.points.length === 0 ? (
          <Text c="dimmed" size="sm">
            Chưa có báo cáo đã ban hành nào có chỉ tiêu này.
          </Text>
        ) : (
          <>
            <LineChart
              h={260}
              data={data.points.map((p) => ({ label: p.label, value: p.value }))}
              dataKey="label"
              yAxisProps={{ allowDecimals: !data.indicator.whole }}
              series={[{ name: 'value', label: data.indicator.label, color: 'blue.6' }]}
              valueFormatter={(v) => `${formatNumber(v)}${suffix}`}
              connectNulls
              curveType="linear"
            />
            <Text size="xs" c="dimmed">
              {data.indicator.measure === 'stock'
                ? 'Chỉ tiêu thời điểm: cộng theo năm lấy số cuối năm.'
                : 'Chỉ tiêu phát sinh trong kỳ: cộng theo năm là tổng các kỳ.'}{' '}
              {data.points.some((p) => p.source === 'units') &&
                'Số của tỉnh là tổng các xã đã gửi báo cáo, trừ kỳ đã có báo cáo tổng hợp của tỉnh.'}
            </Text>
          </>
        ))}
    </Panel>
  );
}

export function CompareChart(props: { unitId: number; outlineCode: string; indicator: string }) {
  const [periodKey, setPeriodKey] = useState<string | null>(null);
  const [top, setTop] = useState('10');
  const compare = useCompare({ ...props, periodKey: periodKey ?? undefined, top: Number(top) });
  const data = compare.data;
  const suffix = unitSuffix(data?.indicator);
  return (
    <Panel title="So sánh các xã, phường">
      <Group gap="sm" wrap="wrap">
        <Select
          aria-label="Kỳ báo cáo"
          data={(data?.periods ?? []).map((p) => ({ value: p.key, label: p.label }))}
          value={periodKey ?? data?.periodKey ?? null}
          onChange={setPeriodKey}
          allowDeselect={false}
          w={220}
        />
        <Select
          aria-label="Số đơn vị hiển thị"
          data={['5', '10', '20', '30'].map((n) => ({ value: n, label: `${n} đơn vị cao nhất` }))}
          value={top}
          onChange={(v) => setTop(v ?? '10')}
          allowDeselect={false}
          w={190}
        />
      </Group>
      {compare.isError && <ErrorAlert error={compare.error} onRetry={() => compare.refetch()} />}
      {compare.isPending && <Skeleton h={300} />}
      {data &&
        (data.bars.length === 0 ? (
          <Text c="dimmed" size="sm">
            Chưa có xã, phường nào gửi số liệu của chỉ tiêu này.
          </Text>
        ) : (
          <>
            <BarChart
              h={Math.max(200, data.bars.length * 30 + 40)}
              data={data.bars.map((b) => ({ label: b.label, value: b.value }))}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 150 }}
              xAxisProps={{ allowDecimals: !data.indicator.whole }}
              series={[{ name: 'value', label: data.indicator.label, color: 'teal.6' }]}
              valueFormatter={(v) => `${formatNumber(v)}${suffix}`}
            />
            <Text size="xs" c="dimmed">
              Toàn tỉnh: {data.total === null ? '—' : `${formatNumber(data.total)}${suffix}`} ·{' '}
              {formatNumber(data.reported)} đơn vị có số liệu, {formatNumber(data.missing)} đơn vị chưa có.
            </Text>
          </>
        ))}
    </Panel>
  );
}

export function RatesChart({ unitId }: { unitId: number }) {
  const rates = useRates({ unitId });
  const data = rates.data;
  return (
    <Panel title="Tỷ lệ gửi báo cáo qua các đợt">
      {rates.isError && <ErrorAlert error={rates.error} onRetry={() => rates.refetch()} />}
      {rates.isPending && <Skeleton h={260} />}
      {data &&
        (data.points.length === 0 ? (
          <Text c="dimmed" size="sm">
            Chưa có đợt báo cáo nào.
          </Text>
        ) : (
          <LineChart
            h={260}
            data={data.points.map((p) => ({
              label: capitalize(p.periodLabel),
              rate: Math.round(p.rate * 1000) / 10,
              onTime: Math.round(p.onTimeRate * 1000) / 10,
            }))}
            dataKey="label"
            yAxisProps={{ domain: [0, 100] }}
            series={[
              { name: 'rate', label: 'Đã gửi', color: 'blue.6' },
              { name: 'onTime', label: 'Đúng hạn', color: 'green.6' },
            ]}
            valueFormatter={(v) => formatPercent(v / 100)}
            withLegend
          />
        ))}
    </Panel>
  );
}
