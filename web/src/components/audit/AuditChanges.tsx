import type { AuditEntryOut } from '@domain/api';
import { Badge, Stack, Text } from '@mantine/core';
import { changeLines } from '../../lib/audit';

/** What one audit row changed: "key: before → after", or the new values of something created. */
export function AuditChanges({ entry }: { entry: AuditEntryOut }) {
  const lines = changeLines(entry.before, entry.after);
  const created = lines.length > 0 && lines.every((line) => line.before === null);
  return (
    <Stack gap={2}>
      {lines.length === 0 && (
        <Text size="sm" c="dimmed">
          Không có giá trị nào thay đổi.
        </Text>
      )}
      {created && (
        <Badge color="teal" variant="light" size="sm" tt="none">
          mới
        </Badge>
      )}
      {lines.map((line) => (
        <Text key={line.key ?? ''} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {line.key !== null && (
            <Text span ff="monospace" size="sm" c="dimmed">
              {line.key}:{' '}
            </Text>
          )}
          {line.before !== null && (
            <>
              <Text span size="sm" c="red.8">
                {line.before}
              </Text>
              {' → '}
            </>
          )}
          <Text span size="sm" c={line.before !== null ? 'teal.9' : undefined}>
            {line.after}
          </Text>
        </Text>
      ))}
      {entry.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          Mã yêu cầu: <code>{entry.requestId}</code>
        </Text>
      )}
    </Stack>
  );
}
