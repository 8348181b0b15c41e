import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { IssueList, type ShownIssue } from './IssueList';
import { type PreviewLine, previewLines } from './previewLines';

interface Props {
  preview: string;
  stale: boolean;
  issues: ShownIssue[];
  onGoTo: (target: string) => void;
}

function Row({ line }: { line: PreviewLine }) {
  switch (line.kind) {
    case 'blank':
      return <div className="text-preview-blank" />;
    case 'header':
    case 'closing':
      return (
        <div className={`text-preview-${line.kind}`}>
          <div>{line.left}</div>
          <div>{line.right}</div>
        </div>
      );
    case 'center':
      return <div className="text-preview-center">{line.text}</div>;
    case 'text':
      return <div className={line.indent ? 'text-preview-indent' : undefined}>{line.text}</div>;
  }
}

/** The document as it will read, and the checklist of what a careful reader would catch. */
export function PreviewPanel({ preview, stale, issues, onGoTo }: Props) {
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
            Bản xem trước sẽ cập nhật khi thay đổi mới nhất được lưu.
          </Alert>
        )}
        <Paper
          withBorder
          p={{ base: 'sm', sm: 'xl' }}
          data-preview
          style={{ fontFamily: '"Times New Roman", Times, serif', overflowWrap: 'anywhere' }}
        >
          <Text component="div" fz={{ base: 15, sm: 16 }}>
            {previewLines(preview).map((line, i) => (
              // The lines never move: the index is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Row key={i} line={line} />
            ))}
          </Text>
        </Paper>
      </Stack>
    </Stack>
  );
}
