import type { GrantOut } from '@domain/api';
import { ROLE_LABELS } from '@domain/authz';
import { Text } from '@mantine/core';

export function GrantList({ grants }: { grants: GrantOut[] }) {
  return (
    <>
      {grants.map((grant) => (
        <Text key={`${grant.role}-${grant.unit.id}`} size="sm">
          {ROLE_LABELS[grant.role]} – {grant.unit.name}
        </Text>
      ))}
    </>
  );
}
