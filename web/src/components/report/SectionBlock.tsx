import type { ReportCommentOut } from '@domain/api-reports';
import type { DraftedSection } from '@domain/drafting/types';
import type { Indicator, IndicatorValue, Outline, Section } from '@domain/outline';
import type { ReportContent } from '@domain/report-json';
import {
  Badge,
  Box,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type ComponentType, memo } from 'react';
import { type ComparisonLabels, IndicatorField } from './IndicatorField';
import { LogbookNote } from './LogbookFigure';
import { ParagraphList } from './ParagraphList';
import { useSectionNumber } from './sectionNumbers';
import { sameDrafted, subtreeOf } from './sectionTree';
import type { UpdateOptions } from './useReportDraft';
import { useTypedText } from './useTypedText';
import { InlineComments } from './WorkflowNotes';

export interface SectionContext {
  outline: Outline;
  content: ReportContent;
  drafted: ReadonlyMap<string, DraftedSection>;
  errors: Readonly<Record<string, string>>;
  warnings: Readonly<Record<string, string>>;
  labels: ComparisonLabels;
  disabled: boolean;
  update: (change: (content: ReportContent) => ReportContent, options?: UpdateOptions) => void;
  /** Comments of the last return: each shows at its section, or at the section of its indicator. */
  comments: readonly ReportCommentOut[];
  /**
   * A consolidated report: each figure is shown by this (the sum, its sources, an override with its
   * reason) instead of a field typed in, and sections holding figures have no "Không phát sinh".
   */
  figure?: FigureSlot;
}

export type FigureSlot = ComponentType<{
  indicator: Indicator;
  value: IndicatorValue | undefined;
  sameLastYear: IndicatorValue | undefined;
  sameLastYearLabel: string | null;
}>;

export const sectionId = (key: string) => `muc-${key.replace(/[^a-z0-9]+/gi, '-')}`;
/** The id of a section's "Không phát sinh" switch, for links from the messages. */
export const nilSwitchId = (key: string) => `khong-phat-sinh-${key.replace(/[^a-z0-9]+/gi, '-')}`;

function setValue(content: ReportContent, code: string, value: IndicatorValue | undefined): ReportContent {
  const values = { ...content.values };
  if (value === undefined) delete values[code];
  else values[code] = value;
  return { ...content, values };
}

/** Marks a figure as an estimate ("khoảng …") or not; no list is kept once nothing is marked. */
function setApproximate(content: ReportContent, code: string, on: boolean): ReportContent {
  const others = (content.approximate ?? []).filter((c) => c !== code);
  const approximate = on ? [...others, code] : others;
  const { approximate: _, ...rest } = content;
  return approximate.length > 0 ? { ...rest, approximate } : rest;
}

function setNil(content: ReportContent, key: string, nil: boolean): ReportContent {
  const others = content.nil.sections.filter((k) => k !== key);
  return { ...content, nil: { ...content.nil, sections: nil ? [...others, key] : others } };
}

function setNarrative(content: ReportContent, key: string, text: string, mode: 'append' | 'replace') {
  const narratives = { ...content.narratives };
  if (text === '' && mode === 'append') delete narratives[key];
  else narratives[key] = { text, mode };
  return { ...content, narratives };
}

interface OfficerTextProps {
  section: Section;
  edit: ReportContent['narratives'][string] | undefined;
  disabled: boolean;
  nil: boolean;
  update: SectionContext['update'];
}

/**
 * The officer's own text. Memoised on its own text: its box grows with what is typed (autosize
 * measures the page's layout on every render), so a figure typed elsewhere in the section must
 * not render it again.
 */
