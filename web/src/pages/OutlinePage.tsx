import type { OutlineDetail } from '@domain/api-reports';
import type { Outline, Section } from '@domain/outline';
import { addIndicator, moveSection, removeNode, renameSection } from '@domain/outlines/edit';
import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { outlineKeys, updateOutline, useOutline } from '../api/outlines';
import { useMe } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { CloneForm } from '../components/outline/CloneForm';
import { IndicatorForm } from '../components/outline/IndicatorForm';
import { OutlineTree, type TreeActions } from '../components/outline/OutlineTree';
import { formatDate } from '../lib/format';
import { notifyError, notifySuccess } from '../lib/notify';

/** A pure edit that may refuse (AppError with a Vietnamese message): shown, never thrown further. */
function attempt(edit: () => Outline, onError: (message: string) => void): Outline | null {
  try {
    return edit();
  } catch (error) {
    onError(error instanceof Error ? error.message : 'Không thực hiện được thay đổi.');
    return null;
  }
}

function Editor({ detail }: { detail: OutlineDetail }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [outline, setOutline] = useState<Outline>(detail.definition);
  const [adding, setAdding] = useState<Section | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const changed = JSON.stringify(outline) !== JSON.stringify(detail.definition);
  const apply = (edit: (o: Outline) => Outline) => {
    const next = attempt(() => edit(outline), setProblem);
    if (next) {
      setProblem(null);
      setOutline(next);
    }
  };
  const actions: TreeActions = {
    rename: (key, title) => apply((o) => renameSection(o, key, title)),
    move: (key, to) => apply((o) => moveSection(o, key, to)),
    remove: (key, what) => {
      if (window.confirm(`Xóa "${what}" khỏi đề cương?`)) apply((o) => removeNode(o, key));
    },
    addIndicator: (section) => setAdding(section),
  };
  const save = useMutation({
    mutationFn: () => updateOutline(detail.id, { definition: outline, baseVersion: detail.version }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: outlineKeys.all });
      notifySuccess(`Đã lưu phiên bản ${saved.version}. Các báo cáo đã lập giữ phiên bản cũ.`);
      navigate(`/de-cuong/${saved.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.length > 0) {
        setProblem(error.fields.map((f) => `${f.path}: ${f.message}`).join(' · '));
      } else notifyError(error);
    },
  });
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz={18}>
            Sửa đề cương
          </Title>
          <Group gap="xs">
            <Button
              variant="default"
              size="sm"
              disabled={!changed}
              onClick={() => setOutline(detail.definition)}
            >
              Bỏ thay đổi
            </Button>
            <Button size="sm" disabled={!changed} loading={save.isPending} onClick={() => save.mutate()}>
              Lưu thành phiên bản {detail.version + 1}
            </Button>
          </Group>
        </Group>
        {detail.reportCount > 0 && (
          <Text size="sm" c="dimmed">
            {detail.reportCount} báo cáo đang dùng phiên bản {detail.version}; các báo cáo này giữ nguyên
            phiên bản của mình khi bạn lưu phiên bản mới.
          </Text>
        )}
        {problem && (
          <Alert
            color="red"
            role="alert"
            withCloseButton
            onClose={() => setProblem(null)}
            closeButtonLabel="Đóng"
          >
            {problem}
          </Alert>
        )}
        <OutlineTree outline={outline} actions={actions} />
      </Stack>
      {adding && (
        <IndicatorForm
          sectionTitle={adding.title}
          onClose={() => setAdding(null)}
          onAdd={(indicator) => {
            try {
              setOutline(addIndicator(outline, adding.key, indicator));
              return null;
            } catch (error) {
              const fields =
                error instanceof Error && 'fields' in error
                  ? (error.fields as { path: string; message: string }[])
                  : [];
              return Object.fromEntries(fields.map((f) => [f.path, f.message]));
            }
          }}
        />
      )}
    </Card>
  );
}

/** /de-cuong/:id — an outline's numbered tree; clone it, or edit a clone into a new version. */
export default function OutlinePage() {
  const id = Number(useParams().id);
  const me = useMe().data;
  const outline = useOutline(id);
  const [cloning, setCloning] = useState(false);
  if (me && !me.abilities.manageOutlines) {
    return (
      <Alert color="yellow" title="Không có quyền" maw={640}>
        Chỉ quản trị hệ thống và cán bộ, lãnh đạo cấp tỉnh (đơn vị nhận báo cáo) mới quản lý đề cương báo cáo.
      </Alert>
    );
  }
  if (outline.isError)
    return (
      <ErrorAlert title="Không mở được đề cương" error={outline.error} onRetry={() => outline.refetch()} />
    );
  if (outline.isPending) return <Skeleton h={400} maw={1100} />;
  const d = outline.data;
  const editable = !d.builtIn && d.canEdit && d.current;
  return (
    <Stack gap="md" maw={1100}>
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/de-cuong" size="sm">
          Đề cương
        </Anchor>
        <Text size="sm">{d.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} fz={{ base: 21, sm: 26 }}>
            {d.name}
          </Title>
          <Group gap="xs" mt={4}>
            <Badge variant="light" tt="none">
              Phiên bản {d.version}
            </Badge>
            {d.builtIn && (
              <Badge variant="light" color="gray" tt="none">
                Có sẵn
              </Badge>
            )}
            {!d.current && (
              <Badge variant="light" color="orange" tt="none">
                Đã có phiên bản mới hơn
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              Mã {d.code} · tạo ngày {formatDate(d.createdAt)}
              {d.ownerUnit && ` · ${d.ownerUnit.name}`}
            </Text>
          </Group>
        </div>
        <Button variant="light" onClick={() => setCloning(true)}>
          Nhân bản
        </Button>
      </Group>
      {d.versions.length > 1 && (
        <Group gap="xs">
          <Text size="sm">Các phiên bản:</Text>
          {d.versions.map((v) => (
            <Anchor
              key={v.id}
              component={Link}
              to={`/de-cuong/${v.id}`}
              size="sm"
              fw={v.id === d.id ? 700 : 400}
            >
              {v.version}
            </Anchor>
          ))}
        </Group>
      )}
      {editable ? (
        <Editor key={d.id} detail={d} />
      ) : (
        <Card withBorder padding="md">
          <Text size="sm" c="dimmed" mb="sm">
            {d.builtIn
              ? 'Đề cương có sẵn chỉ xem được. Bấm "Nhân bản" để tạo bản riêng rồi sửa.'
              : 'Chỉ xem: phiên bản này không sửa được.'}
          </Text>
          <OutlineTree outline={d.definition} actions={null} />
        </Card>
      )}
      {cloning && <CloneForm outline={d} onClose={() => setCloning(false)} />}
    </Stack>
  );
}
