import type { AuditEntryOut } from '@domain/api';
import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { actorName, signerSubject, userSubject } from '../../lib/audit';
import { formatDateTime } from '../../lib/format';
import { AuditChanges } from './AuditChanges';

/** Who acted; a person is a link to everything he did. */
function Actor({ entry }: { entry: AuditEntryOut }) {
  const name = actorName(entry.actor);
  if (entry.actor.userId === null)
    return (
      <Text span size="sm">
        {name}
      </Text>
    );
  return (
    <Anchor component={Link} to={`/nhat-ky?userId=${entry.actor.userId}`} size="sm">
      {name}
    </Anchor>
  );
}

/** What the change was made to: the unit's page, the user's own history, or the catalogue. */
function Subject({ entry }: { entry: AuditEntryOut }) {
  const signer = entry.entity === 'signer' ? signerSubject(entry) : null;
  const username = entry.entity === 'user' ? userSubject(entry) : null;
  return (
    <Stack gap={0}>
      {entry.unit && (
        <Anchor component={Link} to={`/don-vi/${entry.unit.id}`} size="sm">
          {entry.unit.name}
        </Anchor>
      )}
      {signer && (
        <Text size="xs" c="dimmed">
          Người ký: {signer}
        </Text>
      )}
      {entry.entity === 'user' && (
        <Anchor component={Link} to={`/nhat-ky?userId=${entry.entityId}`} size="sm">
          {username ? (
            <Text span inherit ff="monospace">
              {username}
            </Text>
          ) : (
            `Người dùng số ${entry.entityId}`
          )}
        </Anchor>
      )}
      {entry.entity === 'units' && <Text size="sm">Danh mục đơn vị</Text>}
    </Stack>
  );
}

function DetailsButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <Button size="compact-sm" variant="subtle" onClick={onToggle} aria-expanded={open}>
      {open ? 'Ẩn chi tiết' : 'Chi tiết'}
    </Button>
  );
}

function TableRow({ entry }: { entry: AuditEntryOut }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Table.Tr>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
        <Table.Td>
          <Actor entry={entry} />
        </Table.Td>
        <Table.Td>{entry.actionLabel}</Table.Td>
        <Table.Td>
          <Subject entry={entry} />
        </Table.Td>
        <Table.Td>
          <DetailsButton open={open} onToggle={() => setOpen(!open)} />
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={5} bg="gray.0">
            <AuditChanges entry={entry} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function EntryCard({ entry }: { entry: AuditEntryOut }) {
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Text fw={600} size="sm">
          {entry.actionLabel}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(entry.at)}
        </Text>
      </Group>
      <Subject entry={entry} />
      <Group justify="space-between" wrap="nowrap" align="flex-end" mt={4} gap="xs">
        <Text size="sm" style={{ minWidth: 0 }}>
          <Text span size="xs" c="dimmed">
            Người thực hiện:{' '}
          </Text>
          <Actor entry={entry} />
        </Text>
        <div style={{ flexShrink: 0 }}>
          <DetailsButton open={open} onToggle={() => setOpen(!open)} />
        </div>
      </Group>
      {open && (
        <Card.Section withBorder inheritPadding py="xs" mt="xs" bg="gray.0">
          <AuditChanges entry={entry} />
        </Card.Section>
      )}
    </Card>
  );
}

/** Audit rows as a table on a wide screen and as cards on a phone. */
export function AuditRows({ entries }: { entries: AuditEntryOut[] }) {
  return (
    <>
      <Table verticalSpacing="xs" visibleFrom="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Thời gian</Table.Th>
            <Table.Th>Người thực hiện</Table.Th>
            <Table.Th>Thay đổi</Table.Th>
            <Table.Th>Đối tượng</Table.Th>
            <Table.Th aria-label="Chi tiết" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <TableRow key={entry.id} entry={entry} />
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap="xs" hiddenFrom="sm">
        {entries.map((entry) => (
          <EntryCard key={entry.id} entry={entry} />
        ))}
      </Stack>
    </>
  );
}
