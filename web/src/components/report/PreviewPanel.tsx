import type { OfficialDocument } from '@domain/document';
import { Alert, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { IssueList, type ShownIssue } from './IssueList';

// The page as it prints: the same component as "Xem trước văn bản", loaded with this tab.
const DocumentView = lazy(() =>
  import('../documents/DocumentView').then((m) => ({ default: m.DocumentView })),
);

interface Props {
  /** The document as the one composer made it for the saved content (what the DOCX and PDF print). */
  document: OfficialDocument;
  /** The page is being brought up to date with the latest changes. */
  stale: boolean;
  issues: ShownIssue[];
  onGoTo: (target: string) => void;
}

/** The document as it will print, and the checklist of what a careful reader would catch. */
export function PreviewPanel({ document, stale, issues, onGoTo }: Props) {
  return (
    <Stack gap="md">
      <Stack gap="xs" component="section" aria-labelledby="checks-heading">
        <Title order={2} fz={18} id="checks-heading">
          Kiểm tra trước khi gửi
        </Title>
        <IssueList issues={issues} onGoTo={onGoTo} />
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="preview-heading">
        <Title order={2} fz={18} id="preview-heading">
          Bản xem trước
        </Title>
        {stale && (
          <Alert color="gray" p="xs">
            Đang cập nhật bản xem trước theo thay đổi mới nhất…
          </Alert>
        )}
        <Paper withBorder p={0} data-preview style={{ overflowX: 'auto' }}>
          <Suspense fallback={<Skeleton h={400} />}>
            <DocumentView doc={document} />
          </Suspense>
        </Paper>
      </Stack>
    </Stack>
  );
}
