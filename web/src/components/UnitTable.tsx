import type { UnitSummary } from '@domain/api';
import { Anchor, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { unitKindText } from '../api/units';

interface Props {
  units: UnitSummary[];
  showProvince?: boolean;
  emptyText?: string;
}

/** Units as rows: code, name, kind (and province); a click anywhere on the row opens the unit. */
export function UnitTable({
  units,
  showProvince = false,
  emptyText = 'Không có đơn vị nào phù hợp.',
}: Props) {
  const navigate = useNavigate();
  if (units.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md">
        {emptyText}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>Mã</Table.Th>
            <Table.Th>Tên</Table.Th>
            <Table.Th visibleFrom="sm">Loại</Table.Th>
            {showProvince && <Table.Th visibleFrom="sm">Tỉnh, thành phố</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((unit) => (
            <Table.Tr key={unit.id} className="clickable-row" onClick={() => navigate(`/don-vi/${unit.id}`)}>
              <Table.Td ff="monospace">{unit.code}</Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/don-vi/${unit.id}`}
                  size="sm"
                  onClick={(e) => e.stopPropagation()}
                >
                  {unit.name}
                </Anchor>
                {!unit.active && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (ngừng hoạt động)
                  </Text>
                )}
                {/* On a phone the kind and province columns fold under the name. */}
                <Text size="xs" c="dimmed" hiddenFrom="sm">
                  {unitKindText(unit)}
                  {showProvince && unit.provinceName && unit.kind !== 'province' && ` · ${unit.provinceName}`}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">{unitKindText(unit)}</Table.Td>
              {showProvince && <Table.Td visibleFrom="sm">{unit.provinceName ?? '—'}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
