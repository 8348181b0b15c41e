import type { UnitDetail } from '@domain/api';
import { Card, Skeleton, Text, Title } from '@mantine/core';
import { ApiError } from '../../api/client';
import { useUnitReports } from '../../api/reports';
import { ErrorAlert } from '../ErrorAlert';
import { ReportTable } from '../report/ReportTable';

/**
 * "Báo cáo" on the unit page: the unit's reports, for whoever may read them (the unit's own people,
 * the roles of its province, administrators within reach). Asked only when the user reaches the
 * unit; a refusal (403) hides the section without a word.
 */
export function ReportsSection({ unit }: { unit: UnitDetail }) {
  const reachable = !unit.restricted && unit.kind !== 'country';
  const reports = useUnitReports(reachable ? unit.id : null);
  if (!reachable) return null;
  if (reports.isError && reports.error instanceof ApiError && reports.error.status === 403) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="reports-heading">
      <Title order={2} fz={18} id="reports-heading" mb="sm">
        Báo cáo{reports.data ? ` (${reports.data.total})` : ''}
      </Title>
      {reports.isPending && <Skeleton h={120} />}
      {reports.isError && <ErrorAlert error={reports.error} onRetry={() => reports.refetch()} />}
      {reports.data && reports.data.items.length === 0 && (
        <Text c="dimmed" size="sm">
          Đơn vị chưa có báo cáo nào.
        </Text>
      )}
      {reports.data && reports.data.items.length > 0 && <ReportTable items={reports.data.items} />}
    </Card>
  );
}
