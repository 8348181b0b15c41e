import type { DueItem } from '@domain/api';
import { EDITABLE_STATUSES, REPORT_STATUS_LABELS, type ReportStatus } from '@domain/api-reports';
import { countdownText } from '@domain/rounds';
import { Anchor, Badge, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { openRoundReport, roundKeys, submitNil } from '../api/rounds';
import { formatDate, formatNumber } from '../lib/format';
import { notifyError, notifySuccess } from '../lib/notify';

function statusText(status: string): string {
  if (status === 'not_started') return 'Chưa lập báo cáo';
  return REPORT_STATUS_LABELS[status as ReportStatus] ?? status;
}

/** Reports already sent to the receiving unit: no countdown any more. */
const SENT = new Set(['issued', 'received', 'accepted']);

function countdownColor(daysLeft: number): string {
  if (daysLeft < 0) return 'red';
  if (daysLeft <= 3) return 'orange';
  return 'blue';
}

/** The report can still be written: not opened yet, a draft, or returned. */
function writable(item: DueItem): boolean {
  return (
    item.canEdit && (item.status === 'not_started' || EDITABLE_STATUSES.includes(item.status as ReportStatus))
  );
}

function ReportActions({ item, onNil }: { item: DueItem; onNil: () => void }) {
  const navigate = useNavigate();
  const open = useMutation({
    mutationFn: () => openRoundReport(item.roundId, item.unit.id),
    onSuccess: (answer) => navigate(`/bao-cao/${answer.reportId}`),
    onError: notifyError,
  });
  if (!item.canEdit) {
    return item.reportId ? (
      <Button component={Link} to={`/bao-cao/${item.reportId}`} variant="light" size="xs">
        Xem báo cáo
      </Button>
    ) : null;
  }
  return (
    <Group gap="xs">
      <Button size="xs" onClick={() => open.mutate()} loading={open.isPending}>
        {item.reportId ? 'Mở báo cáo' : 'Lập báo cáo'}
      </Button>
      {/* Once a draft is under way, "không phát sinh" is answered in the report itself. */}
      {writable(item) && item.status === 'not_started' && (
        <Button size="xs" variant="default" onClick={onNil}>
          Không phát sinh
        </Button>
      )}
    </Group>
  );
}

/** "Không phát sinh" for the whole report, after a confirmation: opened and submitted in one step. */
function NilConfirm({ item, onClose }: { item: DueItem; onClose: () => void }) {
  const queryClient = useQueryClient();
  const nil = useMutation({
    mutationFn: async () => {
      const opened = await openRoundReport(item.roundId, item.unit.id);
      await submitNil(opened.reportId, opened.revision);
    },
    onSuccess: () => {
      notifySuccess('Đã gửi báo cáo “Không phát sinh” cho lãnh đạo.');
      void queryClient.invalidateQueries({ queryKey: ['home'] });
      void queryClient.invalidateQueries({ queryKey: roundKeys.all });
      onClose();
    },
    onError: notifyError,
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title="Báo cáo không phát sinh"
      closeButtonProps={{ 'aria-label': 'Đóng' }}
    >
      <Stack gap="sm">
        <Text size="sm">
          Trong kỳ này {item.unit.name} không phát sinh hoạt động đối ngoại nào? Toàn bộ báo cáo “{item.title}
          ” sẽ ghi “Không phát sinh” và được gửi lãnh đạo duyệt ngay.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={nil.isPending}>
            Hủy
          </Button>
          <Button onClick={() => nil.mutate()} loading={nil.isPending}>
            Xác nhận không phát sinh
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** What the receiving unit has to do in a round, each with what it means. */
function RoundWork({ work }: { work: NonNullable<DueItem['work']> }) {
  const lines = [
    work.toReceive > 0 &&
      `${formatNumber(work.toReceive)} báo cáo đã ban hành, chờ tiếp nhận (xác nhận đã nhận để đơn vị biết báo cáo đã đến)`,
    work.toAccept > 0 &&
      `${formatNumber(work.toAccept)} báo cáo đã tiếp nhận, chờ xem xét để chấp nhận hoặc trả lại`,
    work.returned > 0 && `${formatNumber(work.returned)} báo cáo đã trả lại, đang chờ đơn vị sửa và gửi lại`,
    work.late > 0 && `${formatNumber(work.late)} đơn vị quá hạn chưa gửi báo cáo`,
  ].filter((line): line is string => typeof line === 'string');
  if (lines.length === 0) return null;
  return (
    <Stack gap={2} component="ul" m={0} pl="md">
      {lines.map((line) => (
        <Text key={line} size="sm" component="li">
          {line}
        </Text>
      ))}
    </Stack>
  );
}

/** Does the receiving unit have something to do in this round? */
export function hasRoundWork(item: DueItem): boolean {
  const w = item.work;
  return w !== null && w.toReceive + w.toAccept + w.returned + w.late > 0;
}

export function DueList({ items }: { items: DueItem[] }) {
  const [nilFor, setNilFor] = useState<DueItem | null>(null);
  if (items.length === 0) {
    return (
      <Card withBorder padding="lg" bg="gray.0">
        <Text fw={500}>Hiện chưa có đợt báo cáo nào giao cho đơn vị của bạn.</Text>
        <Text size="sm" c="dimmed" mt={4}>
          Khi cấp trên mở đợt báo cáo, việc cần làm và thời hạn sẽ hiện ở đây.
        </Text>
      </Card>
    );
  }
  return (
    <Stack gap="xs">
      {items.map((item) => (
        <Card key={item.id} withBorder padding="sm" data-due-item={item.id}>
          <Group justify="space-between" align="flex-start" gap="xs">
            <Stack gap={4} style={{ flex: '1 1 240px', minWidth: 0 }}>
              <Anchor component={Link} to={item.href} fw={600}>
                {item.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {item.unit.name} · Hạn gửi: {formatDate(item.deadline)} ·{' '}
                {item.kind === 'round' && item.progress
                  ? `${formatNumber(item.progress.sent)}/${formatNumber(item.progress.total)} đơn vị đã gửi`
                  : statusText(item.status)}
              </Text>
              {item.kind === 'round' && item.work && <RoundWork work={item.work} />}
              {item.kind === 'report' && <ReportActions item={item} onNil={() => setNilFor(item)} />}
            </Stack>
            {SENT.has(item.status) ? (
              <Badge color="teal" variant="light" tt="none" size="lg">
                Đã gửi
              </Badge>
            ) : (
              <Badge color={countdownColor(item.daysLeft)} variant="light" tt="none" size="lg">
                {countdownText(item.daysLeft)}
              </Badge>
            )}
          </Group>
        </Card>
      ))}
      {nilFor && <NilConfirm item={nilFor} onClose={() => setNilFor(null)} />}
    </Stack>
  );
}
