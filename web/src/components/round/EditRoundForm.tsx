import type { RoundDetail, UpdateRoundBody } from '@domain/api-rounds';
import { roundDeadline } from '@domain/rounds';
import { NumberInput, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { roundKeys, updateRound } from '../../api/rounds';
import { formatDate } from '../../lib/format';
import { serverFieldErrors } from '../../lib/forms';
import { FormModal } from '../FormModal';
import { UnitChecklist, useProvinceMembers } from './UnitChecklist';

/** Changes a round: name, guidance, deadline days, reminders, and the units (a report made stays). */
export function EditRoundForm({ round, onClose }: { round: RoundDetail; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(round.name);
  const [guidance, setGuidance] = useState(round.guidance);
  const [days, setDays] = useState<number | string>(round.deadlineDays);
  const [remind, setRemind] = useState<number | string>(round.remindDays);
  const current = new Set(round.units.map((u) => u.unit.id));
  const [selected, setSelected] = useState<Set<number>>(current);
  const members = useProvinceMembers(round.unit.code.split('.')[0] ?? null);
  let deadline: string | null = null;
  let deadlineError: string | undefined;
  try {
    deadline = typeof days === 'number' ? roundDeadline(round.window, days) : null;
  } catch (error) {
    deadlineError = error instanceof Error ? error.message : String(error);
  }
  const save = useMutation({
    mutationFn: (body: UpdateRoundBody) => updateRound(round.id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: roundKeys.all });
      onClose();
    },
  });
  const fields = serverFieldErrors(save.error);
  const submit = () => {
    if (deadlineError || selected.size === 0) return;
    save.mutate({
      name,
      guidance,
      deadlineDays: Number(days),
      remindDays: Number(remind),
      addUnitIds: [...selected].filter((id) => !current.has(id)),
      removeUnitIds: [...current].filter((id) => !selected.has(id)),
    });
  };
  return (
    <FormModal
      title="Sửa đợt báo cáo"
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
      size="xl"
    >
      <TextInput
        label="Tên đợt báo cáo"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={fields.name}
      />
      <NumberInput
        label="Thời hạn: số ngày làm việc sau ngày chốt số liệu"
        min={1}
        max={60}
        value={days}
        onChange={setDays}
        error={deadlineError ?? fields.deadlineDays}
        description={deadline ? `Hạn gửi báo cáo: ${formatDate(deadline)}` : undefined}
      />
      <NumberInput
        label="Nhắc trước hạn (ngày)"
        min={0}
        max={30}
        value={remind}
        onChange={setRemind}
        error={fields.remindDays}
      />
      <Textarea
        label="Hướng dẫn cho đơn vị báo cáo"
        autosize
        minRows={2}
        maxRows={8}
        value={guidance}
        onChange={(e) => setGuidance(e.currentTarget.value)}
      />
      {members.data && (
        <UnitChecklist
          units={members.data}
          selected={selected}
          onChange={setSelected}
          excludeId={round.unit.id}
          error={
            selected.size === 0
              ? 'Đợt báo cáo phải còn ít nhất một đơn vị báo cáo.'
              : (fields.addUnitIds ?? fields.removeUnitIds)
          }
        />
      )}
    </FormModal>
  );
}
