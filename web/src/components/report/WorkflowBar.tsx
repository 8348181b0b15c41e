/**
 * The report's place in the workflow: its status, when it was sent and received, and the buttons
 * of the steps THIS user may take now (the server says which: `report.steps`, and checks again).
 */
import type { ReportView, ViewStep } from '@domain/api-reports';
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { type StepBodies, takeReportStep } from '../../api/reports';
import { roundKeys } from '../../api/rounds';
import { formatDate, formatDateTime } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import type { ReportDraft } from './useReportDraft';

// The dialogs load when first opened: they stay out of the main bundle.
const IssueModal = lazy(() => import('../documents/IssueModal').then((m) => ({ default: m.IssueModal })));
const ReturnModal = lazy(() => import('./StepModals').then((m) => ({ default: m.ReturnModal })));
const RejectModal = lazy(() => import('./StepModals').then((m) => ({ default: m.RejectModal })));
const NilModal = lazy(() => import('./StepModals').then((m) => ({ default: m.NilModal })));
const SubmitModal = lazy(() => import('./StepModals').then((m) => ({ default: m.SubmitModal })));

const STATUS_COLORS: Record<ReportView['report']['status'], string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  approved: 'cyan',
  issued: 'teal',
  received: 'green',
  accepted: 'green',
};

/** What each button says, and what the notification says after it. */
/** What each step does, said where it is offered (the order of the leader's steps included). */
const STEP_HELP: Record<ViewStep, string> = {
  submit: 'gửi báo cáo cho lãnh đạo đơn vị duyệt; rút lại được khi lãnh đạo chưa xử lý',
  'submit-nil': 'trong kỳ không có hoạt động đối ngoại nào: gửi lãnh đạo một báo cáo "không phát sinh"',
  withdraw: 'lấy báo cáo về để sửa tiếp (khi lãnh đạo chưa xử lý)',
  return: 'gửi lại cán bộ để sửa, kèm ý kiến tại mục hoặc chỉ tiêu',
  approve: 'đồng ý nội dung; văn bản chưa có số và chưa gửi đi, bước sau là ban hành',
  issue: 'cấp số và ngày từ sổ văn bản đi, khóa nội dung và gửi báo cáo lên cấp trên',
  receive: 'xác nhận đã nhận báo cáo (đơn vị gửi thấy ngay); xem xét rồi chấp nhận hoặc trả lại',
  accept: 'số liệu của báo cáo được dùng khi tổng hợp',
  reject: 'gửi trả đơn vị kèm lý do; đơn vị sửa và ban hành lại với số mới',
  correct:
    'số liệu từ sổ theo dõi đã thay đổi sau khi ban hành: mở lại báo cáo để cập nhật, trình và ban hành lại với số mới',
};

/** "Kính gửi: Sở Ngoại vụ tỉnh Hà Tĩnh." → "Sở Ngoại vụ tỉnh Hà Tĩnh". */
function addresseesOf(lines: readonly string[] | undefined): string[] {
  return (lines ?? [])
    .map((l) =>
      l
        .replace(/^\s*(Kính gửi:?|-)\s*/i, '')
        .replace(/[.;,]\s*$/, '')
        .trim(),
    )
    .filter(Boolean);
}

const STEP_TEXT: Record<ViewStep, { label: string; done: string }> = {
  submit: { label: 'Gửi lãnh đạo duyệt', done: 'Đã gửi báo cáo cho lãnh đạo.' },
  'submit-nil': { label: 'Cả báo cáo không phát sinh', done: 'Đã gửi báo cáo không phát sinh.' },
  withdraw: { label: 'Rút lại', done: 'Đã rút lại báo cáo: bạn có thể sửa tiếp rồi gửi lại.' },
  return: { label: 'Trả lại', done: 'Đã trả lại báo cáo để sửa.' },
  approve: { label: 'Duyệt', done: 'Đã duyệt báo cáo.' },
  issue: { label: 'Ban hành', done: 'Đã ban hành báo cáo.' },
  receive: { label: 'Tiếp nhận', done: 'Đã tiếp nhận báo cáo.' },
  accept: { label: 'Chấp nhận', done: 'Đã chấp nhận báo cáo.' },
  reject: { label: 'Trả lại với lý do', done: 'Đã trả lại báo cáo cho đơn vị gửi.' },
  correct: {
    label: 'Lập báo cáo điều chỉnh',
    done: 'Đã mở lại báo cáo để điều chỉnh: cập nhật từ sổ theo dõi, trình và ban hành lại.',
  },
};

type Modal = 'submit' | 'return' | 'reject' | 'nil' | 'issue' | null;

