/**
 * The document of a report: "Xem trước văn bản" (the page drawn in HTML), "Tải DOCX", "Tải PDF".
 * "Ban hành" is a workflow step: the report form's WorkflowBar offers it to those who may take it.
 *
 * Usage (report page): <DocumentActions reportId={report.id} />
 */
import { Alert, Button, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { documentUrl, downloadFile, useDocumentPreview } from '../../api/documents';
import { notifyError } from '../../lib/notify';
import { ErrorAlert } from '../ErrorAlert';

// The page drawing loads when first opened: it stays out of the main bundle.
const DocumentView = lazy(() => import('./DocumentView').then((m) => ({ default: m.DocumentView })));

interface Props {
  reportId: number;
  /** Save pending edits before a download or preview (the report form's flush). */
  beforeOpen?: () => Promise<unknown>;
}

export function DocumentActions({ reportId, beforeOpen }: Props) {
  const [previewOpen, preview] = useDisclosure(false);
  const doc = useDocumentPreview(reportId, previewOpen);

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
    </Stack>
  );
}
