import { Alert, Anchor, Breadcrumbs, Button, Divider, Group, Skeleton, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useReport } from '../api/reports';
import { ConsolidatedFigure, ConsolidatedScope } from '../components/consolidation/ConsolidatedFigure';
import { ConsolidatedCoverage, ConsolidatedSubtitle } from '../components/consolidation/ConsolidatedHeader';
import { DocumentActions } from '../components/documents/DocumentActions';
import { ErrorAlert } from '../components/ErrorAlert';
import { type ConsolidatedSlots, ReportEditor } from '../components/report/ReportEditor';

/** A consolidated report's page: the province's title, coverage and figures instead of a commune's form. */
const CONSOLIDATED: ConsolidatedSlots = {
  Subtitle: ConsolidatedSubtitle,
  Coverage: ConsolidatedCoverage,
  Scope: ConsolidatedScope,
  Figure: ConsolidatedFigure,
};

/** /bao-cao/:id — the report form. */
export default function ReportPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const report = useReport(valid ? id : 0);

  const back = (
    <Anchor component={Link} to="/bao-cao" size="sm">
      Báo cáo
    </Anchor>
  );
  if (!valid) {
    return (
      <Alert color="yellow" title="Không tìm thấy báo cáo" maw={720}>
        Địa chỉ này không chỉ tới báo cáo nào. {back}
      </Alert>
    );
  }
  if (report.isError) {
    return (
      <Stack maw={720}>
        <ErrorAlert title="Không mở được báo cáo" error={report.error} onRetry={() => report.refetch()} />
        {back}
      </Stack>
    );
  }
  if (report.isPending) return <Skeleton h={500} maw={1100} />;
  const consolidated = report.data.consolidation !== null;
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Breadcrumbs separator="›">
          {back}
          <Anchor component={Link} to={`/don-vi/${report.data.report.unit.id}`} size="sm">
            {report.data.report.unit.name}
          </Anchor>
        </Breadcrumbs>
        {report.data.report.roundId !== null &&
          (consolidated ? (
            // The province goes back and forth between its report and the round it consolidates.
            <Button
              component={Link}
              to={`/dot-bao-cao/${report.data.report.roundId}`}
              variant="default"
              size="xs"
            >
              Xem đợt báo cáo
            </Button>
          ) : (
            <Anchor component={Link} to={`/dot-bao-cao/${report.data.report.roundId}`} size="sm">
              Xem đợt báo cáo
            </Anchor>
          ))}
      </Group>
      <ReportEditor
        key={report.data.report.id}
        initial={report.data}
        {...(consolidated ? { consolidated: CONSOLIDATED } : {})}
      />
      <Divider label="Văn bản" labelPosition="left" mt="md" />
      <DocumentActions reportId={report.data.report.id} />
    </Stack>
  );
}
