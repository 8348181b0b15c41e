import { formerSumDetails } from '@domain/lineage';
import type { ReportContent } from '@domain/report-json';
import { Alert, Text } from '@mantine/core';

/**
 * A merged commune's "cùng kỳ năm trước" drawn from its former communes (the 2025 reform): which
 * they are, which had no report, which were split. Nothing for any other report.
 */
export function FormerUnitsNote({ comparison }: { comparison: ReportContent['comparison'] }) {
  const basis = comparison.sameLastYearFormers;
  if (!basis) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      title="Cùng kỳ năm trước: số liệu các đơn vị trước sắp xếp"
      data-former-units
    >
      {formerSumDetails(basis).map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </Alert>
  );
}
