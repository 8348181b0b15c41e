import type { UnitDetail } from '@domain/api';
import { Alert, Anchor, Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { importReport, reportIdOf } from '../../api/reports';
import { formatDate } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';

/**
 * On a former unit's page, for its successor's editors: its old reports (files exported from this
 * system, or made with its JSON format) are brought in under it, so that the merged commune's
 * "cùng kỳ năm trước" can add them up.
 */
function FormerReportImport({ unit }: { unit: UnitDetail }) {
  const input = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const importing = useMutation({
    mutationFn: async (file: File) => {
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch {
        throw new ApiError(400, null, `Tệp "${file.name}" không phải là tệp JSON hợp lệ.`);
      }
      return importReport(unit.id, json);
    },
    onSuccess: (view) => {
      notifySuccess(`Đã nhập báo cáo của ${unit.name}.`);
      navigate(`/bao-cao/${reportIdOf(view)}`);
    },
  });
  return (
    <>
      <Group gap="xs" mt="sm">
        <Button
          variant="light"
          size="xs"
          loading={importing.isPending}
          onClick={() => input.current?.click()}
        >
          Nhập báo cáo cũ của đơn vị (tệp JSON)
        </Button>
        <Text size="xs" c="dimmed">
          Số liệu của các báo cáo này được cộng vào cùng kỳ năm trước của đơn vị mới.
        </Text>
      </Group>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="Tệp JSON báo cáo cũ của đơn vị"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) importing.mutate(file);
        }}
      />
      {importing.error && (
        <Alert color="red" mt="xs" title="Không nhập được báo cáo">
          {importing.error instanceof Error ? importing.error.message : String(importing.error)}
        </Alert>
      )}
    </>
  );
}

/**
 * "Đơn vị trước sắp xếp": the former units a commune was formed from (the 2025 reform) and the
 * date; on a former unit's page, the unit it became part of. Nothing for a unit without lineage.
 */
export function LineageSection({ unit }: { unit: UnitDetail }) {
  if (unit.formers.length === 0 && unit.successors.length === 0) return null;
  const dates = [...new Set(unit.formers.map((f) => f.effectiveOn))];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="lineage-heading">
      <Title order={2} fz={18} id="lineage-heading" mb="xs">
        {unit.formers.length > 0 ? 'Đơn vị trước sắp xếp' : 'Đơn vị sau sắp xếp'}
      </Title>
      {unit.successors.length > 0 && (
        <Text size="sm" mb={unit.formers.length ? 'sm' : 0}>
          {unit.name} đã được sắp xếp vào{' '}
          {unit.successors.map((s, i) => (
            <span key={s.id}>
              {i > 0 && (i === unit.successors.length - 1 ? ' và ' : ', ')}
              <Anchor component={Link} to={`/don-vi/${s.id}`}>
                {s.name}
              </Anchor>
            </span>
          ))}{' '}
          từ ngày {formatDate(unit.successors[0]?.effectiveOn ?? '')}.
        </Text>
      )}
      {unit.successors.length > 0 && unit.formers.length === 0 && unit.canImportReports && (
        <FormerReportImport unit={unit} />
      )}
      {unit.formers.length > 0 && (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            {unit.name} được thành lập
            {dates.length === 1 ? ` từ ngày ${formatDate(dates[0] ?? '')}` : ''} trên cơ sở{' '}
            {unit.formers.length} đơn vị cũ. Số liệu cùng kỳ năm trước của các kỳ trước ngày này là tổng số
            liệu của các đơn vị cũ.
          </Text>
          <Table.ScrollContainer minWidth={300}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>Mã</Table.Th>
                  <Table.Th>Tên trước sắp xếp</Table.Th>
                  <Table.Th visibleFrom="sm">Loại</Table.Th>
                  <Table.Th w={120}>Từ ngày</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {unit.formers.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td ff="monospace">{f.code}</Table.Td>
                    <Table.Td>
                      {f.id === unit.id ? (
                        f.name
                      ) : (
                        <Anchor component={Link} to={`/don-vi/${f.id}`} size="sm">
                          {f.name}
                        </Anchor>
                      )}
                      {f.id === unit.id && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          (giữ mã)
                        </Text>
                      )}
                      {f.split && (
                        <Badge ml="xs" size="sm" variant="light" color="gray">
                          chia cho nhiều đơn vị
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom="sm">{f.kind.charAt(0).toUpperCase() + f.kind.slice(1)}</Table.Td>
                    <Table.Td>{formatDate(f.effectiveOn)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}