const OfficerText = memo(function OfficerText({ section, edit, disabled, nil, update }: OfficerTextProps) {
  const mode = edit?.mode ?? 'append';
  const title = `Nội dung cán bộ viết thêm — ${section.title}`;
  // What is typed shows at once; the report renders it when typing pauses.
  const typed = useTypedText(edit?.text ?? '');
  if (disabled) {
    if (!edit?.text) return null;
    return (
      <Paper withBorder p="sm" radius="sm" aria-label={title} data-officer-text>
        <Text size="xs" fw={600} c="dimmed" mb={4}>
          Nội dung cán bộ viết thêm (
          {mode === 'replace' ? 'thay thế đoạn soạn sẵn' : 'thêm sau đoạn soạn sẵn'})
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {edit.text}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap={4}>
      <Textarea
        label="Nội dung cán bộ viết thêm"
        aria-label={title}
        placeholder="Nội dung riêng của đơn vị (nếu có)"
        autosize
        minRows={2}
        maxRows={12}
        value={typed.text}
        disabled={disabled || nil}
        onFocus={typed.onFocus}
        onBlur={typed.onBlur}
        onChange={(e) => {
          const text = e.currentTarget.value;
          typed.setText(text);
          update((c) => setNarrative(c, section.key, text, mode), { lazy: true });
        }}
      />
      {typed.text !== '' && (
        <SegmentedControl
          size="xs"
          aria-label={`Cách ghép nội dung — ${section.title}`}
          value={mode}
          disabled={disabled || nil}
          data={[
            { value: 'append', label: 'Thêm sau đoạn soạn sẵn' },
            { value: 'replace', label: 'Thay thế đoạn soạn sẵn' },
          ]}
          onChange={(next) =>
            update((c) => setNarrative(c, section.key, typed.text, next as 'append' | 'replace'))
          }
          style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
          styles={{ label: { whiteSpace: 'normal' } }}
        />
      )}
    </Stack>
  );
});

interface Props {
  section: Section;
  level: number;
  parentNil: boolean;
  ctx: SectionContext;
}

const isApproximate = (content: ReportContent, code: string) => content.approximate?.includes(code) ?? false;

/**
 * Whether a section would render the same: only what the section and its subsections show is
 * compared, so a keystroke re-renders the section it was typed in (and its parents), not the form.
 */
function sameSectionProps(a: Props, b: Props): boolean {
  if (a.section !== b.section || a.level !== b.level || a.parentNil !== b.parentNil) return false;
  const x = a.ctx;
  const y = b.ctx;
  if (x === y) return true;
  if (
    x.disabled !== y.disabled ||
    x.figure !== y.figure ||
    x.update !== y.update ||
    x.labels !== y.labels ||
    x.comments !== y.comments ||
    x.content.nil.all !== y.content.nil.all ||
    x.content.comparison !== y.content.comparison ||
    // Keeping a proposal or leaving a section out changes what every section prints.
    x.content.kept !== y.content.kept ||
    x.content.omit !== y.content.omit
  )
    return false;
  const { codes, keys } = subtreeOf(a.section);
  for (const code of codes) {
    if (x.content.values[code] !== y.content.values[code]) return false;
    if (x.errors[code] !== y.errors[code] || x.warnings[code] !== y.warnings[code]) return false;
    if (isApproximate(x.content, code) !== isApproximate(y.content, code)) return false;
  }
  for (const key of keys) {
    if (x.content.narratives[key] !== y.content.narratives[key]) return false;
    if (x.content.nil.sections.includes(key) !== y.content.nil.sections.includes(key)) return false;
    if (!sameDrafted(x.drafted.get(key), y.drafted.get(key))) return false;
  }
  return true;
}

/** A section's number and title: renders again alone when a renumbering changes its number. */
function SectionHeading({ sectionKey, title, level }: { sectionKey: string; title: string; level: number }) {
  const number = useSectionNumber(sectionKey);
  return (
    <Title
      order={Math.min(level + 1, 4) as 2 | 3 | 4}
      fz={level === 1 ? 18 : level === 2 ? 16 : 15}
      tt={level === 1 ? 'uppercase' : undefined}
    >
      {`${number} ${title}`.trim()}
    </Title>
  );
}

/** One section of the outline: its number and title, "Không phát sinh", fields, draft, own text. */
export const SectionBlock = memo(SectionBlockView, sameSectionProps);

function SectionBlockView({ section, level, parentNil, ctx }: Props) {
  const drafted = ctx.drafted.get(section.key);
  const ownNil = ctx.content.nil.sections.includes(section.key);
  const nil = parentNil || ctx.content.nil.all || ownNil;
  const indicators = section.children.filter((n): n is Indicator => n.kind === 'indicator');
  const subsections = section.children.filter((n): n is Section => n.kind === 'section');
  const hasOwnText = subsections.length === 0 || section.children.some((n) => n.kind !== 'section');
  // The drafted title names the period where the outline says {period} or {next}; its number
  // comes to the heading alone (SectionHeading), so a renumbering does not render the section.
  const title = drafted?.title ?? section.title;
  const Figure = ctx.figure;
  // A consolidated section's figures are its sources': "Không phát sinh" is theirs to say, not a switch.
  const nilOffered = section.nilAllowed !== false && !(Figure && subtreeOf(section).codes.length > 0);
  const codes = new Set(indicators.map((i) => i.code));
  // Only what is still to be corrected shows on the form; earlier returns stay in the list above it.
  const comments = ctx.comments.filter(
    (c) => c.open && (c.target === section.key || (c.target !== null && codes.has(c.target))),
  );

  return (
    <Box
      component="section"
      id={sectionId(section.key)}
      aria-label={title}
      data-nil={nil ? 'true' : 'false'}
      pl={level > 1 ? { base: 'xs', sm: 'sm' } : 0}
      style={{
        // Scrolled to from the section list: its title shows below the sticky bars.
        scrollMarginTop: 'calc(var(--app-shell-header-offset, 0px) + 56px)',
        ...(level > 1 ? { borderLeft: '3px solid var(--mantine-color-gray-3)' } : {}),
      }}
    >
      <Stack gap="sm">
        <Stack gap={6}>
          <SectionHeading sectionKey={section.key} title={title} level={level} />
          {ctx.disabled && ownNil && !parentNil && !ctx.content.nil.all && (
            <Badge variant="light" color="gray" tt="none" style={{ alignSelf: 'flex-start' }}>
              Không phát sinh
            </Badge>
          )}
          {!ctx.disabled && nilOffered && !parentNil && !ctx.content.nil.all && (
            <Switch
              id={nilSwitchId(section.key)}
              label="Không phát sinh"
              aria-label={`Không phát sinh — ${section.title}`}
              checked={ownNil}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                ctx.update((c) => setNil(c, section.key, checked));
              }}
            />
          )}
        </Stack>
        <InlineComments comments={comments} />
        <Stack gap="sm" style={nil ? { opacity: 0.55 } : undefined}>
          {indicators.length > 0 && (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
              {indicators.map((indicator) =>
                Figure ? (
                  <Figure
                    key={indicator.code}
                    indicator={indicator}
                    value={ctx.content.values[indicator.code]}
                    sameLastYear={ctx.content.comparison.sameLastYear?.[indicator.code]}
                    sameLastYearLabel={ctx.labels.sameLastYear}
                  />
                ) : (
                  <Stack key={indicator.code} gap={4}>
                    <IndicatorField
                      indicator={indicator}
                      value={ctx.content.values[indicator.code]}
                      previous={ctx.content.comparison.previous?.[indicator.code]}
                      sameLastYear={ctx.content.comparison.sameLastYear?.[indicator.code]}
                      labels={ctx.labels}
                      error={ctx.errors[indicator.code]}
                      warning={ctx.warnings[indicator.code]}
                      disabled={ctx.disabled || nil}
                      approximate={isApproximate(ctx.content, indicator.code)}
                      onApproximate={(on) => ctx.update((c) => setApproximate(c, indicator.code, on))}
                      onChange={(value, options) =>
                        ctx.update((c) => setValue(c, indicator.code, value), options)
                      }
                    />
                    <LogbookNote
                      indicator={indicator}
                      figure={ctx.content.logbook?.figures[indicator.code]}
                      value={ctx.content.values[indicator.code]}
                    />
                  </Stack>
                ),
              )}
            </SimpleGrid>
          )}
        </Stack>
        <ParagraphList section={section} drafted={drafted} ctx={ctx} />
        {hasOwnText && (
          <OfficerText
            section={section}
            edit={ctx.content.narratives[section.key]}
            disabled={ctx.disabled}
            nil={nil}
            update={ctx.update}
          />
        )}
        {subsections.map((child) => (
          <SectionBlock key={child.key} section={child} level={level + 1} parentNil={nil} ctx={ctx} />
        ))}
      </Stack>
    </Box>
  );
}
