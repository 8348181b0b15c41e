/**
 * The holiday calendar of this installation: the built-in tables, with the years listed in the file
 * named by HOLIDAYS_FILE replacing theirs (the Government fixes the exact days each year).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../domain/errors.js';
import { DEFAULT_CALENDAR, type HolidayCalendar, parseHolidayList } from '../domain/holidays.js';

/** Reads and checks the holiday file; throws an Error with a Vietnamese message when it cannot. */
export function readHolidayFile(file: string | undefined): HolidayCalendar {
  if (!file) return DEFAULT_CALENDAR;
  const resolved = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(resolved, 'utf8');
  } catch {
    throw new Error(`không đọc được tệp danh sách ngày nghỉ lễ "${resolved}".`);
  }
  try {
    return parseHolidayList(text);
  } catch (error) {
    if (error instanceof AppError) throw new Error(`tệp "${resolved}": ${error.message}`);
    throw error;
  }
}
