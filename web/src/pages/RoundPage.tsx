import { REPORT_STATUS_LABELS } from '@domain/api-reports';
import type { RoundDetail, RoundUnitOut } from '@domain/api-rounds';
import { countdownText } from '@domain/rounds';
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  answerFromDepartment,
  closeRound,
  nextRound,
  openRoundReport,
  reopenRound,
  roundKeys,
  useDepartmentReport,
  useRound,
} from '../api/rounds';
import { RoundProgress } from '../components/board/RoundProgress';
import { ConsolidatedReportButton } from '../components/consolidation/ConsolidatedReportButton';
import { ConsolidationPanel } from '../components/consolidation/ConsolidationPanel';
import { ErrorAlert } from '../components/ErrorAlert';
import { EditRoundForm } from '../components/round/EditRoundForm';
import { RequestLetterPanel } from '../components/round/RequestLetterPanel';
import { capitalize, formatDate, formatNumber } from '../lib/format';
import { notifyError, notifySuccess } from '../lib/notify';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/**
 * A province whose communes report to its Sở Ngoại vụ answers the ministry from the Sở's
 * consolidated report of the period: offered once the Sở has one, usable once it is issued.
 */
function FromDepartment({ round, item }: { round: RoundDetail; item: RoundUnitOut }) {
  const navigate = useNavigate();
  const query = useDepartmentReport(round.id, item.unit.id, true);
  const make = useMutation({
    mutationFn: (id: number) => answerFromDepartment(round.id, item.unit.id, id),
    onSuccess: (answer) => {
      notifySuccess('Đã lập báo cáo của tỉnh từ báo cáo tổng hợp của Sở Ngoại vụ.');
      navigate(`/bao-cao/${answer.reportId}`);
    },
    onError: notifyError,
  });
  const found = query.data?.report;
  if (!found) return null;
  return (
    <Stack gap={2} align="flex-start">
      <Button
        size="compact-sm"
        variant="light"
        h="auto"
        py={4}
        maw={280}
        styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.35 } }}
        disabled={!found.issued}
        loading={make.isPending}
        onClick={() => make.mutate(found.id)}
      >
        {item.report
          ? 'Lấy lại số liệu từ báo cáo tổng hợp của Sở Ngoại vụ'
          : 'Lập báo cáo từ báo cáo tổng hợp của Sở Ngoại vụ'}
      </Button>
      {!found.issued && (
        <Text size="xs" c="dimmed">
          {`Báo cáo tổng hợp của ${found.unitName} đang ở trạng thái “${found.statusLabel}”: cần được ban hành trước.`}
        </Text>
      )}
    </Stack>
  );
}

function UnitAction({ round, item }: { round: RoundDetail; item: RoundUnitOut }) {
  const navigate = useNavigate();
  const open = useMutation({
    mutationFn: () => openRoundReport(round.id, item.unit.id),
    onSuccess: (answer) => navigate(`/bao-cao/${answer.reportId}`),
    onError: notifyError,
  });
  if (item.canReport && round.status === 'open') {
    return (
      <Stack gap={4} align="flex-start">
        <Button size="compact-sm" onClick={() => open.mutate()} loading={open.isPending}>
          {item.report ? 'Mở báo cáo' : 'Lập báo cáo'}
        </Button>
        {item.unit.kind === 'province' &&
          (!item.report || item.report.status === 'draft' || item.report.status === 'returned') && (
            <FromDepartment round={round} item={item} />
          )}
      </Stack>
    );
  }
  return item.report ? (
    <Anchor component={Link} to={`/bao-cao/${item.report.id}`} size="sm">
      Xem báo cáo
    </Anchor>
  ) : null;
}

