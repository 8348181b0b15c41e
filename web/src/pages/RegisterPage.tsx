/** Sổ văn bản đi: the register of outgoing documents of a unit, by year, with Excel/CSV export. */
import type { RegisterEntryOut } from '@domain/api-documents';
import { NUMBERING_SCHEME_LABELS, type NumberingScheme } from '@domain/numbering';
import { todayInVietnam } from '@domain/periods';
import { Alert, Button, Group, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { downloadFile, registerExportUrl, setNumberingScheme, useRegister } from '../api/documents';
import { useMe } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../lib/format';
import { notifyError, notifySuccess } from '../lib/notify';

const TYPE_NAMES: Record<string, string> = { BC: 'Báo cáo', KH: 'Kế hoạch', CV: 'Công văn' };

function EntryRows({ items }: { items: RegisterEntryOut[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped withTableBorder verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Số, ký hiệu</Table.Th>
            <Table.Th>Ngày ban hành</Table.Th>
            <Table.Th>Loại</Table.Th>
            <Table.Th>Trích yếu</Table.Th>
            <Table.Th>Người ký</Table.Th>
            <Table.Th>Nơi nhận</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap', fontWeight: 600 }}>
                {e.reportId ? <Link to={`/bao-cao/${e.reportId}`}>{e.notation}</Link> : e.notation}
              </Table.Td>
              <Table.Td>{formatDate(e.issuedOn)}</Table.Td>
              <Table.Td>{TYPE_NAMES[e.typeCode] ?? e.typeCode}</Table.Td>
              <Table.Td>{e.subject}</Table.Td>
              <Table.Td>
                {e.signerName}
                <Text size="xs" c="dimmed">
                  {e.signerTitle}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{e.recipients}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export default function RegisterPage() {
  const me = useMe().data;
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const ownUnits = [...new Map((me?.grants ?? []).map((g) => [g.unit.id, g.unit])).values()];
  const unitId = Number(params.get('unitId')) || ownUnits[0]?.id || null;
  const year = Number(params.get('nam')) || Number(todayInVietnam().slice(0, 4));
  const register = useRegister(unitId, year);

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const exporting = useMutation({
    mutationFn: (format: 'xlsx' | 'csv') =>
      downloadFile(registerExportUrl(unitId ?? 0, year, format), `so-van-ban-di-${year}.${format}`),
    onError: notifyError,
  });
  const scheme = useMutation({
    mutationFn: (value: NumberingScheme) => setNumberingScheme(unitId ?? 0, { scheme: value }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['register', unitId] });
      notifySuccess('Đã đổi cách đánh số văn bản.');
    },
    onError: notifyError,
  });

  const data = register.data;
  return (
    <Stack gap="md" maw={1200}>
      <Title order={1} fz={{ base: 22, sm: 26 }}>
        Sổ văn bản đi
      </Title>
      {unitId === null ? (
        <Alert color="yellow">Tài khoản chưa thuộc đơn vị nào nên chưa có sổ văn bản đi.</Alert>
      ) : (
        <Group gap="sm" align="flex-end" wrap="wrap">
          {ownUnits.length > 1 && (
            <Select
              label="Đơn vị"
              data={ownUnits.map((u) => ({ value: String(u.id), label: u.name }))}
              value={String(unitId)}
              onChange={(v) => set('unitId', v)}
              allowDeselect={false}
              w={260}
            />
          )}
          <Select
            label="Năm"
            data={(data?.years ?? [year]).map((y) => String(y))}
            value={String(year)}
            onChange={(v) => set('nam', v)}
            allowDeselect={false}
            w={110}
          />
          <Button
            variant="default"
            onClick={() => exporting.mutate('xlsx')}
            loading={exporting.isPending && exporting.variables === 'xlsx'}
          >
            Tải Excel
          </Button>
          <Button
            variant="default"
            onClick={() => exporting.mutate('csv')}
            loading={exporting.isPending && exporting.variables === 'csv'}
          >
            Tải CSV
          </Button>
        </Group>
      )}
      {register.isError && <ErrorAlert error={register.error} onRetry={() => register.refetch()} />}
      {register.isPending && unitId !== null && <Skeleton h={200} />}
      {data && (
        <>
          <Text size="sm" c="dimmed">
            {data.unit.name} · {NUMBERING_SCHEME_LABELS[data.unit.numberingScheme]} · số bắt đầu lại từ 01 vào
            ngày 01 tháng 01 hằng năm.
          </Text>
          {data.canManage && (
            <Select
              label="Cách đánh số (quản trị viên)"
              data={Object.entries(NUMBERING_SCHEME_LABELS).map(([value, label]) => ({ value, label }))}
              value={data.unit.numberingScheme}
              onChange={(v) => v && scheme.mutate(v as NumberingScheme)}
              allowDeselect={false}
              disabled={scheme.isPending}
              maw={420}
            />
          )}
          {data.items.length === 0 ? (
            <Text c="dimmed" size="sm">
              Năm {year} chưa có văn bản nào được ban hành.
            </Text>
          ) : (
            <EntryRows items={data.items} />
          )}
        </>
      )}
    </Stack>
  );
}
