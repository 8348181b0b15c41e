import {
  acceptNewWording,
  deleteParagraph,
  dropDefault,
  keepDefaults,
  proposalKeys,
  restoreParagraph,
  rewriteParagraph,
} from '@domain/drafting/paragraphs';
import type { DraftedParagraph, DraftedSection } from '@domain/drafting/types';
import type { Outline, Section } from '@domain/outline';
import type { ReportContent } from '@domain/report-json';
import { Alert, Badge, Button, Group, Paper, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

export interface ListContext {
  outline: Outline;
  content: ReportContent;
  disabled: boolean;
  update: (change: (content: ReportContent) => ReportContent) => void;
}

const KIND_LABELS: Record<DraftedParagraph['kind'], string> = {
  figures: 'Đoạn soạn từ số liệu',
  default: 'Đoạn đề xuất của đề cương',
  text: 'Nội dung của đơn vị',
  nil: 'Câu "không phát sinh"',
  more: 'Đoạn tổng hợp',
  digest: 'Từ báo cáo của đơn vị',
  logbook: 'Từ nhật ký hoạt động',
};

/** What the slot shows: deleted, a proposal not printed, edited by the officer, or the draft. */
function stateOf(item: DraftedParagraph): 'deleted' | 'proposal' | 'edited' | 'drafted' | 'empty' {
  if (item.proposal) return 'proposal';
  if (item.edit?.mode === 'replace' && item.printed.length === 0)
    return item.drafted.length ? 'deleted' : 'empty';
  if (item.edit) return 'edited';
  return item.printed.length ? 'drafted' : 'empty';
}

function Editor({
  item,
  label,
  onSave,
  onCancel,
}: {
  item: DraftedParagraph;
  label: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const start = item.printed.length ? item.printed : item.drafted;
  const [text, setText] = useState(start.join('\n'));
  return (
    <Stack gap={4}>
      <Textarea
        aria-label={`Sửa đoạn — ${label}`}
        autosize
        minRows={2}
        maxRows={14}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autoFocus
      />
      <Group gap="xs">
        <Button size="xs" onClick={() => onSave(text)}>
          Lưu đoạn
        </Button>
        <Button size="xs" variant="default" onClick={onCancel}>
          Hủy
        </Button>
      </Group>
    </Stack>
  );
}

export function ParagraphItem({
  item,
  title,
  ctx,
}: {
  item: DraftedParagraph;
  title: string;
  ctx: ListContext;
}) {
  const [editing, setEditing] = useState(false);
  const state = stateOf(item);
  const label = `${item.label ?? KIND_LABELS[item.kind]} — ${title}`;
  const shown = state === 'proposal' || state === 'deleted' ? item.drafted : item.printed;
  // A default paragraph or a unit's fact goes back to a proposal; other paragraphs are deleted.
  const isDefault = item.kind === 'default' || item.kind === 'digest';
  const remove = () =>
    ctx.update((c) =>
      isDefault
        ? dropDefault(ctx.outline, restoreParagraph(c, item), item.key)
        : item.kind === 'text'
          ? restoreParagraph(c, item)
          : deleteParagraph(c, item),
    );
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      bg={state === 'proposal' || state === 'deleted' ? 'gray.0' : 'blue.0'}
      style={state === 'proposal' ? { borderStyle: 'dashed' } : undefined}
      aria-label={label}
      data-drafted
      data-paragraph={item.key}
      data-state={state}
    >
      <Group gap={6} mb={4}>
        <Text size="xs" fw={600} c="dimmed">
          {item.label ?? KIND_LABELS[item.kind]}
        </Text>
        {state === 'proposal' && (
          <Badge size="xs" variant="light" color="yellow" tt="none">
            Đề xuất — chưa in
          </Badge>
        )}
        {state === 'edited' && (
          <Badge size="xs" variant="light" tt="none">
            Đã sửa
          </Badge>
        )}
        {state === 'deleted' && (
          <Badge size="xs" variant="light" color="gray" tt="none">
            Đã xóa — không in
          </Badge>
        )}
      </Group>
      {editing ? (
        <Editor
          item={item}
          label={label}
          onCancel={() => setEditing(false)}
          onSave={(text) => {
            setEditing(false);
            ctx.update((c) => rewriteParagraph(c, item, text));
          }}
        />
      ) : (
        <>
          {shown.length === 0 && (
            <Text size="sm" c="dimmed" fs="italic">
              {item.kind === 'text' ? 'Chưa có nội dung.' : 'Không có gì để in.'}
            </Text>
          )}
          {shown.map((p, i) => (
            <Text
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one slot, in order, may repeat.
              key={i}
              data-text
              size="sm"
              mb={4}
              c={state === 'proposal' || state === 'deleted' ? 'dimmed' : undefined}
              td={state === 'deleted' ? 'line-through' : undefined}
            >
              {p}
            </Text>
          ))}
          {item.stale && (
            <Alert color="yellow" p="xs" mt={4} title="Số liệu đã thay đổi: có cách viết mới">
              {item.drafted.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one slot, in order.
                <Text key={i} size="sm" mb={4}>
                  {p}
                </Text>
              ))}
              {!ctx.disabled && (
                <Button
                  size="xs"
                  mt={4}
                  onClick={() => ctx.update((c) => acceptNewWording(ctx.outline, c, item))}
                >
                  Dùng cách viết mới
                </Button>
              )}
            </Alert>
          )}
          {!ctx.disabled && (
            <Group gap="xs" mt={4}>
              {state === 'proposal' && (
                <Button
                  size="compact-xs"
                  onClick={() => ctx.update((c) => keepDefaults(ctx.outline, c, [item.key]))}
                >
                  Giữ đoạn đề xuất
                </Button>
              )}
              <Button size="compact-xs" variant="default" onClick={() => setEditing(true)}>
                {item.kind === 'text' && state === 'empty' ? 'Viết nội dung' : 'Sửa'}
              </Button>
              {state !== 'proposal' && state !== 'deleted' && state !== 'empty' && (
                <Button size="compact-xs" variant="default" color="red" onClick={remove}>
                  Xóa
                </Button>
              )}
              {(state === 'deleted' || (state === 'edited' && item.drafted.length > 0)) && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => ctx.update((c) => restoreParagraph(c, item))}
                >
                  Khôi phục đoạn soạn sẵn
                </Button>
              )}
            </Group>
          )}
        </>
      )}
    </Paper>
  );
}

