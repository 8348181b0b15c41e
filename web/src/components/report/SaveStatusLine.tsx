import { Text } from '@mantine/core';
import type { SaveStatus } from './useReportDraft';

/** "10:42" in Vietnam's time (UTC+7), whatever the device's time zone. */
export function clock(at: number): string {
  return new Date(at + 7 * 3600_000).toISOString().slice(11, 16);
}

/** "Đã lưu lúc 10:42" / "Đang lưu…" / "Chưa lưu được — sẽ thử lại". */
export function SaveStatusLine({ status, editable }: { status: SaveStatus; editable: boolean }) {
  if (!editable) return null;
  let text: string;
  let color = 'dimmed';
  switch (status.kind) {
    case 'saved':
      text = status.at === null ? 'Đã lưu' : `Đã lưu lúc ${clock(status.at)}`;
      color = 'teal.8';
      break;
    case 'dirty':
      text = 'Có thay đổi chưa lưu';
      break;
    case 'saving':
      text = 'Đang lưu…';
      break;
    case 'retrying':
      text = 'Chưa lưu được — sẽ thử lại. Các thay đổi vẫn được giữ trên máy này.';
      color = 'orange.8';
      break;
    case 'failed':
      text = `Chưa lưu được: ${status.message}`;
      color = 'red.7';
      break;
    case 'conflict':
      text = 'Chưa lưu: báo cáo vừa được người khác lưu.';
      color = 'red.7';
      break;
  }
  return (
    <Text size="sm" c={color} role="status" aria-live="polite" data-save-status={status.kind}>
      {text}
    </Text>
  );
}
