/**
 * The import of a sheet into a register, in three steps in one dialog: choose the file; check how
 * its columns are matched to the register's (proposed by the server, corrected here) with a
 * preview of the records to create and the rows refused with their reasons; then the import runs
 * in the background and its progress is shown until every record is written (or none).
 */

import type {
  ImportPreview,
  ImportStatusView,
  ImportUpload,
  SheetMappingIn,
} from '@domain/api-logbook-sheets';
import { type LogbookKindCode, logbookKind } from '@domain/logbook/kinds';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  Modal,
  Progress,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../ErrorAlert';
import { confirmImport, importStatus, previewImport, uploadSheet } from './api';

interface Props {
  unitId: number;
  kind: LogbookKindCode;
  opened: boolean;
  onClose: () => void;
}

const n = (value: number) => value.toLocaleString('vi-VN');

const NOT_IMPORTED = '';

function dayText(iso: string): string {
  return new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
}

export function ImportDialog({ unitId, kind, opened, onClose }: Props) {
  const phone = useMediaQuery('(max-width: 36em)');
  const register = logbookKind(kind);
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [mapping, setMapping] = useState<SheetMappingIn>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [repeat, setRepeat] = useState(false);
  const [runningId, setRunningId] = useState<number | null>(null);

  const reset = () => {
    setFile(null);
    setUpload(null);
    setMapping([]);
    setPreview(null);
    setRepeat(false);
    setRunningId(null);
    uploading.reset();
    confirming.reset();
  };
  const close = () => {
    reset();
    onClose();
  };

  const uploading = useMutation({
    mutationFn: (chosen: File) => uploadSheet(unitId, kind, chosen),
    onSuccess: (answer) => {
      setUpload(answer);
      setMapping(answer.mapping);
      setPreview(answer.preview);
    },
  });
  const previewing = useMutation({
    mutationFn: (next: SheetMappingIn) => previewImport(upload?.import.id ?? 0, next),
    onSuccess: setPreview,
  });
  const confirming = useMutation({
    mutationFn: () => confirmImport(upload?.import.id ?? 0, mapping, repeat),
    onSuccess: (status) => setRunningId(status.id),
  });
  const progress = useQuery({
    queryKey: ['logbook-import', runningId],
    queryFn: () => importStatus(runningId ?? 0),
    enabled: runningId !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'done' || status === 'failed' ? false : 700;
    },
  });
  const finished = progress.data?.status === 'done';
  useEffect(() => {
    // The register's lists and counts show the new records.
    if (finished)
      void queryClient.invalidateQueries({
        predicate: (q) => String(q.queryKey[0]).startsWith('logbook') && q.queryKey[0] !== 'logbook-import',
      });
  }, [finished, queryClient]);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setUpload(null);
    setPreview(null);
    if (chosen) uploading.mutate(chosen);
  };
  const remap = (column: number, target: string | null) => {
    const next = mapping.map((t, i) => {
      if (i === column) return target || null;
      // A register's column takes one column of the file: the other one is let go.
      return target && t === target ? null : t;
    });
    setMapping(next);
    previewing.mutate(next);
  };

  const title = `Nhập từ Excel/CSV: ${register?.name ?? 'sổ theo dõi'}`;
  return (
    <Modal opened={opened} onClose={close} title={title} size="80rem" fullScreen={phone ?? false}>
      {runningId !== null ? (
        <ImportProgress status={progress.data ?? null} error={progress.error} onClose={close} />
      ) : (
        <Stack gap="md">
          <FileInput
            label="Tệp Excel (.xlsx) hoặc CSV"
            description="Dòng tiêu đề cột ở trên cùng (có thể có một dòng tên sổ phía trên). Tệp xuất từ sổ này nhập lại được ngay."
            placeholder="Chọn tệp…"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={choose}
            clearable
            disabled={uploading.isPending}
          />
          {uploading.isPending && <Text size="sm">Đang đọc tệp…</Text>}
          {uploading.error && <ErrorAlert error={uploading.error} title="Không đọc được tệp" />}
          {upload && preview && (
            <>
              <Text size="sm">
                {upload.sheetName ? `Trang tính “${upload.sheetName}”, ` : ''}dòng tiêu đề cột là dòng{' '}
                {upload.headerRow}; {n(upload.import.totalRows)} dòng dữ liệu.
              </Text>
              {upload.sameFile && (
                <Alert color="yellow" title="Tệp này đã được nhập vào sổ">
                  Tệp có nội dung giống hệt tệp đã nhập ngày {dayText(upload.sameFile.createdAt)} (
                  {n(upload.sameFile.createdRows)} bản ghi). Nhập lại sẽ tạo bản ghi trùng.
                  <Checkbox
                    mt="sm"
                    label="Tôi đã kiểm tra, vẫn nhập lại tệp này"
                    checked={repeat}
                    onChange={(e) => setRepeat(e.currentTarget.checked)}
                  />
                </Alert>
              )}
              <MappingTable upload={upload} mapping={mapping} onChange={remap} />
              {previewing.error && <ErrorAlert error={previewing.error} title="Không xem trước được" />}
              <PreviewPanel preview={preview} busy={previewing.isPending} />
              {confirming.error && <ErrorAlert error={confirming.error} title="Chưa nhập được" />}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  Hủy
                </Button>
                <Button
                  onClick={() => confirming.mutate()}
                  loading={confirming.isPending}
                  disabled={
                    previewing.isPending ||
                    preview.mappingProblems.length > 0 ||
                    preview.acceptedRows === 0 ||
                    (upload.sameFile !== null && !repeat)
                  }
                >
                  Nhập {n(preview.acceptedRows)} bản ghi
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}

function MappingTable({
  upload,
  mapping,
  onChange,
}: {
  upload: ImportUpload;
  mapping: SheetMappingIn;
  onChange: (column: number, target: string | null) => void;
}) {
  const options = [
    { value: NOT_IMPORTED, label: '— Không nhập cột này —' },
    ...upload.columns.map((c) => ({
      value: c.target,
      label: c.required ? `${c.label} (bắt buộc)` : c.label,
    })),
  ];
  return (
    <Stack gap={4}>
      <Text fw={600}>Ghép cột của tệp với cột của sổ</Text>
      <ScrollArea.Autosize mah={320} type="auto">
        <Table striped withTableBorder verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cột trong tệp</Table.Th>
              <Table.Th visibleFrom="sm">Ví dụ</Table.Th>
              <Table.Th>Nhập vào cột của sổ</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {upload.headers.map((header, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the file's columns are fixed by position
              <Table.Tr key={i}>
                <Table.Td>
                  {header || (
                    <Text c="dimmed" size="sm">
                      (cột {i + 1} không có tiêu đề)
                    </Text>
                  )}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {(upload.examples[i] ?? []).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td miw={200}>
                  <Select
                    aria-label={`Cột của sổ cho cột “${header || i + 1}” của tệp`}
                    data={options}
                    value={mapping[i] ?? NOT_IMPORTED}
                    onChange={(value) => onChange(i, value)}
                    allowDeselect={false}
                    size="xs"
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function PreviewPanel({ preview, busy }: { preview: ImportPreview; busy: boolean }) {
  if (preview.mappingProblems.length)
    return (
      <Alert color="orange" title="Cần ghép thêm cột">
        <List size="sm">
          {preview.mappingProblems.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      </Alert>
    );
  return (
    <Stack gap="sm" style={{ opacity: busy ? 0.6 : 1 }}>
      <Group gap="xs">
        <Badge color="teal" variant="light" size="lg">
          Sẽ tạo {n(preview.acceptedRows)} bản ghi
        </Badge>
        <Badge color={preview.refusedRows ? 'red' : 'gray'} variant="light" size="lg">
          {n(preview.refusedRows)} dòng bị từ chối
        </Badge>
        {preview.emptyRows > 0 && (
          <Badge color="gray" variant="light" size="lg">
            {n(preview.emptyRows)} dòng trống bỏ qua
          </Badge>
        )}
      </Group>
      {preview.sample.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>Xem trước {preview.sample.length} bản ghi đầu tiên</Text>
          <Table.ScrollContainer minWidth={700} type="native">
            <Table withTableBorder striped fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Dòng</Table.Th>
                  {preview.columns.map((c) => (
                    <Table.Th key={c.target}>{c.label}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.sample.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    {r.cells.map((cell, i) => (
                      <Table.Td key={preview.columns[i]?.target ?? i}>{cell}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      {preview.refused.length > 0 && <RefusedRows refused={preview.refused} total={preview.refusedRows} />}
    </Stack>
  );
}

function RefusedRows({ refused, total }: { refused: ImportPreview['refused']; total: number }) {
  return (
    <Stack gap={4}>
      <Text fw={600}>Các dòng bị từ chối (không được nhập)</Text>
      <ScrollArea.Autosize mah={240} type="auto">
        <List size="sm" spacing={4}>
          {refused.map((r) => (
            <List.Item key={r.row}>
              <Text span fw={600} size="sm">
                Dòng {r.row}:
              </Text>{' '}
              {r.reasons.map((reason) => reason.message).join(' ')}
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
      {total > refused.length && (
        <Text size="xs" c="dimmed">
          Chỉ hiện {n(refused.length)} trong {n(total)} dòng bị từ chối.
        </Text>
      )}
    </Stack>
  );
}

const PHASES: Record<ImportStatusView['status'], string> = {
  pending: 'Chờ xác nhận',
  queued: 'Đang chờ chạy',
  reading: 'Đang đọc tệp',
  checking: 'Đang kiểm tra các dòng',
  writing: 'Đang ghi vào sổ',
  done: 'Đã nhập xong',
  failed: 'Không nhập được',
};

function ImportProgress({
  status,
  error,
  onClose,
}: {
  status: ImportStatusView | null;
  error: unknown;
  onClose: () => void;
}) {
  if (error) return <ErrorAlert error={error} title="Không xem được tiến độ" />;
  if (!status) return <Text size="sm">Đang bắt đầu…</Text>;
  const total = Math.max(status.totalRows, 1);
  const accepted = Math.max(status.totalRows - status.refusedRows, 1);
  const value =
    status.status === 'writing'
      ? 50 + (50 * status.writtenRows) / accepted
      : status.status === 'checking'
        ? (50 * status.checkedRows) / total
        : 2;
  return (
    <Stack gap="md" aria-live="polite">
      <Text fw={600}>{PHASES[status.status]}</Text>
      {status.status !== 'failed' && status.status !== 'done' && (
        <Progress value={value} size="lg" animated aria-label="Tiến độ nhập" />
      )}
      <Text size="sm">
        Đã đọc {n(status.totalRows)} dòng · đã kiểm tra {n(status.checkedRows)} dòng · đã ghi{' '}
        {n(status.writtenRows)} bản ghi
      </Text>
      {status.status === 'done' && (
        <Alert color="teal" title={`Đã nhập ${n(status.createdRows)} bản ghi vào sổ`}>
          {status.refusedRows
            ? `${n(status.refusedRows)} dòng bị từ chối, không được nhập (xem lý do bên dưới).`
            : 'Không có dòng nào bị từ chối.'}
        </Alert>
      )}
      {status.status === 'failed' && (
        <Alert color="red" title="Không nhập được: sổ không thay đổi">
          {status.error}
        </Alert>
      )}
      {status.status === 'done' && status.refused.length > 0 && (
        <RefusedRows refused={status.refused} total={status.refusedRows} />
      )}
      <Group justify="flex-end">
        <Button
          onClick={onClose}
          variant={status.status === 'done' || status.status === 'failed' ? 'filled' : 'default'}
        >
          {status.status === 'done' || status.status === 'failed' ? 'Đóng' : 'Chạy nền, đóng cửa sổ'}
        </Button>
      </Group>
    </Stack>
  );
}