/** Worth showing: a slot with something drafted, printed, edited, or a text the officer fills. */
function shows(item: DraftedParagraph, disabled: boolean): boolean {
  if (disabled) return item.printed.length > 0;
  return (
    item.drafted.length > 0 || item.printed.length > 0 || item.edit !== undefined || item.kind === 'text'
  );
}

/**
 * A section's paragraphs as the document prints them, each editable in place: drafted sentences,
 * the outline's default paragraphs (proposals until kept) and the officer's own text.
 */
export function ParagraphList({
  section,
  drafted,
  ctx,
}: {
  section: Section;
  drafted: DraftedSection | undefined;
  ctx: ListContext;
}) {
  const omitted = (ctx.content.omit ?? []).includes(section.key);
  const items = (drafted?.items ?? []).filter((i) => shows(i, ctx.disabled));
  const proposals = drafted ? proposalKeys([drafted]) : [];
  return (
    <Stack gap={6} data-paragraphs={section.key}>
      {!ctx.disabled && !section.required && (
        <Switch
          size="xs"
          label="Bỏ mục này khỏi báo cáo"
          aria-label={`Bỏ mục khỏi báo cáo — ${section.title}`}
          checked={omitted}
          onChange={(e) => {
            const omit = e.currentTarget.checked;
            ctx.update((c) => {
              const others = (c.omit ?? []).filter((k) => k !== section.key);
              return { ...c, omit: omit ? [...others, section.key] : others };
            });
          }}
        />
      )}
      {omitted ? (
        <Text size="sm" c="dimmed" fs="italic">
          Mục này không in trong báo cáo.
        </Text>
      ) : (
        <>
          {items.map((item) => (
            <ParagraphItem key={item.key} item={item} title={section.title} ctx={ctx} />
          ))}
          {!ctx.disabled && proposals.length > 1 && (
            <Button
              size="compact-xs"
              variant="light"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => ctx.update((c) => keepDefaults(ctx.outline, c, proposals))}
            >
              Giữ tất cả đoạn đề xuất của mục
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

/** "Giữ tất cả đoạn đề xuất": every default paragraph still proposed in the report prints. */
export function KeepAllProposals({
  sections,
  ctx,
}: {
  sections: readonly DraftedSection[];
  ctx: ListContext;
}) {
  const proposals = proposalKeys(sections);
  if (ctx.disabled || proposals.length === 0) return null;
  return (
    <Alert color="yellow" p="sm" data-proposals={proposals.length}>
      <Group gap="sm" justify="space-between">
        <Text size="sm">
          Còn {proposals.length} đoạn đề xuất (của đề cương hoặc từ báo cáo của các đơn vị) chưa được giữ: các
          đoạn này chưa in trong báo cáo cho đến khi đơn vị giữ hoặc sửa.
        </Text>
        <Button size="xs" onClick={() => ctx.update((c) => keepDefaults(ctx.outline, c, proposals))}>
          Giữ tất cả đoạn đề xuất
        </Button>
      </Group>
    </Alert>
  );
}
