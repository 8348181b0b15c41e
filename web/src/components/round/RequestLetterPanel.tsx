import type { RoundDetail } from '@domain/api-rounds';
import { todayInVietnam } from '@domain/periods';
import { Alert, Anchor, Button, Card, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { issueRequestLetter, roundKeys, useRequestLetter } from '../../api/rounds';
import { formatDate } from '../../lib/format';
import { serverFieldErrors } from '../../lib/forms';
import { errorText, notifySuccess } from '../../lib/notify';
import { DateField } from '../DateField';
import { ErrorAlert } from '../ErrorAlert';

// The page as the document prints it: loaded when a letter is shown, as the report page does.
const DocumentView = lazy(() =>
  import('../documents/DocumentView').then((m) => ({ default: m.DocumentView })),
);

/**
 * The request letter (công văn đề nghị báo cáo): downloads once issued; for the receiving unit, a
 * preview of the draft and issuing it with a number from the register.
 */
export function RequestLetterPanel({ round }: { round: RoundDetail }) {
  const queryClient = useQueryClient();
  const [showPreview, setShowPreview] = useState(false);
  const [signer, setSigner] = useState<string | null>(null);
  const [issuedOn, setIssuedOn] = useState(todayInVietnam());
  const issued = round.requestLetter;
  const preview = useRequestLetter(
    round.id,
    signer ? Number(signer) : null,
    showPreview || (!issued && round.canManage),
  );
  const signers = preview.data?.signers ?? [];
  const signerId = signer ?? (signers[0] ? String(signers[0].id) : null);
  const issue = useMutation({
    mutationFn: () => issueRequestLetter(round.id, { signerId: Number(signerId), issuedOn }),
    onSuccess: (answer) => {
      notifySuccess(`Đã ban hành công văn số ${answer.requestLetter?.notation ?? ''}.`);
      void queryClient.invalidateQueries({ queryKey: roundKeys.all });
    },
  });
  const fields = serverFieldErrors(issue.error);
  const base = `/api/rounds/${round.id}/request-letter`;

  if (!issued && !round.canManage) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="letter-heading">
      <Stack gap="sm">
        <Title order={2} fz={18} id="letter-heading">
          Công văn đề nghị báo cáo
        </Title>
        {issued ? (
          <Group gap="md">
            <Text>
              Số <b>{issued.notation}</b> ngày {formatDate(issued.issuedOn)}
            </Text>
            <Anchor href={`${base}.docx`}>Tải DOCX</Anchor>
            <Anchor href={`${base}.pdf`}>Tải PDF</Anchor>
            <Button variant="subtle" size="compact-sm" onClick={() => setShowPreview((v) => !v)}>
              {showPreview ? 'Ẩn nội dung' : 'Xem nội dung'}
            </Button>
          </Group>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              Đơn vị nhận báo cáo có thể ban hành công văn thông báo đợt báo cáo này: hệ thống soạn sẵn nội
              dung (đề cương, thời gian chốt số liệu, thời hạn, hướng dẫn) và cấp số từ sổ văn bản đi.
            </Text>
            <Group align="flex-end" gap="sm">
              <Select
                label="Người ký"
                data={signers.map((s) => ({ value: String(s.id), label: `${s.fullName} – ${s.title}` }))}
                value={signerId}
                onChange={setSigner}
                allowDeselect={false}
                placeholder={preview.isPending ? 'Đang tải…' : 'Chưa có người ký'}
                error={fields.signerId}
                miw={260}
              />
              <DateField
                label="Ngày ban hành"
                value={issuedOn}
                maxDate={todayInVietnam()}
                onChange={setIssuedOn}
                error={fields.issuedOn}
              />
              <Button onClick={() => issue.mutate()} loading={issue.isPending} disabled={!signerId}>
                Ban hành công văn
              </Button>
              <Button variant="subtle" onClick={() => setShowPreview((v) => !v)}>
                {showPreview ? 'Ẩn bản xem trước' : 'Xem trước'}
              </Button>
              <Anchor href={`${base}.docx`}>Tải bản nháp DOCX</Anchor>
            </Group>
            {issue.error && Object.keys(fields).length === 0 && (
              <Alert color="red" role="alert">
                {errorText(issue.error).message}
              </Alert>
            )}
          </>
        )}
        {preview.isError && <ErrorAlert error={preview.error} onRetry={() => preview.refetch()} />}
        {showPreview && preview.data && (
          <Suspense fallback={<Loader size="sm" />}>
            <DocumentView doc={preview.data.document} />
          </Suspense>
        )}
      </Stack>
    </Card>
  );
}
