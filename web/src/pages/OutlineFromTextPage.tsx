import type { ParseOutlineResponse } from '@domain/api-outlines';
import type { DocumentKind } from '@domain/outline';
import { withoutIndicators } from '@domain/outlines/from-text';
import { numberOutline } from '@domain/outlines/numbering';
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  List,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { createOutline, outlineKeys, parseOutline, updateOutline, useOutlines } from '../api/outlines';
import { useMe } from '../api/session';
import { outlineOwnerUnits } from '../components/outline/owners';
import { serverFieldErrors, useFormState } from '../lib/forms';
import { errorText, notifySuccess } from '../lib/notify';

/** The server's limit (src/documents/outline-source.ts): checked here before a large file is sent. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

const STYLE_LABEL: Record<string, string> = {
  roman: 'I., II.',
  arabic: '1., 2.',
  dotted: '1.1., 1.2.',
  letter: 'a), b)',
  dash: '-',
  none: 'không số',
};

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('Không đọc được tệp đã chọn.'));
    reader.readAsDataURL(file);
  });
}

/** The parse refusals: the message and, when there are several, each line to fix. */
function ParseProblems({ error }: { error: unknown }) {
  const { message } = errorText(error);
  const lines =
    error instanceof ApiError && error.fields.length > 1 ? error.fields.map((f) => f.message) : [];
  return (
    <Alert color="red" title="Chưa tạo được đề cương" role="alert">
      <Text size="sm">{message}</Text>
      {lines.length > 0 && (
        <List size="sm" mt="xs">
          {lines.map((l) => (
            <List.Item key={l}>{l}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** The proposed tree: headings with their numbers, guidance, and the proposed indicators to keep or remove. */
function ProposedTree({
  result,
  removed,
  toggle,
}: {
  result: ParseOutlineResponse;
  removed: ReadonlySet<string>;
  toggle: (code: string, keep: boolean) => void;
}) {
  const numbered = numberOutline(result.definition);
  return (
    <Stack gap={6}>
      {numbered.map((s) => {
        const proposals = result.proposals.filter((p) => p.sectionKey === s.key);
        const hint = s.section.children.find((c) => c.kind === 'narrative')?.hint;
        return (
          <div key={s.key} style={{ paddingLeft: (s.level - 1) * 24 }}>
            <Text fw={s.level === 1 ? 700 : 500} size="sm" data-testid="proposed-heading">
              {`${s.number} ${s.title}`.trim()}
            </Text>
            {hint && (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {hint}
              </Text>
            )}
            {proposals.length > 0 && (
              <Stack gap={2} mt={4} ml="sm">
                {proposals.map((p) => (
                  <Checkbox
                    key={p.code}
                    size="xs"
                    checked={!removed.has(p.code)}
                    onChange={(e) => toggle(p.code, e.currentTarget.checked)}
                    label={p.label}
                    description={`Chỉ tiêu ${p.code} · khớp "${p.matched}"`}
                  />
                ))}
              </Stack>
            )}
          </div>
        );
      })}
    </Stack>
  );
}

/** /de-cuong/moi — a province's đề cương (pasted or uploaded) made into an outline of the unit. */
export default function OutlineFromTextPage() {
  const me = useMe().data;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const owners = outlineOwnerUnits(me?.grants ?? []);
  const [mode, setMode] = useState<'text' | 'file'>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [kind, setKind] = useState<DocumentKind>('report');
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const { values, set, errors, setErrors } = useFormState({ name: '', code: '', ownerUnitId: '' });
  /** "new", or the id of an outline of the user's units to save as its next version. */
  const [target, setTarget] = useState('new');
  const editable = (useOutlines({ documentKind: kind }).data?.items ?? []).filter(
    (o) => o.canEdit && o.current,
  );
  const targetRow = editable.find((o) => String(o.id) === target);

  const parse = useMutation({
    mutationFn: async () => {
      if (mode === 'file') {
        if (!file) throw new Error('Hãy chọn tệp đề cương (DOCX, PDF hoặc .txt).');
        return parseOutline({
          file: { name: file.name, contentBase64: await readAsBase64(file) },
          documentKind: kind,
        });
      }
      return parseOutline({ text, documentKind: kind });
    },
    onSuccess: () => setRemoved(new Set()),
  });
  const result = parse.data;
  const confirmed = useMemo(
    () => (result ? withoutIndicators(result.definition, removed) : null),
    [result, removed],
  );
  const save = useMutation({
    mutationFn: () => {
      if (!confirmed) throw new Error('Hãy phân tích đề cương trước.');
      if (targetRow) {
        // A new version of an outline: reports already made keep the version they were made with.
        return updateOutline(targetRow.id, {
          definition: { ...confirmed, code: targetRow.code, name: targetRow.name },
          baseVersion: targetRow.version,
        });
      }
      return createOutline({
        code: values.code,
        name: values.name,
        ownerUnitId: Number(values.ownerUnitId || owners[0]?.value),
        definition: confirmed,
        source: mode === 'file' && file ? `file:${file.name}` : 'text',
      });
    },
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: outlineKeys.all });
      notifySuccess(`Đã lưu đề cương "${created.name}".`);
      navigate(`/de-cuong/${created.id}`);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  if (me && !me.abilities.manageOutlines) {
    return (
      <Alert color="yellow" title="Không có quyền" maw={640}>
        Chỉ quản trị hệ thống và cán bộ, lãnh đạo cấp tỉnh (đơn vị nhận báo cáo) mới tạo đề cương.
      </Alert>
    );
  }
  const chooseFile = (f: File | null) => {
    setFile(f);
    setFileError(
      f && f.size > MAX_FILE_BYTES
        ? `Tệp "${f.name}" có dung lượng ${(f.size / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB, vượt giới hạn 5 MB của một tệp đề cương.`
        : null,
    );
  };
  const kept = result ? result.proposals.filter((p) => !removed.has(p.code)).length : 0;

  return (
    <Stack gap="md" maw={1100}>
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/de-cuong" size="sm">
          Đề cương
        </Anchor>
        <Text size="sm">Tạo từ văn bản đề cương</Text>
      </Breadcrumbs>
      <Title order={1} fz={{ base: 21, sm: 26 }}>
        Tạo đề cương từ văn bản đề cương của tỉnh
      </Title>
      <Text size="sm" c="dimmed">
        Dán nội dung đề cương hoặc tải tệp DOCX, PDF lên. Hệ thống giữ nguyên tên các mục và cách đánh số (I.,
        1., 1.1., a), -), đề xuất chỉ tiêu cho từng mục; bạn giữ hoặc bỏ từng chỉ tiêu rồi lưu.
      </Text>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Group>
            <SegmentedControl
              value={mode}
              onChange={(v) => setMode(v === 'file' ? 'file' : 'text')}
              data={[
                { value: 'text', label: 'Dán nội dung' },
                { value: 'file', label: 'Tải tệp lên' },
              ]}
            />
            <Select
              aria-label="Loại văn bản"
              data={[
                { value: 'report', label: 'Báo cáo' },
                { value: 'plan', label: 'Kế hoạch' },
              ]}
              value={kind}
              onChange={(v) => setKind(v === 'plan' ? 'plan' : 'report')}
              allowDeselect={false}
              w={140}
            />
          </Group>
          {mode === 'text' ? (
            <Textarea
              label="Nội dung đề cương"
              placeholder={'I. KẾT QUẢ ĐẠT ĐƯỢC\n1. Công tác quản lý đoàn ra, đoàn vào\n…'}
              autosize
              minRows={8}
              maxRows={24}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
          ) : (
            <FileInput
              label="Tệp đề cương"
              description="DOCX, PDF hoặc .txt, tối đa 5 MB."
              accept=".docx,.pdf,.txt"
              value={file}
              onChange={chooseFile}
              error={fileError}
              clearable
            />
          )}
          <Group>
            <Button
              onClick={() => parse.mutate()}
              loading={parse.isPending}
              disabled={mode === 'file' ? !file || fileError !== null : !text.trim()}
            >
              Phân tích đề cương
            </Button>
          </Group>
          {parse.isError && <ParseProblems error={parse.error} />}
        </Stack>
      </Card>
      {result && confirmed && (
        <>
          <Card withBorder padding="md">
            <Group justify="space-between" mb="sm">
              <Text fw={600}>Các mục của đề cương</Text>
              <Text size="sm" c="dimmed">
                Đánh số: {result.numbering.map((n) => STYLE_LABEL[n] ?? n).join(' / ')} · giữ {kept}/
                {result.proposals.length} chỉ tiêu đề xuất
              </Text>
            </Group>
            <ProposedTree
              result={result}
              removed={removed}
              toggle={(code, keep) =>
                setRemoved((prev) => {
                  const next = new Set(prev);
                  if (keep) next.delete(code);
                  else next.add(code);
                  return next;
                })
              }
            />
          </Card>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Select
                label="Lưu thành"
                data={[
                  { value: 'new', label: 'Đề cương mới' },
                  ...editable.map((o) => ({
                    value: String(o.id),
                    label: `Phiên bản mới của "${o.name}" (đang là phiên bản ${o.version})`,
                  })),
                ]}
                value={target}
                onChange={(v) => setTarget(v ?? 'new')}
                allowDeselect={false}
              />
              {targetRow ? (
                <Text size="sm" c="dimmed">
                  Các báo cáo đã lập theo phiên bản {targetRow.version} giữ nguyên phiên bản của mình; báo cáo
                  lập sau dùng phiên bản mới.
                </Text>
              ) : (
                <>
                  <TextInput
                    label="Tên đề cương"
                    value={values.name}
                    onChange={(e) => set('name', e.currentTarget.value)}
                    error={errors.name}
                    required
                  />
                  <TextInput
                    label="Mã đề cương"
                    description="Chữ thường không dấu, số và dấu gạch ngang (ví dụ: de-cuong-ha-tinh-2026)."
                    value={values.code}
                    onChange={(e) => set('code', e.currentTarget.value)}
                    error={errors.code}
                    required
                  />
                  <Select
                    label="Đơn vị sở hữu"
                    data={owners}
                    value={values.ownerUnitId || owners[0]?.value || null}
                    onChange={(v) => set('ownerUnitId', v ?? '')}
                    error={errors.ownerUnitId}
                    allowDeselect={false}
                  />
                </>
              )}
              {save.isError && (
                <Alert color="red" role="alert">
                  {errorText(save.error).message}
                </Alert>
              )}
              <Group>
                <Button onClick={() => save.mutate()} loading={save.isPending}>
                  Lưu đề cương
                </Button>
              </Group>
            </Stack>
          </Card>
        </>
      )}
    </Stack>
  );
}
