import type { Outline, OutlineNode, Section } from '@domain/outline';
import { type NumberedSection, sectionNumbers } from '@domain/outlines/numbering';
import { ActionIcon, Badge, Box, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { VALUE_TYPE_LABELS } from './labels';

export interface TreeActions {
  rename: (key: string, title: string) => void;
  move: (key: string, to: 'up' | 'down') => void;
  remove: (key: string, what: string) => void;
  addIndicator: (section: Section) => void;
}

interface Props {
  outline: Outline;
  /** Null: read only. */
  actions: TreeActions | null;
}

function MoveButtons({ id, label, actions }: { id: string; label: string; actions: TreeActions }) {
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        size="sm"
        aria-label={`Chuyển lên: ${label}`}
        onClick={() => actions.move(id, 'up')}
      >
        ↑
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        size="sm"
        aria-label={`Chuyển xuống: ${label}`}
        onClick={() => actions.move(id, 'down')}
      >
        ↓
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        size="sm"
        aria-label={`Xóa: ${label}`}
        onClick={() => actions.remove(id, label)}
      >
        ✕
      </ActionIcon>
    </Group>
  );
}

function SectionTitle({
  section,
  numbered,
  actions,
}: {
  section: Section;
  numbered: NumberedSection | undefined;
  actions: TreeActions | null;
}) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(section.title);
  const heading = `${numbered?.number ?? ''} ${section.title}`;
  if (editing && actions) {
    return (
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput
          aria-label={`Tên mục ${numbered?.number ?? ''}`}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 0 }}
          size="sm"
          autoFocus
        />
        <Button
          size="sm"
          onClick={() => {
            actions.rename(section.key, title);
            setEditing(false);
          }}
        >
          Xong
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
      <Text fw={numbered?.level === 1 ? 700 : 600} size="sm" style={{ minWidth: 0 }}>
        {heading}
        {section.nilPhrase && (
          <Badge ml={6} size="xs" variant="light" color="gray" tt="none">
            có “Không phát sinh”
          </Badge>
        )}
      </Text>
      {actions && (
        <Group gap={2} wrap="nowrap">
          <Button variant="subtle" size="compact-xs" onClick={() => setEditing(true)}>
            Đổi tên
          </Button>
          <Button variant="subtle" size="compact-xs" onClick={() => actions.addIndicator(section)}>
            + Chỉ tiêu
          </Button>
          <MoveButtons id={section.key} label={heading} actions={actions} />
        </Group>
      )}
    </Group>
  );
}

function NodeRow({
  node,
  numbers,
  actions,
}: {
  node: OutlineNode;
  numbers: Map<string, NumberedSection>;
  actions: TreeActions | null;
}) {
  if (node.kind === 'section') {
    return (
      <Box pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }} data-section={node.key}>
        <Stack gap={4}>
          <SectionTitle section={node} numbered={numbers.get(node.key)} actions={actions} />
          {node.children.map((child) => (
            <NodeRow
              key={child.kind === 'indicator' ? child.code : child.key}
              node={child}
              numbers={numbers}
              actions={actions}
            />
          ))}
        </Stack>
      </Box>
    );
  }
  const id = node.kind === 'indicator' ? node.code : node.key;
  const text =
    node.kind === 'indicator'
      ? `Chỉ tiêu: ${node.label}${node.unit ? ` (${node.unit})` : ''} — ${VALUE_TYPE_LABELS[node.valueType]}`
      : `Đoạn văn: ${node.label}`;
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap" pl="sm">
      <Text
        size="sm"
        c={node.kind === 'indicator' ? undefined : 'dimmed'}
        style={{ minWidth: 0, overflowWrap: 'anywhere' }}
      >
        {text}{' '}
        <Text span size="xs" c="dimmed">
          [{id}]
        </Text>
      </Text>
      {actions && <MoveButtons id={id} label={node.label} actions={actions} />}
    </Group>
  );
}

/** The outline as a numbered tree; with actions, each node can be renamed, moved or removed. */
export function OutlineTree({ outline, actions }: Props) {
  const numbers = sectionNumbers(outline);
  return (
    <Stack gap="sm">
      {outline.sections.map((section) => (
        <NodeRow key={section.key} node={section} numbers={numbers} actions={actions} />
      ))}
    </Stack>
  );
}
