import type { ReportView } from '@domain/api-reports';
import { Alert, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
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
    <Alert color="red" title={title} role="alert" withCloseButton onClose={onClose} closeButtonLabel="Đóng">
      <Text size="sm">{message}</Text>
      {fields.length > 0 && (
        <List size="sm" mt={4}>
          {fields.slice(0, 20).map((f) => (
            <List.Item key={`${f.path}-${f.message}`}>
              {f.path ? <code>{f.path}</code> : null} {f.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** Xuất JSON, Nhập JSON (the workflow's buttons are in WorkflowBar). */
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
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button variant="default" size="sm" onClick={() => exporting.mutate()} loading={exporting.isPending}>
          Xuất JSON
        </Button>
        {editable && (
          <FileButton accept="application/json,.json" onChange={(file) => file && importing.mutate(file)}>
            {(props) => (
              <Button {...props} variant="default" size="sm" loading={importing.isPending}>
                Nhập JSON
              </Button>
            )}
          </FileButton>
        )}
      </Group>
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