/** A step changes what other pages show: the round, its progress and consolidation, the board, home. */
function afterStep(queryClient: QueryClient): void {
  for (const queryKey of [roundKeys.all, ['consolidation'], ['round-progress'], ['board'], ['home']]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}
type Direct = Exclude<ViewStep, 'issue'>;

interface Props {
  draft: ReportDraft;
  /** Why submission is not possible yet (errors left on the form); empty when it is. */
  blockers: string[];
  /** Goes to the first error on the form. */
  onShowBlockers?: () => void;
}

export function WorkflowBar({ draft, blockers, onShowBlockers }: Props) {
  const report = draft.view.report;
  const [modal, setModal] = useState<Modal>(null);
  const queryClient = useQueryClient();

  // A second click before React re-renders the button as loading must not send the step twice.
  const sending = useRef(false);
  const step = useMutation({
    mutationFn: async (input: { step: Direct; body: object }): Promise<ReportView> => {
      // Submitting sends what is typed: save it first, then name the revision it got.
      if (input.step === 'submit' || input.step === 'submit-nil') {
        const saved = await draft.flush();
        if (!saved) throw new ApiError(409, null, 'Báo cáo chưa được lưu, chưa gửi được. Vui lòng thử lại.');
      }
      const body = { ...input.body, revision: draft.currentRevision() } as StepBodies[Direct];
      return takeReportStep(report.id, input.step, body);
    },
    onSettled: () => {
      sending.current = false;
    },
    onSuccess: (view, input) => {
      draft.reset(view);
      afterStep(queryClient);
      setModal(null);
      notifySuccess(STEP_TEXT[input.step].done);
    },
    onError: (error) => {
      // Dialogs show their own error; a plain button gets a notification.
      if (modal === null) notifyError(error);
    },
  });
  const run = <S extends Direct>(s: S, body: Omit<StepBodies[S], 'revision'>) => {
    if (sending.current) return;
    sending.current = true;
    step.mutate({ step: s, body });
  };

  const open = (next: Modal) => {
    step.reset();
    setModal(next);
  };
  const click = (s: ViewStep) => {
    if (s === 'submit' || s === 'return' || s === 'reject' || s === 'issue') open(s);
    else if (s === 'submit-nil') open('nil');
    else run(s, {});
  };
  const submitBlocked = blockers.length > 0;
  // Offered on a report not yet approved, issuing approves it too: one button says both.
  const stepLabel = (s: ViewStep) =>
    s === 'issue' && report.status === 'submitted' ? 'Duyệt và ban hành' : STEP_TEXT[s].label;
  const busy = (s: ViewStep) => step.isPending && step.variables?.step === s;

  const sent = [
    report.version > 0 ? `Lần gửi thứ ${report.version}` : null,
    report.notation
      ? `Số ${report.notation}${report.issuedOn ? ` ngày ${formatDate(report.issuedOn)}` : ''}`
      : null,
    report.sentAt ? `Gửi cấp trên lúc ${formatDateTime(report.sentAt)}` : null,
    report.receivedAt ? `Cấp trên tiếp nhận lúc ${formatDateTime(report.receivedAt)}` : null,
    report.acceptedAt ? `Chấp nhận lúc ${formatDateTime(report.acceptedAt)}` : null,
  ].filter(Boolean);

  return (
    <Stack gap={6} data-workflow-bar>
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color={STATUS_COLORS[report.status]} tt="none" size="lg">
          {report.statusLabel}
        </Badge>
        {sent.length > 0 && (
          <Text size="xs" c="dimmed">
            {sent.join(' · ')}
          </Text>
        )}
      </Group>
      {report.steps.length > 0 && (
        <Group gap="xs" wrap="wrap">
          {report.steps.map((s) => (
            <Button
              key={s}
              size="sm"
              variant={
                s === 'return' || s === 'reject' || s === 'submit-nil' || s === 'withdraw'
                  ? 'default'
                  : 'filled'
              }
              color={s === 'return' || s === 'reject' ? 'orange' : undefined}
              loading={busy(s)}
              disabled={s === 'submit' && submitBlocked}
              onClick={() => click(s)}
              data-step={s}
            >
              {stepLabel(s)}
            </Button>
          ))}
        </Group>
      )}
      {report.steps.length > 0 && (
        <Stack gap={0} component="ul" m={0} pl="md" data-step-help>
          {report.steps.map((s) => (
            <Text key={s} component="li" size="xs" c="dimmed">
              <b>{stepLabel(s)}</b>: {STEP_HELP[s]}
            </Text>
          ))}
        </Stack>
      )}
      {report.steps.includes('submit') && submitBlocked && (
        <Text size="xs" c="red.7" data-submit-blockers>
          Chưa gửi được: {blockers.join('; ')}.{' '}
          {onShowBlockers && (
            <Anchor component="button" type="button" size="xs" onClick={onShowBlockers}>
              Đến lỗi đầu tiên
            </Anchor>
          )}
        </Text>
      )}
      <Suspense fallback={null}>
        {modal === 'return' && (
          <ReturnModal
            opened
            outline={draft.view.outline}
            pending={step.isPending}
            error={step.error}
            onClose={() => setModal(null)}
            onSubmit={(input) => run('return', input)}
          />
        )}
        {modal === 'reject' && (
          <RejectModal
            opened
            pending={step.isPending}
            error={step.error}
            onClose={() => setModal(null)}
            onSubmit={(reason) => run('reject', { reason })}
          />
        )}
        {modal === 'submit' && (
          <SubmitModal
            opened
            pending={step.isPending}
            error={step.error}
            onClose={() => setModal(null)}
            onConfirm={() => run('submit', {})}
          />
        )}
        {modal === 'nil' && (
          <NilModal
            opened
            pending={step.isPending}
            error={step.error}
            onClose={() => setModal(null)}
            onConfirm={() => run('submit-nil', {})}
          />
        )}
      </Suspense>
      {modal === 'issue' && (
        <Suspense fallback={null}>
          <IssueModal
            reportId={report.id}
            unitId={report.unit.id}
            sendsTo={addresseesOf(draft.view.document.kinhGui)}
            proposedName={draft.view.document.signature.name}
            opened
            onClose={() => setModal(null)}
            onIssued={(view) => {
              afterStep(queryClient);
              draft.reset(view);
            }}
          />
        </Suspense>
      )}
    </Stack>
  );
}
