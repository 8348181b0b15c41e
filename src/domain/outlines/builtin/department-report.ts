/**
 * The Sở Ngoại vụ's own weekly or monthly report (example 004: "Kết quả công tác đối ngoại từ
 * ngày 28/3- 03/4/2025"): what the department did by field, its translation and legalisation
 * services with their figures, the administrative procedures it handled, and the plan for the
 * coming week or month. Indicator codes shared with the commune report mean the same thing.
 * `nilPhrase` reads after "Trong kỳ báo cáo, không phát sinh …" (a department has no "địa bàn").
 */
import type { Outline } from '../../outline.js';
import { decimal, flow, money, names, narrative, section } from './nodes.js';

const cooperation = section(
  'cooperation',
  'Hoạt động hợp tác quốc tế',
  [
    narrative('cooperation.text', 'Hoạt động hợp tác quốc tế', undefined, {
      hint: 'Mỗi việc một dòng, bắt đầu bằng "- ": tham mưu UBND tỉnh, báo cáo Bộ Ngoại giao, văn bản gửi các sở, ngành…',
    }),
    flow(
      'agreements.signed',
      'Số thỏa thuận quốc tế được ký kết',
      'thỏa thuận',
      'thỏa thuận quốc tế được ký kết',
      {
        padSmall: true,
      },
    ),
    flow(
      'ngo.projects',
      'Số dự án viện trợ PCPNN được tiếp nhận, thẩm định',
      'dự án',
      'dự án viện trợ phi chính phủ nước ngoài được tiếp nhận, thẩm định',
      {
        padSmall: true,
      },
    ),
  ],
  { nilPhrase: 'hoạt động hợp tác quốc tế mới' },
);

const delegationsConsular = section(
  'delegations_consular',
  'Công tác quản lý đoàn ra, đoàn vào, lãnh sự và người Việt Nam ở nước ngoài',
  [
    narrative(
      'delegations_consular.text',
      'Đoàn ra, đoàn vào, lãnh sự, người Việt Nam ở nước ngoài',
      undefined,
      {
        hint: 'Mỗi việc một dòng, bắt đầu bằng "- ": đoàn vào, đoàn ra, vụ việc bảo hộ công dân…',
      },
    ),
    flow('delegations.out.count', 'Số đoàn ra', 'đoàn', 'đoàn ra', { padSmall: true }),
    flow(
      'delegations.out.people',
      'Số lượt người đi nước ngoài (đoàn ra)',
      'lượt người',
      'lượt người đi công tác nước ngoài',
      {
        padSmall: true,
      },
    ),
    flow('delegations.in.count', 'Số đoàn vào', 'đoàn', 'đoàn vào', { padSmall: true }),
    flow('delegations.in.people', 'Số lượt khách (đoàn vào)', 'lượt người', 'lượt người đến làm việc', {
      padSmall: true,
    }),
    flow(
      'delegations.in.foreigners',
      'Người nước ngoài trong các đoàn vào',
      'người',
      'người nước ngoài trong các đoàn vào',
      {
        padSmall: true,
        breakdown: 'country',
      },
    ),
    flow('citizens.protection', 'Vụ việc bảo hộ công dân', 'vụ', 'vụ việc bảo hộ công dân', {
      padSmall: true,
    }),
    names('delegations.countries', 'Nước, vùng lãnh thổ liên quan', 'các nước, vùng lãnh thổ liên quan', {
      listOf: 'country',
    }),
  ],
  { nilPhrase: 'đoàn ra, đoàn vào và vụ việc lãnh sự' },
);

const office = section('office', 'Công tác văn phòng, tổ chức bộ máy và hoạt động thanh tra', [
  narrative('office.text', 'Văn phòng, tổ chức bộ máy, thanh tra', undefined, {
    hint: 'Báo cáo, góp ý dự thảo, văn bản đôn đốc… mỗi việc một dòng, bắt đầu bằng "- ".',
  }),
]);

const services = section('services', 'Công tác dịch thuật, dịch vụ đối ngoại và thủ tục hành chính', [
  decimal('translation.pages.total', 'Tổng số trang biên dịch', 'trang', 'trang biên dịch các loại', {
    hint: 'Bằng tổng các loại dưới đây.',
  }),
  decimal(
    'translation.pages.judicial',
    'Trang biên dịch có chứng thực tư pháp',
    'trang',
    'trang biên dịch có chứng thực tư pháp',
    { partOf: 'translation.pages.total' },
  ),
  decimal(
    'translation.pages.center',
    'Trang biên dịch chứng nhận tại Trung tâm',
    'trang',
    'trang biên dịch chứng nhận tại Trung tâm',
    { partOf: 'translation.pages.total' },
  ),
  decimal('translation.pages.content', 'Trang biên dịch nội dung', 'trang', 'trang biên dịch nội dung', {
    partOf: 'translation.pages.total',
  }),
  decimal('interpreting.hours', 'Số giờ phiên dịch', 'giờ', 'giờ phiên dịch'),
  flow(
    'translation.copies.judicial',
    'Bản sao bản dịch có chứng nhận tư pháp/công chứng',
    'bản',
    'bản sao bản dịch có chứng nhận tư pháp/công chứng',
    {
      padSmall: true,
    },
  ),
  flow(
    'translation.copies.center',
    'Bản sao bản dịch có chứng nhận Trung tâm',
    'bản',
    'bản sao bản dịch có chứng nhận Trung tâm',
    {
      padSmall: true,
    },
  ),
  flow(
    'legalisation.files',
    'Hồ sơ hợp pháp hóa lãnh sự',
    'hồ sơ',
    'hồ sơ hợp pháp hóa lãnh sự tại cơ quan đại diện ngoại giao nước ngoài',
    {
      padSmall: true,
    },
  ),
  flow('consular_certification.files', 'Hồ sơ chứng nhận lãnh sự', 'hồ sơ', 'hồ sơ chứng nhận lãnh sự', {
    padSmall: true,
  }),
  money('services.fees', 'Phí, lệ phí dịch vụ thu được', 'triệu đồng', 'phí, lệ phí dịch vụ thu được'),
  flow(
    'procedures.received',
    'Thủ tục hành chính tiếp nhận',
    'thủ tục',
    'thủ tục hành chính được tiếp nhận tại Trung tâm phục vụ hành chính công tỉnh',
    {
      padSmall: true,
    },
  ),
  flow('procedures.on_time', 'Thủ tục trả kết quả đúng hạn', 'thủ tục', 'thủ tục được trả kết quả đúng hạn', {
    padSmall: true,
  }),
  flow('procedures.late', 'Thủ tục trả kết quả quá hạn', 'thủ tục', 'thủ tục trả kết quả quá hạn', {
    padSmall: true,
  }),
  narrative('services.text', 'Ghi chú về dịch thuật, thủ tục hành chính'),
]);

const results = section('results', 'Kết quả thực hiện', [cooperation, delegationsConsular, office, services]);

const plan = section('plan', 'Kế hoạch trọng tâm {next}', [
  narrative('plan.text', 'Nhiệm vụ trọng tâm thời gian tới', undefined, {
    hint: 'Mỗi nhiệm vụ một dòng, bắt đầu bằng "- ".',
    required: true,
  }),
]);

export const departmentReport: Outline = {
  code: 'department-report',
  version: 1,
  name: 'Báo cáo kết quả công tác đối ngoại của Sở Ngoại vụ (tuần, tháng)',
  documentKind: 'report',
  subjectTemplate: 'Kết quả công tác đối ngoại {period}',
  sections: [results, plan],
};
