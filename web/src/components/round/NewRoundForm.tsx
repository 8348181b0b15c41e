import type { CreateRoundBody, RoundLetterIn } from '@domain/api-rounds';
import { periodsContaining, todayInVietnam } from '@domain/periods';
import {
  defaultRoundName,
  frequencyFits,
  frequencyOfPeriod,
  NATIONAL_ROUND_OUTLINE_CODE,
  ROUND_FREQUENCIES,
  ROUND_FREQUENCY_LABELS,
  type RoundFrequency,
  roundDeadline,
} from '@domain/rounds';
import { COUNTRY_CODE } from '@domain/units';
import { Checkbox, Group, NumberInput, Radio, Select, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useOutlines } from '../../api/outlines';
import { createRound, roundKeys } from '../../api/rounds';
import { formatDate } from '../../lib/format';
import { serverFieldErrors } from '../../lib/forms';
import { DateField } from '../DateField';
import { FormModal } from '../FormModal';
import { PeriodFields, type PeriodForm, readPeriod } from '../report/PeriodFields';
import { defaultMembers, UnitChecklist, useProvinceMembers } from './UnitChecklist';

export interface ReceivingUnit {
  id: number;
  name: string;
  code: string;
}

/** A round may be opened ahead of its period: no "not started yet" refusal here. */
const NEVER_FUTURE = '9999-12-31';

function defaultPeriod(): PeriodForm {
  const half = periodsContaining(todayInVietnam()).find((p) => p.kind === 'half1' || p.kind === 'half2');
  return {
    kind: half?.kind ?? 'year',
    year: String(half?.year ?? Number(todayInVietnam().slice(0, 4))),
    index: '1',
    start: '',
    end: '',
    override: false,
    windowStart: '',
    windowEnd: '',
  };
}

const EMPTY_LETTER: RoundLetterIn = { number: '', date: '', issuer: '', kind: 'answers' };

