import { describe, expect, it } from 'vitest';
import { draftReport } from './drafting/draft.js';
import { content, FIXTURE_OUTLINE } from './drafting/fixtures.test-support.js';
import { REPORT_FORMAT, reportContentSchema, reportJsonSchema } from './report-json.js';

describe('report content: countries', () => {
  it('stores another complete name of a country under its official name', () => {
    const content = reportContentSchema.parse({
      values: {
        'workers.abroad': {
          total: 4,
          parts: [
            { key: 'Korea', value: 1 },
            { key: 'han quoc', value: 1 },
            { key: 'Đài Loan', value: 2 },
          ],
        },
      },
    });
    expect(content.values['workers.abroad']).toEqual({
      total: 4,
      parts: [
        { key: 'Hàn Quốc', value: 1 },
        { key: 'Hàn Quốc', value: 1 },
        { key: 'Đài Loan (Trung Quốc)', value: 2 },
      ],
    });
  });

  it('imports an old report file with aliases, and keeps an unknown name as typed for the checks', () => {
    const file = reportJsonSchema.parse({
      format: REPORT_FORMAT,
      unit: { code: '18562', name: 'Xã Thạch Hà' },
      outline: { code: 'commune-report' },
      period: { kind: 'half1', year: 2026 },
      values: {
        'foreigners.resident': {
          total: 3,
          parts: [
            { key: 'Myanmar', value: 1 },
            { key: 'Hàn', value: 2 },
          ],
        },
      },
    });
    expect(file.values['foreigners.resident']).toEqual({
      total: 3,
      parts: [
        { key: 'Mi-an-ma', value: 1 },
        { key: 'Hàn', value: 2 },
      ],
    });
  });
});

describe('drafting from content with other spellings of countries', () => {
  it('prints the official names', () => {
    const drafted = draftReport({
      outline: FIXTURE_OUTLINE,
      content: content({
        values: {
          'labour.sent': {
            total: 3,
            parts: [
              { key: 'Taiwan', value: 2 },
              { key: 'malaysia', value: 1 },
            ],
          },
        },
      }),
      period: { kind: 'half1', year: 2026, index: 0 },
      unit: { name: 'xã Lạc Phượng', kind: 'commune' },
    });
    const text = JSON.stringify(drafted);
    expect(text).toContain('02 lao động tại thị trường Đài Loan (Trung Quốc)');
    expect(text).toContain('01 lao động tại thị trường Ma-lai-xi-a');
    expect(text).not.toContain('Taiwan');
  });
});
