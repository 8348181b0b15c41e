import { EDITABLE_STATUSES, type ReportView } from '@domain/api-reports';
import { draftReport, flattenDrafted } from '@domain/drafting/draft';
import type { DraftedReport, DraftUnit } from '@domain/drafting/types';
import type { Period } from '@domain/periods';
import { formChecks } from '@domain/report-checks';
import { nilSectionOf } from '@domain/report-completeness';
import { validateContent } from '@domain/validation';
import { Alert, Box, Button, Drawer, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import {
  type ComponentType,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useDeferredValue,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { formatDate, formatDateTime } from '../../lib/format';
import { ConflictModal } from './ConflictModal';
import { FormerUnitsNote } from './FormerUnitsNote';
import { FrameBlock } from './FrameBlock';
import { fieldId } from './IndicatorField';
import { mergeIssues } from './issues';
import { LogbookDifferences, LogbookRefresh, LogbookScope } from './LogbookFigure';
import { KeepAllProposals } from './ParagraphList';
import { PreviewPanel } from './PreviewPanel';
import { ReportActions } from './ReportActions';
import { SaveStatusLine } from './SaveStatusLine';
import { type FigureSlot, SectionBlock, type SectionContext, sectionId } from './SectionBlock';
import { SectionNav } from './SectionNav';
import { createSectionNumbers, numbersOf, SectionNumbersContext } from './sectionNumbers';
import { type ReportDraft, useReportDraft } from './useReportDraft';
import { allIndicators } from './values';
import { WorkflowBar } from './WorkflowBar';
import { ChangesList, CommentList } from './WorkflowNotes';

// The history is opened rarely: it loads (with its timeline styles) when its tab is chosen.
const HistoryTimeline = lazy(() => import('./HistoryTimeline').then((m) => ({ default: m.HistoryTimeline })));

/** "Xã Thạch Hà" → { name: "xã Thạch Hà", kind: "commune" }: how the drafted sentences name the unit. */
function draftUnit(unit: ReportView['report']['unit']): DraftUnit {
  if (unit.kind === 'body') return { name: unit.name, kind: 'body' };
  const name = unit.name.charAt(0).toLocaleLowerCase('vi') + unit.name.slice(1);
  return { name, kind: unit.kind === 'commune' ? 'commune' : 'province' };
}

function useDrafted(view: ReportView, content: ReportView['content']): DraftedReport | null {
  const { outline, report } = view;
  return useMemo(() => {
    try {
      return draftReport({
        outline,
        content,
        period: report.period as Period,
        unit: draftUnit(report.unit),
        ...(view.supplements ? { supplements: view.supplements } : {}),
      });
    } catch {
      // A content the drafting cannot read (an import in progress): the form shows the fields only.
      return null;
    }
  }, [outline, content, report.period, report.unit, view.supplements]);
}

/**
 * A consolidated report's page in place of a commune's controls (web/src/components/consolidation):
 * its subtitle and coverage, its figures (sum, sources, override with a reason) instead of fields,
 * and the scope they read the draft through. Stable components, so the form renders as often.
 */
export interface ConsolidatedSlots {
  Subtitle: ComponentType<{ view: ReportView }>;
  Coverage: ComponentType<{ view: ReportView }>;
  Scope: ComponentType<{ draft: ReportDraft; children: ReactNode }>;
  Figure: FigureSlot;
}

export function ReportEditor({
  initial,
  consolidated,
}: {
  initial: ReportView;
  consolidated?: ConsolidatedSlots;
}) {
  const editable = initial.report.canEdit;
  const draft = useReportDraft(initial, editable);
  const { view, content } = draft;
  const report = view.report;
  const outline = view.outline;
  // Who cannot change the report (a leader deciding, the receiving unit) reads it first: its document.
  const [tab, setTab] = useState<string | null>(editable ? 'form' : 'preview');
  const tabsRef = useRef<HTMLDivElement>(null);

  // The fields show what is typed at once; the drafting, the checks and the messages follow the
  // deferred content, rendered after the keystroke (and dropped if another key comes first).
  const deferred = useDeferredValue(content);
  const drafted = useDrafted(view, deferred);
  const sections = useMemo(
    () => new Map(flattenDrafted(drafted?.sections ?? []).map((s) => [s.key, s])),
    [drafted],
  );
  // The headings' numbers: published after each new draft, to the headings whose number changed.
  const numbers = useMemo(() => numbersOf(sections), [sections]);
  const [numberStore] = useState(() => createSectionNumbers(numbers));
  useLayoutEffect(() => numberStore.publish(numbers), [numberStore, numbers]);
  const indicators = useMemo(() => allIndicators(outline), [outline]);
  const clientIssues = useMemo(
    () =>
      drafted ? formChecks({ outline, content: deferred, drafted }) : validateContent(outline, deferred),
    [outline, deferred, drafted],
  );
  const merged = useMemo(
    () =>
      mergeIssues({
        indicators,
        sections,
        serverIssues: view.issues,
        clientIssues,
        content: deferred,
        // The server's checks are of the content it last read for the view.
        savedContent: view.content,
        nilSectionOf: (target) => nilSectionOf(outline, target),
      }),
    [indicators, sections, view.issues, clientIssues, deferred, view.content, outline],
  );
  // A total of former communes (the 2025 reform) says so beside every figure it is compared with.
  const formersReported = content.comparison.sameLastYearFormers?.units.some((u) => u.reported) ?? false;
  const labels = useMemo(
    () => ({
      previous: report.previousPeriodLabel,
      sameLastYear:
        formersReported && report.sameLastYearLabel
          ? `${report.sameLastYearLabel}, tổng các đơn vị cũ`
          : report.sameLastYearLabel,
    }),
    [report.previousPeriodLabel, report.sameLastYearLabel, formersReported],
  );
  const errorItems = merged.checklist.filter((i) => i.severity === 'error');
  const errorCount = errorItems.length;
  const blockers = errorCount > 0 ? [`còn ${errorCount} lỗi cần sửa`] : [];
  const firstError = errorItems.find((i) => i.target)?.target ?? null;
  // What the section list marks as in error: fields, texts and sections with an error now.
  const errorTargets = useMemo(
    () =>
      new Set([
        ...Object.keys(merged.fieldErrors),
        ...clientIssues.filter((i) => i.severity === 'error' && i.path).map((i) => i.path ?? ''),
      ]),
    [merged.fieldErrors, clientIssues],
  );
  const [navOpen, setNavOpen] = useState(false);
  const fileName = `bao-cao-${report.unit.code}-${report.periodKey}.json`;

  const ctx: SectionContext = {
    outline,
    content,
    drafted: sections,
    errors: merged.fieldErrors,
    warnings: merged.fieldWarnings,
    labels,
    disabled: !editable,
    update: draft.update,
    comments: report.comments,
    ...(consolidated ? { figure: consolidated.Figure } : {}),
  };
  // A field or a switch comes to the middle of the screen with the focus; a section to the top.
  const goTo = useCallback((target: string) => {
    setTab('form');
    setNavOpen(false);
    setTimeout(() => {
      const element = document.getElementById(target);
      const section = element?.tagName === 'SECTION';
      element?.scrollIntoView({ behavior: 'smooth', block: section ? 'start' : 'center' });
      if (!section) element?.focus({ preventScroll: true });
    }, 50);
  }, []);
  const nav = (height?: string) => (
    <SectionNav
      outline={outline}
      content={deferred}
      drafted={sections}
      errorTargets={errorTargets}
      onGoTo={goTo}
      {...(height ? { height } : {})}
    />
  );

  const page = (
    <Stack gap="md" maw={1400} onBlur={() => void draft.flush()}>
      <Stack gap={4}>
        <Title order={1} fz={{ base: 21, sm: 26 }}>
          {consolidated ? 'Báo cáo tổng hợp' : 'Báo cáo'} {report.periodLabel}
        </Title>
        {consolidated ? (
          <consolidated.Subtitle view={view} />
        ) : (
          <Text size="sm" c="dimmed">
            {report.unit.name} · {report.outline.name} (phiên bản {report.outline.version}) · Số liệu từ{' '}
            {formatDate(report.window.start)} đến {formatDate(report.window.end)}
          </Text>
        )}
        <WorkflowBar
          draft={draft}
          blockers={blockers}
          {...(firstError ? { onShowBlockers: () => goTo(firstError) } : {})}
        />
      </Stack>
      {consolidated && <consolidated.Coverage view={view} />}
      <CommentList
        comments={report.comments}
        onGoTo={(c) =>
          c.target && goTo(c.targetKind === 'indicator' ? fieldId(c.target) : sectionId(c.target))
        }
      />
      <ChangesList changes={report.changes} />
      {!editable && (
        <Alert color="gray" data-read-only>
          {EDITABLE_STATUSES.includes(report.status)
            ? 'Bạn chỉ có quyền xem báo cáo này.'
            : `Báo cáo ${report.statusLabel.toLocaleLowerCase('vi')}: không sửa được nữa.`}
        </Alert>
      )}
      {editable && draft.restorable && (
        <Alert color="yellow" title="Có thay đổi chưa lưu trên máy này">
          <Text size="sm">
            Lần trước, các thay đổi nhập lúc {formatDateTime(new Date(draft.restorable.at).toISOString())}{' '}
            chưa kịp lưu lên máy chủ.
          </Text>
          <Group gap="xs" mt="xs">
            <Button size="xs" onClick={draft.restore}>
              Khôi phục thay đổi
            </Button>
            <Button size="xs" variant="default" onClick={draft.dismissRestore}>
              Bỏ qua
            </Button>
          </Group>
        </Alert>
      )}
      <ReportActions draft={draft} fileName={fileName} />
      {!consolidated && <LogbookDifferences view={view} />}
      <Tabs
        ref={tabsRef}
        style={{ scrollMarginTop: 'var(--app-shell-header-offset, 0px)' }}
        value={tab}
        onChange={(next) => {
          setTab(next);
          if (next === 'preview') void draft.refresh();
          // Switched from far down the form: start the other tab at its top, not in its middle.
          const tabs = tabsRef.current;
          if (tabs && tabs.getBoundingClientRect().top < 0) tabs.scrollIntoView({ block: 'start' });
        }}
        keepMounted={false}
      >
        {/* The tabs and the save status stay in sight while the officer scrolls down the form. */}
        <Group
          className="report-tabs-bar"
          gap={4}
          justify="space-between"
          align="center"
          wrap="wrap-reverse"
          pos="sticky"
          top="var(--app-shell-header-offset, 0px)"
        >
          <Tabs.List>
            <Tabs.Tab value="form">{editable ? 'Nhập số liệu' : 'Số liệu'}</Tabs.Tab>
            <Tabs.Tab value="preview">
              Xem trước và kiểm tra{merged.checklist.length > 0 ? ` (${merged.checklist.length})` : ''}
            </Tabs.Tab>
            <Tabs.Tab value="history">Lịch sử</Tabs.Tab>
          </Tabs.List>
          <Group gap="xs" wrap="nowrap">
            <SaveStatusLine status={draft.status} editable={editable} />
            {tab === 'form' && (
              <Button size="compact-sm" variant="default" hiddenFrom="md" onClick={() => setNavOpen(true)}>
                Các mục
              </Button>
            )}
          </Group>
        </Group>
        <Tabs.Panel value="form" pt="md">
          {/* A grid, not a flex row: a flex row measures the whole form's intrinsic width on
              every change of its content (a figure typed cost ~100 ms of layout). */}
          <div className="report-form-layout">
            <Stack gap="xl" miw={0}>
              {content.nil.all && (
                <Alert color="gray" title="Cả báo cáo: không phát sinh" data-nil-all>
                  <Text size="sm">
                    Trong kỳ không có hoạt động đối ngoại nào; các mục được ghi là không phát sinh.
                  </Text>
                  {editable && (
                    <Button
                      size="xs"
                      variant="default"
                      mt="xs"
                      onClick={() => draft.update((c) => ({ ...c, nil: { ...c.nil, all: false } }))}
                    >
                      Bỏ “không phát sinh” cho cả báo cáo
                    </Button>
                  )}
                </Alert>
              )}
              <FormerUnitsNote comparison={content.comparison} />
              {!consolidated && <LogbookRefresh draft={draft} />}
              <KeepAllProposals sections={drafted?.sections ?? []} ctx={ctx} />
              {!view.documentIssued && <FrameBlock part="opening" frame={view.frame} ctx={ctx} />}
              <SectionNumbersContext.Provider value={numberStore}>
                {outline.sections.map((section) => (
                  <SectionBlock key={section.key} section={section} level={1} parentNil={false} ctx={ctx} />
                ))}
              </SectionNumbersContext.Provider>
              {!view.documentIssued && <FrameBlock part="closing" frame={view.frame} ctx={ctx} />}
            </Stack>
            <Box
              visibleFrom="md"
              pos="sticky"
              top="calc(var(--app-shell-header-offset, 0px) + 52px)"
              data-section-nav
            >
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
                Các mục của báo cáo
              </Text>
              {nav('calc(100vh - var(--app-shell-header-offset, 0px) - 100px)')}
            </Box>
          </div>
          <Drawer
            opened={navOpen}
            onClose={() => setNavOpen(false)}
            title="Các mục của báo cáo"
            position="right"
            size="min(360px, 92vw)"
            closeButtonProps={{ 'aria-label': 'Đóng' }}
          >
            {nav('calc(100dvh - 90px)')}
          </Drawer>
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="md">
          <PreviewPanel
            document={view.document}
            stale={draft.refreshing}
            issues={merged.checklist}
            onGoTo={goTo}
          />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <Suspense fallback={<Skeleton h={160} />}>
            <HistoryTimeline reportId={report.id} />
          </Suspense>
        </Tabs.Panel>
      </Tabs>
      {draft.conflict && (
        <ConflictModal
          conflict={draft.conflict}
          mine={content}
          outline={outline}
          fileName={fileName.replace('.json', '-ban-cua-toi.json')}
          onKeepMine={draft.keepMine}
          onTakeTheirs={draft.takeTheirs}
        />
      )}
    </Stack>
  );
  return consolidated ? (
    <consolidated.Scope draft={draft}>{page}</consolidated.Scope>
  ) : (
    <LogbookScope draft={draft}>{page}</LogbookScope>
  );
}