/** The live deadline, or why there is none. */
function deadlineOf(window: { start: string; end: string } | null, days: number | string) {
  if (!window || typeof days !== 'number') return { date: null, error: undefined };
  try {
    return { date: roundDeadline(window, days), error: undefined };
  } catch (error) {
    return { date: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** "Mở đợt báo cáo": outline, period and window, deadline, frequency, guidance, letter, units. */
export function NewRoundForm({ receiving, onClose }: { receiving: ReceivingUnit[]; onClose: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const outlines = useOutlines({ documentKind: 'report' });
  const [unitId, setUnitId] = useState<string | null>(receiving[0] ? String(receiving[0].id) : null);
  const [outlineChoice, setOutlineChoice] = useState<string | null>(null);
  const [period, setPeriod] = useState<PeriodForm>(defaultPeriod);
  const [name, setName] = useState<string | null>(null);
  const [days, setDays] = useState<number | string>(3);
  const [frequency, setFrequency] = useState<RoundFrequency | null>(null);
  const [guidance, setGuidance] = useState('');
  const [hasLetter, setHasLetter] = useState(false);
  const [letter, setLetter] = useState<RoundLetterIn>(EMPTY_LETTER);
  const [selected, setSelected] = useState<Set<number> | null>(null);
  const [showErrors, setShowErrors] = useState(false);

  const unit = receiving.find((u) => String(u.id) === unitId);
  const provinceCode = unit ? (unit.code.split('.')[0] ?? null) : null;
  const members = useProvinceMembers(provinceCode);
  // Default: every commune of the province (the ministry: every province), until the officer
  // changes the list.
  useEffect(() => {
    if (members.data && selected === null) setSelected(new Set(defaultMembers(members.data)));
  }, [members.data, selected]);

  const outlineOptions = (outlines.data?.items ?? []).map((o) => ({
    value: String(o.id),
    label: `${o.name} (phiên bản ${o.version})`,
  }));
  const preferredCode = unit?.code === COUNTRY_CODE ? NATIONAL_ROUND_OUTLINE_CODE : 'commune-report';
  const preferred = outlines.data?.items.find((o) => o.code === preferredCode);
  const outlineId = outlineChoice ?? (preferred ? String(preferred.id) : (outlineOptions[0]?.value ?? null));
  const result = useMemo(() => readPeriod(period, NEVER_FUTURE), [period]);
  const freq = frequency ?? (result.period ? frequencyOfPeriod(result.period) : 'once');
  const deadline = deadlineOf(result.window, days);
  const shownName = name ?? (result.period ? defaultRoundName(result.period) : '');

  const create = useMutation({
    mutationFn: (body: CreateRoundBody) => createRound(body),
    onSuccess: (round) => {
      void queryClient.invalidateQueries({ queryKey: roundKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
      navigate(`/dot-bao-cao/${round.id}`);
    },
  });
  const server = serverFieldErrors(create.error);

  const submit = () => {
    setShowErrors(true);
    if (!unitId || !outlineId || !result.period || !result.window || !deadline.date || !selected?.size)
      return;
    const body: CreateRoundBody = {
      unitId: Number(unitId),
      outlineId: Number(outlineId),
      period: result.period,
      name: shownName,
      deadlineDays: Number(days),
      frequency: freq,
      guidance,
      unitIds: [...selected],
      letter: hasLetter ? letter : null,
    };
    if (period.override) body.window = result.window;
    create.mutate(body);
  };

  return (
    <FormModal
      title="Mở đợt báo cáo"
      onClose={onClose}
      onSubmit={submit}
      pending={create.isPending}
      error={create.error}
      submitLabel="Mở đợt báo cáo"
      size="xl"
    >
      {receiving.length > 1 && (
        <Select
          label="Đơn vị nhận báo cáo"
          data={receiving.map((u) => ({ value: String(u.id), label: u.name }))}
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            setSelected(null);
          }}
          allowDeselect={false}
        />
      )}
      <Select
        label="Đề cương"
        data={outlineOptions}
        value={outlineId}
        onChange={setOutlineChoice}
        allowDeselect={false}
        placeholder={outlines.isPending ? 'Đang tải…' : 'Chọn đề cương'}
        error={server.outlineId}
      />
      <PeriodFields
        form={period}
        onChange={setPeriod}
        result={{ ...result, errors: showErrors || result.errors.kind ? result.errors : {} }}
      />
      <TextInput
        label="Tên đợt báo cáo"
        value={shownName}
        onChange={(e) => setName(e.currentTarget.value)}
        error={server.name}
      />
      <Group grow align="flex-start">
        <NumberInput
          label="Thời hạn: số ngày làm việc sau ngày chốt số liệu"
          min={1}
          max={60}
          value={days}
          onChange={setDays}
          error={deadline.error ?? server.deadlineDays}
          description={deadline.date ? `Hạn gửi báo cáo: ${formatDate(deadline.date)}` : undefined}
        />
        <Select
          label="Tần suất"
          data={ROUND_FREQUENCIES.filter((f) => !result.period || frequencyFits(f, result.period)).map(
            (f) => ({
              value: f,
              label: ROUND_FREQUENCY_LABELS[f],
            }),
          )}
          value={freq}
          onChange={(v) => v && setFrequency(v as RoundFrequency)}
          allowDeselect={false}
          description={freq === 'once' ? undefined : 'Đợt kỳ sau được tạo tự động khi kỳ đó bắt đầu.'}
        />
      </Group>
      <Textarea
        label="Hướng dẫn cho đơn vị báo cáo"
        autosize
        minRows={2}
        maxRows={8}
        value={guidance}
        onChange={(e) => setGuidance(e.currentTarget.value)}
        error={server.guidance}
      />
      <Checkbox
        label="Đợt báo cáo thực hiện hoặc được thông báo bằng một công văn"
        checked={hasLetter}
        onChange={(e) => setHasLetter(e.currentTarget.checked)}
      />
      {hasLetter && (
        <>
          <Group grow align="flex-start">
            <TextInput
              label="Số, ký hiệu"
              placeholder="5930/UBND-NgV"
              value={letter.number}
              onChange={(e) => setLetter({ ...letter, number: e.currentTarget.value })}
              error={server['letter.number']}
            />
            <DateField
              label="Ngày"
              value={letter.date}
              onChange={(date) => setLetter({ ...letter, date })}
              error={server['letter.date']}
            />
          </Group>
          <TextInput
            label="Cơ quan, người ban hành"
            placeholder="Chủ tịch UBND tỉnh"
            value={letter.issuer}
            onChange={(e) => setLetter({ ...letter, issuer: e.currentTarget.value })}
            error={server['letter.issuer']}
          />
          <Radio.Group
            value={letter.kind}
            onChange={(v) => setLetter({ ...letter, kind: v as RoundLetterIn['kind'] })}
          >
            <Group gap="md">
              <Radio value="answers" label="Đợt báo cáo thực hiện công văn này (của cấp trên)" />
              <Radio value="announced" label="Công văn thông báo đợt báo cáo" />
            </Group>
          </Radio.Group>
        </>
      )}
      {members.isPending && provinceCode && <Text size="sm">Đang tải danh sách đơn vị…</Text>}
      {members.data && selected && (
        <UnitChecklist
          units={members.data}
          selected={selected}
          onChange={setSelected}
          excludeId={unit?.id ?? null}
          error={
            (showErrors && selected.size === 0 ? 'Cần chọn ít nhất một đơn vị báo cáo.' : undefined) ??
            server.unitIds
          }
        />
      )}
    </FormModal>
  );
}
