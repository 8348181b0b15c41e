import type { ReportView } from '@domain/api-reports';
import { Alert, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { downloadJson, exportReport, importReport, reportIdOf, submitReport } from '../../api/reports';
import { errorText, notifyError, notifySuccess } from '../../lib/notify';
import type { ReportDraft } from './useReportDraft';

interface Props {
  draft: ReportDraft;
  fileName: string;
  /** Why submission is not possible yet (errors left on the form); empty when it is. */
  blockers: string[];
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

/** Xuất JSON, Nhập JSON, Gửi lãnh đạo. */
export function ReportActions({ draft, fileName, blockers }: Props) {
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

  const submitting = useMutation({
    mutationFn: async () => {
      const saved = await draft.flush();
      if (!saved) throw new ApiError(409, null, 'Báo cáo chưa được lưu, chưa gửi được. Vui lòng thử lại.');
      return submitReport(report.id, draft.revision);
    },
    onSuccess: (view) => {
      draft.reset(view);
      notifySuccess('Đã gửi báo cáo cho lãnh đạo.');
    },
    onError: notifyError,
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
        {report.canSubmit && (
          <Button
            size="sm"
            onClick={() => submitting.mutate()}
            loading={submitting.isPending}
            disabled={blockers.length > 0}
          >
            Gửi lãnh đạo
          </Button>
        )}
      </Group>
      {report.canSubmit && blockers.length > 0 && (
        <Text size="xs" c="red.7" data-submit-blockers>
          Chưa gửi được: {blockers.join('; ')}.
        </Text>
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
