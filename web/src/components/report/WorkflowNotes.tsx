/**
 * What the workflow asks the reader to look at: the comments of the last return (also shown at
 * their section or indicator on the form) and the changes since the last submission.
 */
import type { ReportChangesOut, ReportCommentOut } from '@domain/api-reports';
import { Alert, Anchor, List, Paper, Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../lib/format';

/** "Ý kiến của lãnh đạo" / "Lý do cấp trên trả lại", with who and when. */
function stageTitle(comments: readonly ReportCommentOut[]): string {
  const province = comments.some((c) => c.stage === 'province');
  const open = comments.some((c) => c.open);
  if (province) return open ? 'Cấp trên trả lại với lý do' : 'Lý do cấp trên trả lại lần trước';
  return open ? 'Lãnh đạo trả lại với ý kiến' : 'Ý kiến của lãnh đạo lần trả lại trước';
}

export function targetText(c: ReportCommentOut): string | null {
  if (!c.target) return null;
  if (c.targetKind === 'indicator') return `Chỉ tiêu "${c.targetLabel}" (mục ${c.targetNumber})`;
  if (c.targetKind === 'section') return `Mục ${c.targetNumber}. ${c.targetLabel}`;
  return c.target;
}

export function CommentList({
  comments,
  onGoTo,
}: {
  comments: readonly ReportCommentOut[];
  /** Scrolls to the place a comment is about. */
  onGoTo: (comment: ReportCommentOut) => void;
}) {
  if (comments.length === 0) return null;
  const first = comments[0];
  const open = comments.some((c) => c.open);
  return (
    <Alert color={open ? 'orange' : 'gray'} title={stageTitle(comments)} data-comments>
      <Stack gap={6}>
        {first && (
          <Text size="xs" c="dimmed">
            {first.author?.fullName ?? 'Người trả lại'} · {formatDateTime(first.createdAt)} · lần gửi thứ{' '}
            {first.version}
          </Text>
        )}
        <List size="sm" spacing={4}>
          {comments.map((c) => {
            const where = targetText(c);
            return (
              <List.Item key={c.id}>
                {where && c.target ? (
                  <Anchor component="button" type="button" size="sm" onClick={() => onGoTo(c)}>
                    {where}
                  </Anchor>
                ) : null}
                {where ? ': ' : ''}
                <span style={{ whiteSpace: 'pre-wrap' }}>{c.body}</span>
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Alert>
  );
}

/** The comments about one place, shown beside it on the form. */
export function InlineComments({ comments }: { comments: readonly ReportCommentOut[] }) {
  if (comments.length === 0) return null;
  return (
    <Paper bg="orange.0" p="xs" radius="sm" data-inline-comment>
      {comments.map((c) => (
        <Text key={c.id} size="sm" c="orange.9" style={{ whiteSpace: 'pre-wrap' }}>
          <b>{c.stage === 'province' ? 'Cấp trên' : 'Lãnh đạo'}</b>
          {c.targetKind === 'indicator' ? ` (${c.targetLabel})` : ''}: {c.body}
        </Text>
      ))}
    </Paper>
  );
}

export function ChangesList({ changes }: { changes: ReportChangesOut | null }) {
  if (!changes) return null;
  const title =
    changes.current === null
      ? `Thay đổi so với lần gửi trước (lần ${changes.against})`
      : `Thay đổi so với lần gửi trước: lần ${changes.current} so với lần ${changes.against}`;
  return (
    <Paper withBorder p="sm" radius="sm" data-changes>
      <Text fw={600} size="sm" mb={4}>
        {title}
      </Text>
      {changes.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Không có thay đổi nào.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nội dung</Table.Th>
                <Table.Th>Trước</Table.Th>
                <Table.Th>Sau</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.items.map((c) => (
                <Table.Tr key={`${c.kind}-${c.target}`}>
                  <Table.Td>{c.label}</Table.Td>
                  <Table.Td c="dimmed">{c.before}</Table.Td>
                  <Table.Td fw={500}>{c.after}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
