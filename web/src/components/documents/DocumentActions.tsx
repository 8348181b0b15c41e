/**
 * The document of a report: "Xem trước văn bản" (the page drawn in HTML), "Tải DOCX", "Tải PDF"
 * and, for a leader of the unit when the report was sent or approved, "Ban hành".
 *
 * Usage (report page): <DocumentActions reportId={report.id} unitId={report.unit.id} status={report.status} />
 */
import type { IssueResponse } from '@domain/api-documents';
import { Alert, Button, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { documentUrl, downloadFile, useDocumentPreview } from '../../api/documents';
import { useMe } from '../../api/session';
import { notifyError } from '../../lib/notify';
import { ErrorAlert } from '../ErrorAlert';

// The page drawing and the issue dialog load when first opened: they stay out of the main bundle.
const DocumentView = lazy(() => import('./DocumentView').then((m) => ({ default: m.DocumentView })));
const IssueModal = lazy(() => import('./IssueModal').then((m) => ({ default: m.IssueModal })));

const LEADER_ROLES = new Set(['commune_leader', 'province_leader']);
const ISSUABLE = new Set(['submitted', 'approved']);

interface Props {
  reportId: number;
  unitId: number;
  /** The report's status: "Ban hành" shows for "submitted" and "approved". */
  status: string;
  /** Called after a successful issue (e.g. to reload the report). */
  onIssued?: (result: IssueResponse) => void;
  /** Save pending edits before a download or preview (the report form's flush). */
  beforeOpen?: () => Promise<unknown>;
}

export function DocumentActions({ reportId, unitId, status, onIssued, beforeOpen }: Props) {
  const me = useMe().data;
  const [previewOpen, preview] = useDisclosure(false);
  const [issueOpen, issue] = useDisclosure(false);
  const doc = useDocumentPreview(reportId, previewOpen);
  const isLeader = me?.grants.some((g) => g.unit.id === unitId && LEADER_ROLES.has(g.role)) ?? false;

  const download = useMutation({
    mutationFn: async (format: 'docx' | 'pdf') => {
      await beforeOpen?.();
      await downloadFile(documentUrl(reportId, format), `bao-cao-${reportId}.${format}`);
    },
    onError: notifyError,
  });
  const pdfFailed = download.isError && download.variables === 'pdf';

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Button
          variant="default"
          onClick={async () => {
            await beforeOpen?.();
            preview.open();
          }}
        >
          Xem trước văn bản
        </Button>
        <Button
          variant="default"
          onClick={() => download.mutate('docx')}
          loading={download.isPending && download.variables === 'docx'}
        >
          Tải DOCX
        </Button>
        <Button
          variant="default"
          onClick={() => download.mutate('pdf')}
          loading={download.isPending && download.variables === 'pdf'}
        >
          Tải PDF
        </Button>
        {isLeader && ISSUABLE.has(status) && <Button onClick={issue.open}>Ban hành</Button>}
      </Group>
      {pdfFailed && (
        <Alert
          color="yellow"
          title="Chưa tải được PDF"
          withCloseButton
          onClose={() => download.reset()}
          closeButtonLabel="Đóng"
        >
          <Text size="sm">{download.error instanceof Error ? download.error.message : ''}</Text>
          <Button size="xs" mt="xs" variant="light" onClick={() => download.mutate('docx')}>
            Tải bản DOCX
          </Button>
        </Alert>
      )}
      <Modal
        opened={previewOpen}
        onClose={preview.close}
        title="Xem trước văn bản"
        size="auto"
        fullScreen={false}
      >
        {doc.isPending && <Skeleton h={400} w={700} maw="100%" />}
        {doc.isError && <ErrorAlert error={doc.error} onRetry={() => doc.refetch()} />}
        {doc.data && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {doc.data.issued
                ? 'Văn bản đã ban hành (nội dung đã khóa).'
                : 'Bản dự thảo: số và ngày được điền khi ban hành.'}
            </Text>
            <div style={{ background: '#f1f3f5', padding: 8, maxWidth: '100%', overflowX: 'auto' }}>
              <Suspense fallback={<Skeleton h={400} />}>
                <DocumentView doc={doc.data.document} />
              </Suspense>
            </div>
          </Stack>
        )}
      </Modal>
      {isLeader && issueOpen && (
        <Suspense fallback={null}>
          <IssueModal
            reportId={reportId}
            unitId={unitId}
            opened={issueOpen}
            onClose={issue.close}
            {...(onIssued ? { onIssued } : {})}
          />
        </Suspense>
      )}
    </Stack>
  );
}
