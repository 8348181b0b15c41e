/**
 * One register of a unit: its toolbar ("Thêm", import and export), filters, the list (a table on a
 * wide screen, cards on a phone), paging, and correcting or deleting a row.
 */
import type { LogbookRecordOut, LogbookSectionOut } from '@domain/api-logbook';
import type { LogbookKind } from '@domain/logbook/kinds';
import {
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  Modal,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  deleteLogbookRecord,
  type LogbookFilter,
  restoreLogbookRecord,
  useLogbookList,
} from '../../api/logbook';
import { formatNumber } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { DateField } from '../DateField';
import { ErrorAlert } from '../ErrorAlert';
import { Pager } from '../Pager';
import { CountrySelect } from '../report/CountrySelect';
import { formatRange, formatValue, listColumns } from './fields';
import { RecordForm } from './RecordForm';
import { ImportExport } from './sheets/ImportExport';

interface Props {
  unitId: number;
  kind: LogbookKind;
  sections: LogbookSectionOut[];
  canEdit: boolean;
}

const HIDDEN = 'Ẩn (thông tin cá nhân)';

export function RegisterView({ unitId, kind, sections, canEdit }: Props) {
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 48em)');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [words, setWords] = useState('');
  const [q] = useDebouncedValue(words, 350);
  const [country, setCountry] = useState('');
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [section, setSection] = useState('');
  const [page, setPage] = useState(1);
  const [showFilters, setShowFilters] = useState(false);
  const [editing, setEditing] = useState<LogbookRecordOut | 'new' | null>(null);
  const [deleting, setDeleting] = useState<LogbookRecordOut | null>(null);
  /** The record just deleted, offered for restoring. */
  const [lastDeleted, setLastDeleted] = useState<LogbookRecordOut | null>(null);

  const filter: LogbookFilter = {
    from,
    to,
    q: q.trim(),
    country,
    choice: Object.entries(choices)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}:${v}`),
    section,
    page,
  };
  const list = useLogbookList(unitId, kind.code, filter);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['logbook', unitId] });
  const filtered = (apply: () => void) => {
    apply();
    setPage(1);
  };

  const remove = useMutation({
    mutationFn: (r: LogbookRecordOut) => deleteLogbookRecord(r.id, r.revision),
    onSuccess: (deleted) => {
      setDeleting(null);
      refresh();
      notifySuccess('Đã xóa bản ghi.');
      setLastDeleted(deleted);
    },
    onError: notifyError,
  });
  const restore = useMutation({
    mutationFn: (r: LogbookRecordOut) => restoreLogbookRecord(r.id, r.revision),
    onSuccess: () => {
      refresh();
      notifySuccess('Đã khôi phục bản ghi.');
    },
    onError: notifyError,
  });

  const columns = listColumns(kind, canEdit);
  const countryField = kind.fields.some((f) => ['country', 'countries', 'nationalities'].includes(f.type));
  const choiceFields = kind.fields.filter((f) => f.type === 'choice' && f.key !== 'currency');
  const sectionTitle = new Map(sections.map((s) => [s.key, s.title]));
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const anyFilter = Boolean(from || to || q || country || section || filter.choice?.length);

  const cell = (r: LogbookRecordOut, key: string) => {
    const f = kind.fields.find((x) => x.key === key);
    if (!f) return '';
    if (f.personal && r.personalHidden) return HIDDEN;
    return formatValue(f, r.data[key]);
  };

  const actions = (r: LogbookRecordOut) =>
    canEdit && (
      <Group gap={4} wrap="nowrap">
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => setEditing(r)}
          aria-label={`Sửa bản ghi ngày ${formatRange(r.startsOn, r.endsOn)}`}
        >
          Sửa
        </Button>
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          onClick={() => setDeleting(r)}
          aria-label={`Xóa bản ghi ngày ${formatRange(r.startsOn, r.endsOn)}`}
        >
          Xóa
        </Button>
      </Group>
    );

  const activeFilters = [from, to, country, section, ...(filter.choice ?? [])].filter(Boolean).length;
  const filters = (
    <>
      <DateField
        label="Từ ngày"
        value={from}
        onChange={(v) => filtered(() => setFrom(v))}
        clearable
        w={phone ? '100%' : 150}
      />
      <DateField
        label="Đến ngày"
        value={to}
        onChange={(v) => filtered(() => setTo(v))}
        clearable
        w={phone ? '100%' : 150}
      />
      {kind.code === 'activity' && (
        <Select
          label="Lĩnh vực"
          placeholder="Tất cả"
          data={sections.map((s) => ({ value: s.key, label: s.title }))}
          value={section || null}
          onChange={(v) => filtered(() => setSection(v ?? ''))}
          clearable
          searchable
          w={phone ? '100%' : 260}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {choiceFields.map((f) => (
        <Select
          key={f.key}
          label={f.label}
          placeholder="Tất cả"
          data={(f.options ?? []).map((o) => ({ value: o.value, label: o.label }))}
          value={choices[f.key] || null}
          onChange={(v) => filtered(() => setChoices((c) => ({ ...c, [f.key]: v ?? '' })))}
          clearable
          w={phone ? '100%' : 200}
          comboboxProps={{ withinPortal: true }}
        />
      ))}
      {countryField && (
        <CountrySelect
          label="Nước, vùng lãnh thổ"
          placeholder="Tất cả"
          value={country}
          onChange={(v) => filtered(() => setCountry(v))}
          clearable
          allowDeselect
          w={phone ? '100%' : 220}
        />
      )}
    </>
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Title order={2} fz={{ base: 18, sm: 20 }}>
          {kind.name}
        </Title>
        <Group gap="xs">
          <ImportExport unitId={unitId} kind={kind.code} />
          {canEdit && <Button onClick={() => setEditing('new')}>Thêm</Button>}
        </Group>
      </Group>

      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label="Tìm"
          placeholder="Từ khóa, không cần dấu"
          value={words}
          onChange={(e) => {
            setWords(e.currentTarget.value);
            setPage(1);
          }}
          w={{ base: 'calc(100% - 110px)', sm: 220 }}
        />
        {phone && (
          <Button
            variant="default"
            onClick={() => setShowFilters((v) => !v)}
            aria-expanded={showFilters}
            w={100}
          >
            {activeFilters ? `Lọc (${activeFilters})` : 'Lọc'}
          </Button>
        )}
        {!phone && filters}
      </Group>
      {phone && (
        <Collapse expanded={showFilters}>
          <Stack gap="xs">{filters}</Stack>
        </Collapse>
      )}

      {lastDeleted && canEdit && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Vừa xóa bản ghi ngày {formatRange(lastDeleted.startsOn, lastDeleted.endsOn)}.
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            loading={restore.isPending}
            onClick={() => {
              restore.mutate(lastDeleted);
              setLastDeleted(null);
            }}
          >
            Khôi phục
          </Button>
        </Group>
      )}

      {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Skeleton h={160} />}
      {data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {anyFilter ? 'Có ' : 'Sổ có '}
            {formatNumber(data.total)} {kind.entryWord}
            {anyFilter ? ' phù hợp điều kiện lọc' : ''}.
          </Text>
          {data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {anyFilter
                ? 'Không có bản ghi nào phù hợp.'
                : 'Chưa có bản ghi nào. Bấm "Thêm" để ghi việc đầu tiên.'}
            </Text>
          ) : phone ? (
            <Stack gap="xs">
              {data.items.map((r) => (
                <Card key={r.id} withBorder padding="sm" data-testid="logbook-row">
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                    <Text size="sm" fw={600}>
                      {formatRange(r.startsOn, r.endsOn)}
                    </Text>
                    {actions(r)}
                  </Group>
                  {kind.code === 'activity' && r.sectionKey && (
                    <Badge variant="light" size="sm" mt={4} style={{ textTransform: 'none' }}>
                      {sectionTitle.get(r.sectionKey) ?? r.sectionKey}
                    </Badge>
                  )}
                  <Text size="sm" mt={4}>
                    {columns[0] ? cell(r, columns[0].key) : ''}
                  </Text>
                  {columns.slice(1).map((f) => {
                    const v = cell(r, f.key);
                    return v ? (
                      <Text key={f.key} size="xs" c="dimmed">
                        {f.label}: {v}
                      </Text>
                    ) : null;
                  })}
                </Card>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped withTableBorder verticalSpacing="xs" fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>
                      {kind.endsOnLabel
                        ? `${kind.startsOnLabel} – ${kind.endsOnLabel.toLowerCase()}`
                        : kind.startsOnLabel}
                    </Table.Th>
                    {kind.code === 'activity' && <Table.Th>Lĩnh vực</Table.Th>}
                    {columns.map((f) => (
                      <Table.Th key={f.key}>{f.key === 'text' ? 'Nội dung' : f.label}</Table.Th>
                    ))}
                    {canEdit && <Table.Th aria-label="Thao tác" />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((r) => (
                    <Table.Tr key={r.id} data-testid="logbook-row">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatRange(r.startsOn, r.endsOn)}
                      </Table.Td>
                      {kind.code === 'activity' && (
                        <Table.Td>
                          <Text size="xs">
                            {r.sectionKey ? (sectionTitle.get(r.sectionKey) ?? r.sectionKey) : ''}
                          </Text>
                        </Table.Td>
                      )}
                      {columns.map((f, i) => (
                        <Table.Td key={f.key} fw={i === 0 ? 500 : undefined}>
                          {cell(r, f.key)}
                        </Table.Td>
                      ))}
                      {canEdit && <Table.Td>{actions(r)}</Table.Td>}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Pager page={page} pages={pages} onChange={setPage} />
        </>
      )}

      {editing && (
        <RecordForm
          unitId={unitId}
          kind={kind}
          sections={sections}
          {...(editing === 'new' ? {} : { record: editing })}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
            notifySuccess(editing === 'new' ? 'Đã ghi vào sổ.' : 'Đã lưu thay đổi.');
          }}
        />
      )}
      {deleting && (
        <Modal
          opened
          onClose={() => setDeleting(null)}
          title="Xóa bản ghi?"
          closeButtonProps={{ 'aria-label': 'Đóng' }}
        >
          <Stack gap="sm">
            <Text size="sm">
              Xóa bản ghi ngày {formatRange(deleting.startsOn, deleting.endsOn)}:{' '}
              {cell(deleting, kind.titleField)}
            </Text>
            <Text size="xs" c="dimmed">
              Bản ghi được giữ lại trong hệ thống và có thể khôi phục; báo cáo đã ban hành không thay đổi.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                Hủy
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(deleting)}>
                Xóa
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