function UnitsTable({ round }: { round: RoundDetail }) {
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Đơn vị</Table.Th>
            <Table.Th>Báo cáo</Table.Th>
            <Table.Th visibleFrom="sm">Ngày gửi</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {round.units.map((item) => (
            <Table.Tr key={item.unit.id} data-round-unit={item.unit.code}>
              <Table.Td>{item.unit.name}</Table.Td>
              <Table.Td>{item.report ? REPORT_STATUS_LABELS[item.report.status] : 'Chưa lập'}</Table.Td>
              <Table.Td visibleFrom="sm">
                {item.report?.sentAt ? formatDate(item.report.sentAt) : '—'}
              </Table.Td>
              <Table.Td>
                <UnitAction round={round} item={item} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ManageActions({ round }: { round: RoundDetail }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: roundKeys.all });
  const toggle = useMutation({
    mutationFn: () => (round.status === 'open' ? closeRound(round.id) : reopenRound(round.id)),
    onSuccess: refresh,
    onError: notifyError,
  });
  const next = useMutation({
    mutationFn: () => nextRound(round.id),
    onSuccess: (answer) => {
      refresh();
      notifySuccess(answer.created ? 'Đã tạo đợt báo cáo kỳ sau.' : 'Đợt báo cáo kỳ sau đã có.');
      navigate(`/dot-bao-cao/${answer.id}`);
    },
    onError: notifyError,
  });
  return (
    <Group gap="xs">
      <Button variant="default" size="xs" onClick={() => setEditing(true)}>
        Sửa đợt báo cáo
      </Button>
      {round.frequency !== 'once' && (
        <Button variant="default" size="xs" onClick={() => next.mutate()} loading={next.isPending}>
          Tạo đợt kỳ sau ngay
        </Button>
      )}
      <Button
        variant="light"
        color={round.status === 'open' ? 'red' : 'blue'}
        size="xs"
        onClick={() => toggle.mutate()}
        loading={toggle.isPending}
      >
        {round.status === 'open' ? 'Đóng đợt báo cáo' : 'Mở lại đợt báo cáo'}
      </Button>
      {editing && <EditRoundForm round={round} onClose={() => setEditing(false)} />}
    </Group>
  );
}

/** /dot-bao-cao/:id — a round: its regime, its letter, its units and (for the province) progress. */
export default function RoundPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useRound(valid ? id : 0);
  const back = (
    <Anchor component={Link} to="/dot-bao-cao" size="sm">
      Đợt báo cáo
    </Anchor>
  );
  if (!valid) {
    return (
      <Alert color="yellow" title="Không tìm thấy đợt báo cáo" maw={720}>
        Địa chỉ này không chỉ tới đợt báo cáo nào. {back}
      </Alert>
    );
  }
  if (query.isError) {
    return (
      <Stack maw={720}>
        <ErrorAlert title="Không mở được đợt báo cáo" error={query.error} onRetry={() => query.refetch()} />
        {back}
      </Stack>
    );
  }
  if (query.isPending) return <Skeleton h={400} maw={1100} />;
  const round = query.data;
  return (
    <Stack gap="md" maw={1100}>
      <Breadcrumbs separator="›">{back}</Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 22, sm: 26 }}>
            {round.name}
          </Title>
          <Group gap="xs">
            <Badge variant="light" color={round.status === 'open' ? 'blue' : 'gray'} tt="none">
              {round.statusLabel}
            </Badge>
            {round.status === 'open' && (
              <Badge variant="light" color={round.daysLeft < 0 ? 'red' : 'orange'} tt="none">
                {countdownText(round.daysLeft)}
              </Badge>
            )}
          </Group>
        </Stack>
        {round.canManage && (
          <Stack gap="xs" align="flex-end">
            <ConsolidatedReportButton roundId={round.id} />
            <ManageActions round={round} />
          </Stack>
        )}
      </Group>
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <Fact label="Đơn vị nhận báo cáo">{round.unit.name}</Fact>
          <Fact label="Đề cương">{`${round.outline.name} (phiên bản ${round.outline.version})`}</Fact>
          <Fact label="Kỳ báo cáo">{capitalize(round.periodLabel)}</Fact>
          <Fact label="Thời gian chốt số liệu">
            {`Từ ${formatDate(round.window.start)} đến ${formatDate(round.window.end)}`}
          </Fact>
          <Fact label="Hạn gửi báo cáo">
            {`${formatDate(round.deadline)} (${round.deadlineDays} ngày làm việc sau ngày chốt số liệu)`}
          </Fact>
          <Fact label="Tần suất">{round.frequencyLabel}</Fact>
          {round.canManage && (
            <Fact label="Đã gửi">{`${formatNumber(round.sentCount)}/${formatNumber(round.unitCount)} đơn vị`}</Fact>
          )}
        </SimpleGrid>
        {round.letter && (
          <Text size="sm" mt="sm">
            {round.letter.kind === 'answers' ? 'Thực hiện ' : 'Thông báo tại '}
            {round.letter.citation}.
          </Text>
        )}
        {round.guidance && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-line' }}>
            <b>Hướng dẫn:</b> {round.guidance}
          </Text>
        )}
      </Card>
      <RequestLetterPanel round={round} />
      {/* The province's work on the round first, then the long list of units (69 in a province). */}
      {round.canManage && <ConsolidationPanel roundId={round.id} />}
      {round.canManage && (
        <Stack gap="xs" component="section" aria-labelledby="progress-heading">
          <Title order={2} fz={18} id="progress-heading">
            Tiến độ gửi báo cáo
          </Title>
          <RoundProgress roundId={round.id} />
        </Stack>
      )}
      {round.canManage ? (
        <Accordion variant="contained" chevronPosition="left">
          <Accordion.Item value="units">
            <Accordion.Control>
              {`Danh sách đơn vị báo cáo (${formatNumber(round.units.length)}): lập, mở hoặc xem báo cáo của từng đơn vị`}
            </Accordion.Control>
            <Accordion.Panel>
              <UnitsTable round={round} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      ) : (
        <Stack gap="xs" component="section" aria-labelledby="units-heading">
          <Title order={2} fz={18} id="units-heading">
            Báo cáo của đơn vị bạn
          </Title>
          <UnitsTable round={round} />
        </Stack>
      )}
    </Stack>
  );
}
