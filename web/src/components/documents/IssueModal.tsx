/** "Ban hành": a leader chooses the signer and the date; the server gives the number. */
import type { ReportView } from '@domain/api-reports';
import { formatDateShort, todayInVietnam } from '@domain/periods';
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { issueReport, previewKey, useUnitSigners } from '../../api/documents';
import { errorText } from '../../lib/notify';
import { DateField } from '../DateField';

interface Props {
  reportId: number;
  unitId: number;
  opened: boolean;
  onClose: () => void;
  onIssued?: (result: ReportView) => void;
  /** Whom the issued report goes to (the document's "Kính gửi"), said before the leader confirms. */
  sendsTo?: readonly string[];
  /** The signer the document shows (by issuer and addressee): chosen first when among the signers. */
  proposedName?: string;
}

export function IssueModal({ reportId, unitId, opened, onClose, onIssued, sendsTo, proposedName }: Props) {
  const queryClient = useQueryClient();
  const signers = useUnitSigners(unitId, opened);
  const [signerId, setSignerId] = useState<string | null>(null);
  const [issuedOn, setIssuedOn] = useState(todayInVietnam());
  const [result, setResult] = useState<ReportView | null>(null);
  const defaultSigner =
    signers.data?.find((s) => proposedName && s.fullName === proposedName) ??
    signers.data?.find((s) => s.isDefault) ??
    signers.data?.[0];
  const chosen = signerId ?? (defaultSigner ? String(defaultSigner.id) : null);
  const chosenSigner = signers.data?.find((s) => String(s.id) === chosen);

  const issuing = useMutation({
    mutationFn: () => {
      if (!chosen) throw new ApiError(400, null, 'Chưa chọn người ký.');
      return issueReport(reportId, { signerId: Number(chosen), issuedOn });
    },
    onSuccess: (data) => {
      setResult(data);
      queryClient.invalidateQueries({ queryKey: previewKey(reportId) });
      queryClient.invalidateQueries({ queryKey: ['register'] });
      onIssued?.(data);
    },
  });

  const close = () => {
    issuing.reset();
    setResult(null);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Ban hành văn bản" centered>
      {result ? (
        <Stack gap="sm">
          <Alert color="green" title="Đã ban hành">
            <Text size="sm">
              Văn bản được cấp số <b>{result.report.notation}</b> ngày{' '}
              {formatDateShort(result.report.issuedOn ?? issuedOn)}, người ký {result.document.signature.name}
              .
            </Text>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>Đóng</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            Hệ thống cấp số tiếp theo trong sổ văn bản đi của năm ban hành và khóa nội dung văn bản.{' '}
            {sendsTo && sendsTo.length > 0
              ? `Báo cáo được gửi ngay đến ${sendsTo.join(', ')}.`
              : 'Báo cáo được gửi ngay lên cấp trên.'}{' '}
            Sau khi ban hành, báo cáo không sửa được nữa.
          </Text>
          <Select
            label="Người ký"
            placeholder={signers.isPending ? 'Đang tải…' : 'Chọn người ký'}
            data={(signers.data ?? []).map((s) => ({
              value: String(s.id),
              label: `${s.fullName} — ${s.lines.join(' / ')}`,
            }))}
            value={chosen}
            onChange={setSignerId}
            allowDeselect={false}
            required
            comboboxProps={{ width: 'target' }}
            renderOption={({ option }) => (
              <Text size="sm" style={{ whiteSpace: 'normal' }}>
                {option.label}
              </Text>
            )}
            error={
              issuing.error instanceof ApiError
                ? issuing.error.fields.find((f) => f.path === 'signerId')?.message
                : undefined
            }
          />
          {chosenSigner && (
            // The signature block as it prints, whole (a select cuts long titles).
            <Text size="sm" c="dimmed" data-signer-block>
              {chosenSigner.lines.join(' / ')} — {chosenSigner.fullName}
            </Text>
          )}
          {signers.data?.length === 0 && (
            <Alert color="yellow">Đơn vị chưa có người ký. Quản trị viên thêm người ký ở trang đơn vị.</Alert>
          )}
          <DateField
            label="Ngày ban hành"
            value={issuedOn}
            maxDate={todayInVietnam()}
            onChange={setIssuedOn}
            required
          />
          {issuing.isError && (
            <Alert color="red" title="Chưa ban hành được" role="alert">
              <Text size="sm">{errorText(issuing.error).message}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Hủy
            </Button>
            <Button
              onClick={() => issuing.mutate()}
              loading={issuing.isPending}
              disabled={!chosen || !issuedOn}
            >
              Xác nhận ban hành
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
