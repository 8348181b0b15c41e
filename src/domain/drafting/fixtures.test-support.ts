/** Small outlines and contents for the drafting, composition and quality tests. */
import type { Indicator, Outline } from '../outline.js';
import { flow } from '../outlines/builtin/nodes.js';
import { type ReportContent, type ReportContentInput, reportContentSchema } from '../report-json.js';

function ind(code: string, unit: string, phrase: string, extra: Partial<Indicator> = {}): Indicator {
  return { ...flow(code, code, unit, phrase, { padSmall: true }), ...extra };
}

export const FIXTURE_OUTLINE: Outline = {
  code: 'fixture-report',
  version: 1,
  name: 'Đề cương thử',
  documentKind: 'report',
  subjectTemplate: 'Kết quả công tác đối ngoại {period} và phương hướng, nhiệm vụ {next}',
  sections: [
    {
      kind: 'section',
      key: 'background',
      title: 'Bối cảnh tình hình',
      children: [
        {
          kind: 'narrative',
          key: 'background.text',
          label: 'Bối cảnh',
          defaultText: 'Tình hình chính trị - xã hội cơ bản ổn định.',
        },
      ],
    },
    {
      kind: 'section',
      key: 'results',
      title: 'Kết quả triển khai công tác đối ngoại',
      children: [
        {
          kind: 'section',
          key: 'delegations',
          title: 'Công tác quản lý đoàn ra, đoàn vào',
          nilPhrase: 'đoàn ra, đoàn vào có yếu tố nước ngoài',
          children: [
            ind('delegations.in.count', 'đoàn', 'đoàn vào', { required: true }),
            ind('delegations.in.people', 'lượt', 'lượt người'),
            ind('delegations.out.count', 'đoàn', 'đoàn ra'),
          ],
        },
        {
          kind: 'section',
          key: 'foreigners',
          title: 'Công tác quản lý người nước ngoài',
          nilPhrase: 'vụ việc liên quan đến người nước ngoài',
          children: [
            ind('foreigners.resident', 'người', 'người nước ngoài đang sinh sống và làm việc', {
              measure: 'stock',
              aggregation: 'latest',
            }),
            ind('foreigners.visits', 'lượt', 'người nước ngoài đến địa phương'),
          ],
        },
        {
          kind: 'section',
          key: 'labour',
          title: 'Lao động đi làm việc ở nước ngoài',
          nilPhrase: 'lao động đi làm việc ở nước ngoài',
          children: [
            ind('labour.sent', 'lao động', 'lao động đi làm việc ở nước ngoài', { breakdown: 'market' }),
            ind('labour.markets', '', 'các thị trường', { valueType: 'list' }),
          ],
        },
        {
          kind: 'section',
          key: 'translation',
          title: 'Công tác dịch thuật',
          nilPhrase: 'hoạt động dịch thuật',
          children: [
            ind('translation.pages', 'trang', 'biên dịch các loại', {
              valueType: 'decimal',
              padSmall: false,
            }),
            ind('investment.amount', 'triệu đồng', 'tổng mức đầu tư', { valueType: 'money' }),
            ind('translation.note', '', 'ghi chú', { valueType: 'text' }),
          ],
        },
      ],
    },
    {
      kind: 'section',
      key: 'directions',
      title: 'Phương hướng, nhiệm vụ',
      children: [{ kind: 'narrative', key: 'directions.text', label: 'Phương hướng', required: true }],
    },
  ],
};

export function content(input: ReportContentInput = {}): ReportContent {
  return reportContentSchema.parse(input);
}
