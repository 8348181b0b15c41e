import type { RoundSummary } from '@domain/api-rounds';
import { countdownText } from '@domain/rounds';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useRounds } from '../api/rounds';
import { useMe } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { NewRoundForm, type ReceivingUnit } from '../components/round/NewRoundForm';
import { capitalize, formatDate, formatNumber } from '../lib/format';

const STATUS_OPTIONS = [
  { value: 'open', label: 'Đang mở' },
  { value: 'closed', label: 'Đã đóng' },
];

function RoundTable({ items }: { items: RoundSummary[] }) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Đợt báo cáo</Table.Th>
            <Table.Th visibleFrom="sm">Kỳ báo cáo</Table.Th>
            <Table.Th>Hạn gửi</Table.Th>
            <Table.Th visibleFrom="sm">Đã gửi</Table.Th>
            <Table.Th visibleFrom="sm">Trạng thái</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((round) => (
            <Table.Tr
              key={round.id}
              className="clickable-row"
              onClick={() => navigate(`/dot-bao-cao/${round.id}`)}
            >
              <Table.Td>
                <Anchor component={Link} to={`/dot-bao-cao/${round.id}`} fw={500}>
                  {round.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {round.unit.name}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">{capitalize(round.periodLabel)}</Table.Td>
              <Table.Td>
                {formatDate(round.deadline)}
                {round.status === 'open' && (
                  <Text size="xs" c={round.daysLeft < 0 ? 'red' : 'dimmed'}>
                    {countdownText(round.daysLeft)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td visibleFrom="sm">
                {round.canManage ? `${formatNumber(round.sentCount)}/${formatNumber(round.unitCount)}` : '—'}
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Badge variant="light" color={round.status === 'open' ? 'blue' : 'gray'} tt="none">
                  {round.statusLabel}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** /dot-bao-cao — the rounds the user receives or must answer; province officers open new ones. */
export default function RoundsPage() {
  const me = useMe().data;
  const [status, setStatus] = useState<string | null>('open');
  const [year, setYear] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const rounds = useRounds({
    status: (status ?? undefined) as 'open' | 'closed' | undefined,
    year: year ? Number(year) : undefined,
  });
  const receiving: ReceivingUnit[] = [];
  for (const grant of me?.grants ?? []) {
    const provinceRole = grant.role === 'province_officer' || grant.role === 'province_leader';
    const nationalRole = grant.role === 'national_officer' || grant.role === 'national_leader';
    if (
      (provinceRole && (grant.unit.kind === 'province' || grant.unit.kind === 'body')) ||
      (nationalRole && grant.unit.kind === 'country')
    ) {
      if (!receiving.some((u) => u.id === grant.unit.id)) receiving.push(grant.unit);
    }
  }
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          Đợt báo cáo
        </Title>
        {me?.abilities.manageRounds && receiving.length > 0 && (
          <Button onClick={() => setCreating(true)}>Mở đợt báo cáo</Button>
        )}
      </Group>
      <Group gap="sm">
        <Select
          label="Trạng thái"
          data={STATUS_OPTIONS}
          value={status}
          onChange={setStatus}
          clearable
          placeholder="Tất cả"
          w={160}
        />
        <Select
          label="Năm"
          data={years}
          value={year}
          onChange={setYear}
          clearable
          placeholder="Tất cả"
          w={120}
        />
      </Group>
      {rounds.isError && <ErrorAlert error={rounds.error} onRetry={() => rounds.refetch()} />}
      {rounds.isPending && <Skeleton h={160} />}
      {rounds.data && rounds.data.items.length === 0 && (
        <Alert color="gray">Chưa có đợt báo cáo nào{status === 'open' ? ' đang mở' : ''}.</Alert>
      )}
      {rounds.data && rounds.data.items.length > 0 && <RoundTable items={rounds.data.items} />}
      {creating && <NewRoundForm receiving={receiving} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
