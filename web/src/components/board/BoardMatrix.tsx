/**
 * The board's matrix: units down (the first column stays in sight while scrolling sideways), rounds
 * across, each cell a state badge with the days late and a link to the report; the rates below.
 */
import type { BoardResponse } from '@domain/api-board';
import { formatPercent } from '@domain/vn-number';
import { Anchor, Table, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { isSent, LateText, StateBadge } from './StateBadge';

const sticky: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  minWidth: 170,
  maxWidth: 220,
};

export function BoardMatrix({ board }: { board: BoardResponse }) {
  const { rounds, rows } = board;
  return (
    <Table.ScrollContainer minWidth={220 + rounds.length * 150} maxHeight="75vh">
      <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ ...sticky, zIndex: 3 }}>Đơn vị</Table.Th>
            {rounds.map((r) => (
              <Table.Th key={r.id} style={{ minWidth: 150 }}>
                <Anchor component={Link} to={`/dot-bao-cao/${r.id}`} size="sm" fw={600}>
                  {r.name}
                </Anchor>
                <Text size="xs" c="dimmed" fw={400}>
                  Hạn {formatDate(r.deadline)}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.unit.id}>
              <Table.Th scope="row" style={sticky} fw={500}>
                {row.unit.name}
              </Table.Th>
              {row.cells.map((cell, i) => (
                <Table.Td key={rounds[i]?.id ?? i}>
                  {cell === null ? (
                    <Text size="xs" c="dimmed">
                      Không yêu cầu
                    </Text>
                  ) : cell.reportId ? (
                    <Link to={`/bao-cao/${cell.reportId}`} style={{ textDecoration: 'none' }}>
                      <StateBadge state={cell.state} />
                    </Link>
                  ) : (
                    <StateBadge state={cell.state} />
                  )}
                  {cell && <LateText days={cell.daysLate} sent={isSent(cell.state)} />}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th style={sticky}>Tỷ lệ đã gửi</Table.Th>
            {rounds.map((r) => (
              <Table.Td key={r.id} fw={600}>
                {formatPercent(r.rate)}{' '}
                <Text span size="xs" c="dimmed">
                  ({r.sent}/{r.required})
                </Text>
              </Table.Td>
            ))}
          </Table.Tr>
          <Table.Tr>
            <Table.Th style={sticky}>Tỷ lệ gửi đúng hạn</Table.Th>
            {rounds.map((r) => (
              <Table.Td key={r.id} fw={600}>
                {formatPercent(r.onTimeRate)}{' '}
                <Text span size="xs" c="dimmed">
                  ({r.sentOnTime}/{r.required})
                </Text>
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
