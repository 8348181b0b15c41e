import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, isWorkingDay } from '../domain/holidays.js';
import { ConfigError, loadConfig } from './config.js';

function file(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-holidays-'));
  const name = path.join(dir, 'ngay-nghi.txt');
  writeFileSync(name, text);
  return name;
}

describe('HOLIDAYS_FILE', () => {
  it('uses the built-in tables without it', () => {
    expect(loadConfig({}).holidays).toBe(DEFAULT_CALENDAR);
  });
  it('lets the file replace the years it lists', () => {
    const holidays = loadConfig({
      HOLIDAYS_FILE: file('# 2027 as decided\n2027-02-03 Tết\n2027-02-20 làm bù\n'),
    }).holidays;
    expect(holidays && isWorkingDay('2027-02-03', holidays)).toBe(false);
    expect(holidays && isWorkingDay('2027-02-11', holidays)).toBe(true);
    expect(holidays && isWorkingDay('2027-02-20', holidays)).toBe(true);
    expect(holidays && isWorkingDay('2026-02-18', holidays)).toBe(false);
  });
  it('stops with a Vietnamese message naming the line of a bad date or a missing file', () => {
    expect(() => loadConfig({ HOLIDAYS_FILE: file('2027-01-01\n2027-13-01\n') })).toThrow(ConfigError);
    expect(() => loadConfig({ HOLIDAYS_FILE: file('2027-01-01\n2027-13-01\n') })).toThrow(
      /HOLIDAYS_FILE: .*Dòng 2/,
    );
    expect(() => loadConfig({ HOLIDAYS_FILE: '/nonexistent/ngay-nghi.txt' })).toThrow(
      /HOLIDAYS_FILE: không đọc được tệp danh sách ngày nghỉ lễ/,
    );
  });
});
