import type { ReportView } from '@domain/api-reports';
import { Alert, Button, List, Menu, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { downloadJson, exportReport, importReport, reportIdOf } from '../../api/reports';
import { errorText, notifyError, notifySuccess } from '../../lib/notify';
import type { ReportDraft } from './useReportDraft';

interface Props {
  draft: ReportDraft;
  fileName: string;
}

function FailureAlert({ error, title, onClose }: { error: unknown; title: string; onClose: () => void }) {
  const { message } = errorText(error);
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <Alert
      color="red"
      title={title}
      role="alert"
      withCloseButton
      onClose={onClose}
      closeButtonLabel="Đóng"
      w="100%"
    >
      <Text size="sm">{message}</Text>
      {fields.length > 0 && (
        <List size="sm" mt={4}>
          {fields.slice(0, 20).map((f) => (
            <List.Item key={`${f.path}-${f.message}`}>{f.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/**
 * "Thêm": the rarely used actions out of the main buttons (the workflow's are in WorkflowBar): the
 * report as a JSON file, and a JSON file read back into the report.
 */
export function ReportActions({ draft, fileName }: Props) {
  const navigate = useNavigate();
  const report = draft.view.report;
  const [importError, setImportError] = useState<unknown>(null);

  const exporting = useMutation({
    mutationFn: async () => {
      await draft.flush();
      return exportReport(report.id);
    },
    onSuccess: (json) => downloadJson(json, fileName),
    onError: notifyError,
  });

  const importing = useMutation({
    mutationFn: async (file: File) => {
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch {
        throw new ApiError(400, null, `Tệp "${file.name}" không phải là tệp JSON hợp lệ.`);
      }
      await draft.flush();
      return importReport(report.unit.id, json, draft.revision);
    },
    onSuccess: (view: ReportView) => {
      setImportError(null);
      const id = reportIdOf(view);
      if (id === report.id) draft.reset(view);
      else navigate(`/bao-cao/${id}`);
      notifySuccess('Đã nhập báo cáo từ tệp JSON.');
    },
    onError: (error) => setImportError(error),
  });

  const editable = report.canEdit;
  // The file input lives outside the menu: the menu's dropdown closes (and unmounts) on the click.
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <Stack gap="xs" align="flex-start">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="sm" loading={exporting.isPending || importing.isPending}>
            Thêm ▾
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => exporting.mutate()}>Tải báo cáo về dạng tệp JSON</Menu.Item>
          {editable && (
            <Menu.Item onClick={() => fileInput.current?.click()}>Nhập nội dung từ tệp JSON…</Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {editable && (
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Tệp JSON của báo cáo"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) importing.mutate(file);
          }}
        />
      )}
      {importError !== null && (
        <FailureAlert
          error={importError}
          title="Không nhập được tệp JSON"
          onClose={() => setImportError(null)}
        />
      )}
    </Stack>
  );
}
