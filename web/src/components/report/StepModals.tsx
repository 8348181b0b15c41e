/**
 * The dialogs of the workflow steps that need words or a confirmation: the officer's submission, the
 * whole report "không phát sinh", the leader's return, the receiving unit's return.
 */
import type { Outline } from '@domain/outline';
import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { errorText } from '../../lib/notify';
import { commentTargets } from './commentTargets';

interface Row {
  id: number;
  target: string | null;
  body: string;
}

export interface ReturnInput {
  comment?: string;
  comments: { target: string; body: string }[];
}

interface ReturnProps {
  opened: boolean;
  outline: Outline;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (input: ReturnInput) => void;
}

/** "Trả lại": an overall comment, and comments at a section or an indicator chosen from a list. */
export function ReturnModal({ opened, outline, pending, error, onClose, onSubmit }: ReturnProps) {
  const targets = useMemo(() => commentTargets(outline), [outline]);
  const [comment, setComment] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [next, setNext] = useState(1);
  const filled = rows.filter((r) => r.target && r.body.trim());
  const incomplete = rows.some((r) => Boolean(r.target) !== Boolean(r.body.trim()));
  const empty = !comment.trim() && filled.length === 0;
  const change = (id: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.id === id ? { ...r, ...patch } : r)));

  return (
    <Modal opened={opened} onClose={onClose} title="Trả lại báo cáo để sửa" centered size="lg">
      <Stack gap="sm">
        <Textarea
          label="Ý kiến chung"
          placeholder="Ví dụ: Đề nghị rà soát lại số liệu và bổ sung nội dung còn thiếu."
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        {rows.map((row, i) => (
          <Stack key={row.id} gap={4} data-comment-row>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <Select
                style={{ flex: 1 }}
                label={`Ý kiến ${i + 1} — tại mục hoặc chỉ tiêu`}
                placeholder="Chọn mục hoặc chỉ tiêu"
                data={targets}
                searchable
                nothingFoundMessage="Không có mục hay chỉ tiêu nào khớp"
                value={row.target}
                onChange={(target) => change(row.id, { target })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={`Bỏ ý kiến ${i + 1}`}
                onClick={() => setRows((all) => all.filter((r) => r.id !== row.id))}
              >
                ✕
              </ActionIcon>
            </Group>
            <Textarea
              aria-label={`Nội dung ý kiến ${i + 1}`}
              placeholder="Nội dung cần sửa"
              autosize
              minRows={2}
              maxLength={2000}
              value={row.body}
              onChange={(e) => change(row.id, { body: e.currentTarget.value })}
            />
          </Stack>
        ))}
        <Button
          variant="light"
          size="xs"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => {
            setRows((all) => [...all, { id: next, target: null, body: '' }]);
            setNext(next + 1);
          }}
        >
          Thêm ý kiến tại một mục / chỉ tiêu
        </Button>
        {incomplete && (
          <Text size="xs" c="orange.8">
            Mỗi ý kiến cần chọn mục hoặc chỉ tiêu và ghi nội dung.
          </Text>
        )}
        <StepError error={error} title="Chưa trả lại được" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button
            color="orange"
            loading={pending}
            disabled={empty || incomplete}
            onClick={() =>
              onSubmit({
                ...(comment.trim() ? { comment: comment.trim() } : {}),
                comments: filled.map((r) => ({ target: r.target ?? '', body: r.body.trim() })),
              })
            }
          >
            Trả lại
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface ReasonProps {
  opened: boolean;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}

/** "Trả lại với lý do": the receiving unit sends the report back; the reason is required. */
export function RejectModal({ opened, pending, error, onClose, onSubmit }: ReasonProps) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title="Trả lại báo cáo cho đơn vị gửi" centered>
      <Stack gap="sm">
        <Text size="sm">Đơn vị gửi sẽ sửa và gửi lại; bản gửi lại được ban hành với số văn bản mới.</Text>
        <Textarea
          label="Lý do trả lại"
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <StepError error={error} title="Chưa trả lại được" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button
            color="orange"
            loading={pending}
            disabled={!reason.trim()}
            onClick={() => onSubmit(reason.trim())}
          >
            Trả lại
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "Không phát sinh" for the whole report and submission, confirmed. */
export function NilModal({
  opened,
  pending,
  error,
  onClose,
  onConfirm,
}: Omit<ReasonProps, 'onSubmit'> & { onConfirm: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Cả báo cáo không phát sinh" centered>
      <Stack gap="sm">
        <Text size="sm">
          Cả báo cáo được ghi là không phát sinh (trong kỳ không có hoạt động đối ngoại nào) và được gửi lãnh
          đạo duyệt ngay. Số liệu đã nhập vẫn được giữ lại. Báo cáo không phát sinh được tính là đã gửi.
        </Text>
        <StepError error={error} title="Chưa gửi được" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button loading={pending} onClick={onConfirm}>
            Xác nhận và gửi lãnh đạo
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "Gửi lãnh đạo duyệt", confirmed once, saying what happens next and how to take it back. */
export function SubmitModal({
  opened,
  pending,
  error,
  onClose,
  onConfirm,
}: Omit<ReasonProps, 'onSubmit'> & { onConfirm: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Gửi báo cáo cho lãnh đạo duyệt?" centered>
      <Stack gap="sm" data-submit-confirm>
        <Text size="sm">
          Báo cáo được gửi cho lãnh đạo đơn vị duyệt. Trong khi chờ duyệt, bạn không sửa được nội dung.
        </Text>
        <Text size="sm">
          Khi lãnh đạo chưa xử lý, bạn có thể bấm “Rút lại” để đưa báo cáo về đang soạn và sửa tiếp.
        </Text>
        <StepError error={error} title="Chưa gửi được" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button loading={pending} onClick={onConfirm} data-confirm-submit>
            Gửi lãnh đạo duyệt
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function StepError({ error, title }: { error: unknown; title: string }) {
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{errorText(error).message}</Text>
      {fields.slice(0, 5).map((f) => (
        <Text size="xs" key={`${f.path}-${f.message}`}>
          {f.message}
        </Text>
      ))}
    </Alert>
  );
}
