/**
 * The section list beside the form (in a drawer on a phone): every section of the outline with its
 * number, and whether it is filled, answered "không phát sinh" or has an error; a click scrolls to it.
 */
import type { DraftedSection } from '@domain/drafting/types';
import type { Outline, Section } from '@domain/outline';
import type { ReportContent } from '@domain/report-json';
import { Badge, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { sectionId } from './SectionBlock';
import { SECTION_STATE_LABELS, type SectionState, sectionState } from './sectionTree';

const STATE_COLORS: Record<SectionState, string> = {
  error: 'red',
  nil: 'gray',
  filled: 'teal',
  empty: 'gray',
};

interface Props {
  outline: Outline;
  content: ReportContent;
  drafted: ReadonlyMap<string, DraftedSection>;
  /** Indicator codes and section or text keys that have an error now. */
  errorTargets: ReadonlySet<string>;
  onGoTo: (target: string) => void;
  /** The height of the list's scroll area (the viewport below the sticky bars on a desktop). */
  height?: string;
}

function StateBadge({ state }: { state: SectionState }) {
  if (state === 'empty') return null;
  return (
    <Badge
      size="xs"
      variant={state === 'nil' ? 'outline' : 'light'}
      color={STATE_COLORS[state]}
      tt="none"
      data-section-state={state}
    >
      {SECTION_STATE_LABELS[state]}
    </Badge>
  );
}

interface RowProps {
  sectionKey: string;
  title: string;
  level: number;
  state: SectionState;
  onGoTo: (target: string) => void;
}

/** One line of the list, re-rendered only when its title or state changes. */
const Row = memo(function Row({ sectionKey, title, level, state, onGoTo }: RowProps) {
  return (
    <NavLink
      component="button"
      type="button"
      label={
        <Text size="sm" lh={1.3} fw={level === 1 ? 600 : 400}>
          {title}
        </Text>
      }
      rightSection={<StateBadge state={state} />}
      onClick={() => onGoTo(sectionId(sectionKey))}
      pl={8 + (level - 1) * 14}
      py={4}
      styles={{ body: { overflow: 'visible' }, label: { whiteSpace: 'normal' } }}
      data-nav-section={sectionKey}
      aria-label={`${title}${state === 'empty' ? '' : ` (${SECTION_STATE_LABELS[state]})`}`}
    />
  );
});

export const SectionNav = memo(function SectionNav(props: Props) {
  const { outline, content, drafted, errorTargets, onGoTo, height } = props;
  const items: ReactNode[] = [];
  const visit = (section: Section, level: number, parentNil: boolean) => {
    const d = drafted.get(section.key);
    const state = sectionState({ section, content, drafted: d, parentNil, errorTargets });
    const nil = parentNil || content.nil.sections.includes(section.key);
    const title = `${d?.number ?? ''} ${d?.title ?? section.title}`.trim();
    items.push(
      <Row
        key={section.key}
        sectionKey={section.key}
        title={title}
        level={level}
        state={state}
        onGoTo={onGoTo}
      />,
    );
    for (const node of section.children) if (node.kind === 'section') visit(node, level + 1, nil);
  };
  for (const section of outline.sections) visit(section, 1, false);
  const list = (
    <Stack gap={0} component="nav" aria-label="Các mục của báo cáo">
      {items}
    </Stack>
  );
  return height ? <ScrollArea.Autosize mah={height}>{list}</ScrollArea.Autosize> : list;
});
