import type { UnitRefOut } from '@domain/api';
import { ROLE_LABELS, ROLES, type Role } from '@domain/authz';
import { Button, Card, CloseButton, Group, Select, Stack, Text } from '@mantine/core';
import type { FieldErrors } from '../../lib/forms';
import { errorFor } from '../../lib/forms';
import { UnitPicker } from './UnitPicker';

export interface GrantRow {
  key: number;
  role: Role;
  unit: UnitRefOut | null;
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
let nextKey = 1;
export const newGrantRow = (role: Role = 'commune_officer', unit: UnitRefOut | null = null): GrantRow => ({
  key: nextKey++,
  role,
  unit,
});

interface Props {
  rows: GrantRow[];
  onChange: (rows: GrantRow[]) => void;
  errors: FieldErrors;
}

/** One or more "role at unit" lines of a user. */
export function GrantsEditor({ rows, onChange, errors }: Props) {
  const update = (index: number, change: Partial<GrantRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const listError = errors.grants;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Vai trò và đơn vị
      </Text>
      {rows.map((row, i) => (
        <Card key={row.key} withBorder padding="xs">
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
              <Select
                label={`Vai trò ${i + 1}`}
                data={ROLE_OPTIONS}
                value={row.role}
                allowDeselect={false}
                onChange={(value) => {
                  const role = ROLES.find((r) => r === value);
                  if (role) update(i, { role });
                }}
                error={errorFor(errors, `grants.${i}.role`)}
              />
              <UnitPicker
                label={`Đơn vị ${i + 1}`}
                value={row.unit}
                onChange={(unit) => update(i, { unit })}
                error={errorFor(errors, `grants.${i}.unitId`) ?? errorFor(errors, `grants.${i}.unit`)}
              />
            </Stack>
            {rows.length > 1 && (
              <CloseButton
                aria-label={`Bỏ vai trò ${i + 1}`}
                mt={26}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              />
            )}
          </Group>
        </Card>
      ))}
      {listError && (
        <Text size="sm" c="red">
          {listError}
        </Text>
      )}
      {rows.length < 20 && (
        <Button
          variant="subtle"
          size="xs"
          onClick={() => onChange([...rows, newGrantRow()])}
          style={{ alignSelf: 'flex-start' }}
        >
          + Thêm vai trò
        </Button>
      )}
    </Stack>
  );
}
