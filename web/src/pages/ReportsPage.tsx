import type { MeResponse, UnitListResponse, UnitSummary } from '@domain/api';
import { Alert, Button, Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, withQuery } from '../api/client';
import { useUnitReports } from '../api/reports';
import { useMe } from '../api/session';
import { foldFilter } from '../api/units';
import { ErrorAlert } from '../components/ErrorAlert';
import { NewReportForm, type WritableUnit } from '../components/report/NewReportForm';
import { ReportTable } from '../components/report/ReportTable';

/** Roles that read the reports of every unit of their province (src/domain/authz.ts). */
const PROVINCE_READERS = new Set(['province_officer', 'province_leader', 'admin']);

/**
 * The provinces whose units' reports this user reads: "42" for a role held at Hà Tĩnh or at one of
 * its bodies ("42.SNGV"); an administrator's reach is his subtree, so only when held at the province.
 */
function readableProvinces(me: MeResponse | null | undefined): string[] {
  const codes = new Set<string>();
  for (const { role, unit } of me?.grants ?? []) {
    if (!PROVINCE_READERS.has(role)) continue;
    if (unit.kind === 'province' || (unit.kind === 'body' && role !== 'admin')) {
      codes.add(unit.code.split('.')[0] ?? unit.code);
    }
  }
  return [...codes];
}

/** Every unit of these provinces (a province has at most a few hundred). */
function useProvinceUnits(codes: string[]) {
  return useQuery({
    queryKey: ['units', 'of-provinces', codes],
    enabled: codes.length > 0,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      const all: UnitSummary[] = [];
      for (const provinceCode of codes) {
        for (let offset = 0; ; offset += 200) {
          const page = await api.get<UnitListResponse>(
            withQuery('/api/units', { provinceCode, limit: 200, offset }),
            signal,
          );
          all.push(...page.items);
          if (page.items.length < 200 || offset + 200 >= page.total) break;
        }
      }
      return all;
    },
  });
}

/** /bao-cao — the reports of the user's units (and, for province roles, of any unit of the province). */
export default function ReportsPage() {
  const me = useMe().data;
  const units: WritableUnit[] = [];
  for (const grant of me?.grants ?? []) {
    if (grant.unit.kind !== 'country' && !units.some((u) => u.id === grant.unit.id)) {
      units.push({ id: grant.unit.id, name: grant.unit.name, kind: grant.unit.kind });
    }
  }
  const provinceUnits = useProvinceUnits(readableProvinces(me));
  const others = (provinceUnits.data ?? []).filter((u) => !units.some((own) => own.id === u.id));
  const [chosen, setChosen] = useState<string | null>(null);
  const unitId = chosen ? Number(chosen) : (units[0]?.id ?? null);
  const reports = useUnitReports(unitId);
  const [creating, setCreating] = useState(false);
  const canWrite = me?.abilities.writeReports === true;
  const ownChosen = units.some((u) => u.id === unitId);

  const options =
    others.length > 0
      ? [
          { group: 'Đơn vị của bạn', items: units.map((u) => ({ value: String(u.id), label: u.name })) },
          {
            group: 'Các đơn vị trong tỉnh (chỉ xem)',
            items: others.map((u) => ({ value: String(u.id), label: u.name })),
          },
        ]
      : units.map((u) => ({ value: String(u.id), label: u.name }));

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          Báo cáo
        </Title>
        {canWrite && units.length > 0 && <Button onClick={() => setCreating(true)}>Lập báo cáo mới</Button>}
      </Group>
      {units.length === 0 && (
        <Alert color="yellow">
          Tài khoản của bạn chưa được giao vai trò tại đơn vị nào nên chưa có báo cáo.
        </Alert>
      )}
      {(units.length > 1 || others.length > 0) && (
        <Select
          label="Đơn vị"
          description={others.length > 0 ? 'Gõ tên để tìm một xã, phường hay cơ quan trong tỉnh.' : undefined}
          data={options}
          value={unitId ? String(unitId) : null}
          onChange={setChosen}
          allowDeselect={false}
          searchable={others.length > 0}
          filter={foldFilter}
          nothingFoundMessage="Không có đơn vị nào phù hợp."
          maw={420}
        />
      )}
      {reports.isError && <ErrorAlert error={reports.error} onRetry={() => reports.refetch()} />}
      {reports.isPending && unitId !== null && <Skeleton h={160} />}
      {reports.data && reports.data.items.length === 0 && (
        <Text c="dimmed">
          Đơn vị chưa có báo cáo nào.{canWrite && ownChosen && ' Bấm "Lập báo cáo mới" để bắt đầu.'}
        </Text>
      )}
      {reports.data && reports.data.items.length > 0 && <ReportTable items={reports.data.items} />}
      {creating && (
        <NewReportForm
          units={units}
          initialUnitId={ownChosen ? unitId : (units[0]?.id ?? null)}
          onClose={() => setCreating(false)}
        />
      )}
    </Stack>
  );
}
