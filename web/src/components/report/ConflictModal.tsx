import type { Outline } from '@domain/outline';
import type { ReportContent } from '@domain/report-json';
import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { downloadJson, type ReportConflict } from '../../api/reports';
import { formatDateTime } from '../../lib/format';
import { allIndicators } from './values';

function show(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'number') return value.toLocaleString('vi-VN');
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object' && value !== null && 'total' in value) {
    const v = value as { total: number; parts: { key: string; value: number }[] };
    const parts = v.parts.filter((p) => p.key).map((p) => `${p.key} ${p.value}`);
    return parts.length ? `${v.total} (${parts.join(', ')})` : String(v.total);
  }
  return String(value);
}

interface Props {
  conflict: ReportConflict;
  mine: ReportContent;
  outline: Outline;
  fileName: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

/** Someone saved the report meanwhile: both versions stay available until the officer chooses. */
export function ConflictModal({ conflict, mine, outline, fileName, onKeepMine, onTakeTheirs }: Props) {
  const current = conflict.current;
  const who = current.updatedBy?.fullName ?? 'người khác';
  const theirs = current.content;
  const differences = allIndicators(outline).filter(
    (i) => JSON.stringify(mine.values[i.code]) !== JSON.stringify(theirs.values[i.code]),
  );
  const textsDiffer = JSON.stringify(mine.narratives) !== JSON.stringify(theirs.narratives);
  const nilDiffers = JSON.stringify(mine.nil) !== JSON.stringify(theirs.nil);
  return (
    <Modal
      opened
      onClose={() => {}}
      withCloseButton={false}
      title="Báo cáo vừa được lưu bởi người khác"
      size="lg"
    >
      <Stack gap="sm">
        <Alert color="orange" role="alert">
          Báo cáo vừa được {who} lưu lúc {formatDateTime(current.updatedAt)}. Bản của bạn chưa được lưu.
        </Alert>
        {differences.length > 0 && (
          <Table.ScrollContainer minWidth={300}>
            <Table striped withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Chỉ tiêu</Table.Th>
                  <Table.Th>Bản của bạn</Table.Th>
                  <Table.Th>Bản của {who}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {differences.map((i) => (
                  <Table.Tr key={i.code}>
                    <Table.Td>{i.label}</Table.Td>
                    <Table.Td>{show(mine.values[i.code])}</Table.Td>
                    <Table.Td>{show(theirs.values[i.code])}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {(textsDiffer || nilDiffers) && (
          <Text size="sm">
            Hai bản cũng khác nhau ở{' '}
            {[textsDiffer && 'nội dung viết thêm', nilDiffers && 'các mục “Không phát sinh”']
              .filter(Boolean)
              .join(' và ')}
            .
          </Text>
        )}
        <Text size="sm" c="dimmed">
          Giữ bản của bạn sẽ ghi đè bản của {who}. Lấy bản của {who} thì bản của bạn vẫn tải về được dưới dạng
          JSON.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => downloadJson(mine, fileName)}>
            Tải bản của tôi (JSON)
          </Button>
          <Button variant="light" onClick={onTakeTheirs}>
            Lấy bản của {who}
          </Button>
          <Button color="orange" onClick={onKeepMine}>
            Giữ bản của tôi và ghi đè
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
