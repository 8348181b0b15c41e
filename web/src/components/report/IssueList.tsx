import { Anchor, List, Text, ThemeIcon } from '@mantine/core';

export interface ShownIssue {
  severity: 'error' | 'warning';
  message: string;
  /** The place on the form it concerns ("Số đoàn vào"), when known. */
  where: string | null;
  /** Element id on the form to go to. */
  target: string | null;
  /** A missing figure may instead be answered by its section's "Không phát sinh": that switch. */
  nilTarget?: string | null;
}

interface Props {
  issues: ShownIssue[];
  onGoTo: (target: string) => void;
}

/** The quality checks as a checklist: each line says what is wrong and links to the field. */
export function IssueList({ issues, onGoTo }: Props) {
  if (issues.length === 0) {
    return (
      <Text size="sm" c="teal.8">
        ✓ Không phát hiện vấn đề nào.
      </Text>
    );
  }
  return (
    <List spacing={6} size="sm" center aria-label="Danh sách kiểm tra">
      {issues.map((issue) => (
        <List.Item
          key={`${issue.target}-${issue.message}`}
          icon={
            <ThemeIcon color={issue.severity === 'error' ? 'red' : 'orange'} size={20} radius="xl">
              {issue.severity === 'error' ? '!' : '?'}
            </ThemeIcon>
          }
        >
          {issue.where && issue.target ? (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => issue.target && onGoTo(issue.target)}
            >
              {issue.where}
            </Anchor>
          ) : (
            issue.where && (
              <Text span size="sm" fw={500}>
                {issue.where}
              </Text>
            )
          )}
          {issue.where ? ': ' : ''}
          {issue.message}
          {issue.nilTarget && (
            <>
              {' '}
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => issue.nilTarget && onGoTo(issue.nilTarget)}
              >
                Đến nút “Không phát sinh”
              </Anchor>
            </>
          )}
        </List.Item>
      ))}
    </List>
  );
}
