import { Anchor, Badge, Divider, Modal, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useReportTrace } from '../../api/consolidation';
import { formatDateTime, formatNumber } from '../../lib/format';
import { formatValue } from './values';

type Indicator = NonNullable<ReturnType<typeof useReportTrace>['data']>['indicators'][number];

/**
 * "Nguồn số liệu" on a consolidated report: every figure opens the list of reports and values it
 * came from. Renders nothing for a report that is not a consolidation.
 */
export function ConsolidationSources({ reportId }: { reportId: number }) {
  const trace = useReportTrace(reportId);
  const [open, setOpen] = useState<Indicator | null>(null);
  if (!trace.data?.consolidated) return null;
  const t = trace.data;
  const nil = t.sources.filter((s) => s.nilAll);
  return (
    <Stack gap="xs" mt="md">
      <Divider label="Nguồn số liệu" labelPosition="left" />
      {t.coverage?.partial && (
        <Text size="sm" c="orange.8">
          {t.coverage.sentence} Các tổng số là số liệu chưa đầy đủ.
        </Text>
      )}
      <Text size="sm" c="dimmed">
        Tổng hợp từ {formatNumber(t.sources.length)} báo cáo
        {t.coverage ? ` (${formatNumber(t.coverage.answered)}/${formatNumber(t.coverage.asked)} đơn vị)` : ''}
        {t.madeAt ? ` lúc ${formatDateTime(t.madeAt)}` : ''}
        {nil.length > 0 ? `; ${formatNumber(nil.length)} báo cáo không phát sinh` : ''}. Bấm vào một số liệu
        để xem các báo cáo tạo nên nó.
      </Text>
      <Table striped highlightOnHover withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Chỉ tiêu</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              Số liệu
            </Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              Nguồn
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {t.indicators.map((i) => (
            <Table.Tr key={i.code}>
              <Table.Td>
                {i.label}
                {i.unit ? ` (${i.unit})` : ''}
              </Table.Td>
              <Table.Td ta="right">
                <UnstyledButton
                  onClick={() => setOpen(i)}
                  className="tap-target"
                  aria-label={`Nguồn của số liệu ${i.label}`}
                  style={{ textDecoration: 'underline dotted' }}
                >
                  {formatValue(i.value)}
                </UnstyledButton>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(i.sources.length)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open?.label ?? ''} size="lg">
        {open && (
          <Stack gap="xs">
            <Text size="sm">
              Số liệu trong báo cáo: <b>{formatValue(open.value)}</b>
              {open.unit ? ` ${open.unit}` : ''}
            </Text>
            {open.sources.length === 0 ? (
              <Text size="sm" c="dimmed">
                Không báo cáo nào có số liệu này.
              </Text>
            ) : (
              <Table withTableBorder fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Đơn vị</Table.Th>
                    <Table.Th ta="right">Số liệu</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {open.sources.map((s) => (
                    <Table.Tr key={s.reportId}>
                      <Table.Td>
                        <Anchor component={Link} to={s.href} onClick={() => setOpen(null)}>
                          {s.unitName}
                        </Anchor>{' '}
                        <Badge variant="light" size="xs">
                          {s.unitCode}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">{formatValue(s.value)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
