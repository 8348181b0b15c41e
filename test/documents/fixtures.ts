/**
 * Hand-written official documents that exercise every element the renderer draws, with content
 * from the example reports (Lạc Phượng 297/BC-UBND, Sở Ngoại vụ Hà Tĩnh weekly report, Đức Thịnh
 * annual plan, a province consolidated report with a 100-commune appendix, a công văn).
 */
import type { BodyBlock, DataTable, OfficialDocument, TextRun } from '../../src/domain/document.js';
import { formatNumberVi } from '../../src/domain/vn-number.js';

const p = (text: string): BodyBlock => ({ kind: 'paragraph', runs: [{ text }] });
const pr = (...runs: TextRun[]): BodyBlock => ({ kind: 'paragraph', runs });
const b = (text: string): BodyBlock => ({ kind: 'bullet', runs: [{ text }] });
const h = (level: 1 | 2 | 3, number: string, text: string): BodyBlock => ({
  kind: 'heading',
  level,
  number,
  text,
});

const DELEGATIONS: DataTable = {
  caption: 'Số liệu đoàn ra, đoàn vào 6 tháng đầu năm 2026',
  header: [['TT', 'Nội dung', 'Đơn vị tính', 'Kỳ này', 'Cùng kỳ năm trước']],
  widths: [1, 6, 2, 2, 2.5],
  rows: [
    ['1', 'Đoàn ra', 'đoàn', '0', '01'],
    ['2', 'Đoàn vào', 'đoàn', '02', '01'],
    ['3', 'Người nước ngoài đang sinh sống và làm việc', 'người', '130', '118'],
    ['4', 'Kinh phí đối ngoại', 'triệu đồng', '180,5', '152'],
  ],
  boldRows: [],
};

/** Example 002: a commune's 6-month report to the city, signed KT. CHỦ TỊCH / PHÓ CHỦ TỊCH. */
export function communeReport(): OfficialDocument {
  return {
    type: 'BC',
    parentHeader: [],
    issuerHeader: ['ỦY BAN NHÂN DÂN', 'XÃ LẠC PHƯỢNG'],
    number: 297,
    symbol: 'BC-UBND',
    place: 'Lạc Phượng',
    issuedOn: '2026-06-12',
    subject:
      'Kết quả công tác đối ngoại 6 tháng đầu năm 2026 và phương hướng,\nnhiệm vụ trọng tâm 6 tháng cuối năm 2026',
    kinhGui: ['Sở Ngoại vụ thành phố Hải Phòng'],
    body: [
      p(
        'Thực hiện Văn bản số 6871/VP-TC ngày 11/6/2026 của Văn phòng UBND thành phố Hải Phòng về việc báo cáo công tác đối ngoại 6 tháng đầu năm và phương hướng, nhiệm vụ 6 tháng cuối năm 2026, UBND xã Lạc Phượng báo cáo kết quả thực hiện như sau:',
      ),
      h(1, 'I.', 'Bối cảnh tình hình'),
      p(
        'Trong 06 tháng đầu năm 2026, tình hình thế giới, khu vực tiếp tục có nhiều diễn biến phức tạp, khó lường; cạnh tranh chiến lược giữa các nước lớn, biến đổi khí hậu, dịch bệnh, biến động kinh tế toàn cầu tiếp tục tác động đến quá trình hội nhập và phát triển kinh tế - xã hội.',
      ),
      p(
        'Trong nước, tình hình chính trị - xã hội cơ bản ổn định, kinh tế tiếp tục duy trì tăng trưởng; công tác đối ngoại và hội nhập quốc tế được triển khai đồng bộ, góp phần giữ vững môi trường hòa bình, ổn định để phát triển.',
      ),
      h(1, 'II.', 'Kết quả triển khai công tác đối ngoại 6 tháng đầu năm 2026'),
      h(2, '1.', 'Đối ngoại Đảng'),
      p(
        'Đảng ủy, UBND xã đã quán triệt, triển khai thực hiện nghiêm túc các chủ trương, đường lối đối ngoại của Đảng, chính sách pháp luật của Nhà nước về hội nhập quốc tế trong tình hình mới; lồng ghép nội dung đối ngoại trong các chương trình, kế hoạch phát triển kinh tế - xã hội của địa phương.',
      ),
      h(2, '2.', 'Ngoại giao Nhà nước'),
      pr(
        { text: 'a) Công tác quản lý đoàn ra, đoàn vào: ', bold: true },
        {
          text: 'Trong 06 tháng đầu năm 2026, UBND xã đón tiếp 02 đoàn vào với 11 lượt khách quốc tế; không phát sinh đoàn ra. Các hoạt động được thực hiện đúng quy định.',
        },
      ),
      { kind: 'table', table: DELEGATIONS },
      h(3, 'b)', 'Công tác quản lý người nước ngoài'),
      p(
        'Hiện nay, trên địa bàn xã có 130 người nước ngoài đang sinh sống và làm việc (tăng 12 người, tương đương 10,2% so với cùng kỳ năm 2025); tình hình an ninh, trật tự liên quan đến người nước ngoài cơ bản ổn định, không phát sinh vụ việc phức tạp.',
      ),
      h(3, 'c)', 'Công tác thông tin đối ngoại'),
      b('Duy trì, nâng cao hiệu quả hoạt động của Cổng thông tin điện tử xã;'),
      b('Đăng tải 48 tin, bài tuyên truyền về chủ trương của Đảng, chính sách pháp luật của Nhà nước;'),
      b('Phối hợp hệ thống truyền thanh xã phát 24 chuyên mục về hội nhập quốc tế.'),
      h(2, '3.', 'Đối ngoại nhân dân'),
      p(
        'UBND xã phối hợp với Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội tăng cường công tác tuyên truyền, vận động đoàn viên, hội viên và Nhân dân thực hiện tốt chủ trương của Đảng, chính sách pháp luật của Nhà nước; nâng cao nhận thức về hội nhập quốc tế, chủ quyền quốc gia, biển đảo.',
      ),
      h(1, 'III.', 'Khó khăn, vướng mắc và nguyên nhân'),
      p(
        'Hoạt động đối ngoại hiện chủ yếu tập trung vào công tác thông tin đối ngoại, đối ngoại nhân dân và hội nhập quốc tế; chưa có nhiều hoạt động hợp tác quốc tế trực tiếp, các chương trình, dự án hợp tác với tổ chức, cá nhân nước ngoài còn hạn chế. Nguồn lực dành cho công tác đối ngoại còn hạn chế; đội ngũ cán bộ làm công tác đối ngoại chủ yếu là kiêm nhiệm.',
      ),
      h(1, 'IV.', 'Phương hướng công tác đối ngoại 6 tháng cuối năm 2026'),
      p(
        'Tiếp tục quán triệt, triển khai thực hiện hiệu quả các chủ trương, đường lối đối ngoại của Đảng, chính sách, pháp luật của Nhà nước về công tác đối ngoại và hội nhập quốc tế trong tình hình mới; tăng cường công tác tuyên truyền, nâng cao nhận thức, trách nhiệm của cán bộ, đảng viên và Nhân dân.',
      ),
      h(1, 'V.', 'Kiến nghị, đề xuất'),
      p(
        'Đề nghị Sở Ngoại vụ thành phố tiếp tục quan tâm hướng dẫn nghiệp vụ công tác đối ngoại, công tác thông tin đối ngoại, quản lý đoàn ra, đoàn vào và các hoạt động hợp tác quốc tế cho đội ngũ cán bộ, công chức cấp xã.',
      ),
      p(
        'Trên đây là báo cáo kết quả hoạt động công tác đối ngoại 6 tháng đầu năm; phương hướng nhiệm vụ 6 tháng cuối năm 2026 của UBND xã Lạc Phượng./.',
      ),
    ],
    noiNhan: [
      'Như trên',
      'TT Đảng ủy; TT HĐND xã',
      'TT.UBMTTQ xã',
      'Lãnh đạo UBND xã',
      'Công an xã; Quân sự xã',
      'Cổng thông tin điện tử',
      'Lưu: VT, VP.',
    ],
    signature: { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Phạm Văn Thành' },
    appendices: [],
  };
}

/** Example 004: the Sở Ngoại vụ's weekly report, signed TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG. */
export function departmentWeekly(): OfficialDocument {
  return {
    type: 'BC',
    parentHeader: ['UBND TỈNH HÀ TĨNH'],
    issuerHeader: ['SỞ NGOẠI VỤ'],
    number: 86,
    symbol: 'BC-SNgV',
    place: 'Hà Tĩnh',
    issuedOn: '2025-04-04',
    subject: 'Kết quả công tác đối ngoại từ ngày 28/3 đến ngày 03/4/2025',
    kinhGui: ['Ủy ban nhân dân tỉnh'],
    body: [
      p(
        'Thực hiện ý kiến chỉ đạo của Ủy ban nhân dân tỉnh về việc báo cáo công tác định kỳ, Sở Ngoại vụ báo cáo kết quả công tác đối ngoại từ ngày 28/3 đến ngày 03/4/2025 và phương hướng, nhiệm vụ thời gian tới như sau:',
      ),
      h(1, 'I.', 'Kết quả thực hiện'),
      h(2, '1.', 'Hoạt động hợp tác quốc tế'),
      b(
        'Tham mưu UBND tỉnh báo cáo kết quả tổ chức, thực hiện Biên bản Hội nghị 9 tỉnh 3 nước Việt Nam - Lào - Thái Lan sử dụng đường 8 và đường 12; tiếp nhận nguồn tài trợ của Quỹ Brittany’s Hope giai đoạn 2025 - 2028 tại Làng Trẻ em mồ côi Hà Tĩnh.',
      ),
      b('Thừa ủy quyền Ủy ban nhân dân tỉnh báo cáo Bộ Ngoại giao về tình hình hợp tác với Thái Lan.'),
      h(2, '2.', 'Công tác quản lý đoàn ra, đoàn vào, lãnh sự và người Việt Nam ở nước ngoài'),
      b(
        'Đoàn vào: tham mưu UBND tỉnh cho phép Trung cấp nghề Hà Tĩnh đón tiếp Đoàn công tác Công ty TNHH Công nghệ Everwin Precision Việt Nam đến thăm, làm việc (trong đó có 02 người nước ngoài quốc tịch Trung Quốc).',
      ),
      b('Đoàn ra: thẩm định hồ sơ 03 đoàn với 11 lượt người đi công tác nước ngoài.'),
      h(1, 'II.', 'Nhiệm vụ tuần tới'),
      b('Tiếp tục theo dõi, đôn đốc các sở, ngành triển khai Kế hoạch đối ngoại năm 2025.'),
      b('Chuẩn bị nội dung làm việc với Đoàn Tổng Lãnh sự quán Lào tại Đà Nẵng./.'),
    ],
    noiNhan: ['Như trên', 'Giám đốc, các PGĐ Sở', 'Lưu: VT, VP'],
    signature: { lines: ['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG'], name: 'Trần Thị Hồng Nhung' },
    appendices: [],
  };
}

/** Example 001: a commune's annual plan (no Kính gửi), number 05 of 05/01. */
export function communePlan(): OfficialDocument {
  const purpose = [
    'Bám sát và thực hiện có hiệu quả chủ trương, đường lối đối ngoại của Đảng và Nhà nước về công tác đối ngoại.',
    'Tiếp tục đẩy mạnh công tác tuyên truyền, quán triệt đầy đủ, sâu sắc vị trí, vai trò của công tác đối ngoại, hội nhập quốc tế.',
    'Các hoạt động đối ngoại phải đảm bảo sự lãnh đạo, chỉ đạo toàn diện của cấp ủy, chính quyền địa phương; phát huy tính tích cực, chủ động, sáng tạo.',
  ];
  return {
    type: 'KH',
    parentHeader: [],
    issuerHeader: ['ỦY BAN NHÂN DÂN', 'XÃ ĐỨC THỊNH'],
    number: 5,
    symbol: 'KH-UBND',
    place: 'Đức Thịnh',
    issuedOn: '2026-01-05',
    subject: 'Hoạt động đối ngoại năm 2026',
    kinhGui: [],
    body: [
      p(
        'Thực hiện Kế hoạch số 42/KH-UBND ngày 29/01/2026 của Ủy ban nhân dân tỉnh Hà Tĩnh về việc ban hành Kế hoạch hoạt động đối ngoại và hội nhập quốc tế năm 2026. Ủy ban nhân dân xã Đức Thịnh ban hành Kế hoạch hoạt động đối ngoại năm 2026 với nội dung sau:',
      ),
      h(1, 'I.', 'Mục đích, yêu cầu'),
      ...purpose.map((t, i) => p(`${i + 1}. ${t}`)),
      h(1, 'II.', 'Nhiệm vụ trọng tâm'),
      h(2, '1.', 'Công tác thông tin đối ngoại'),
      b('Tuyên truyền, quảng bá hình ảnh quê hương, con người Đức Thịnh trên Cổng thông tin điện tử xã.'),
      h(2, '2.', 'Công tác quản lý người nước ngoài'),
      b('Phối hợp Công an xã quản lý người nước ngoài cư trú, làm việc trên địa bàn.'),
      h(1, 'III.', 'Tổ chức thực hiện'),
      p(
        'Trên đây là Kế hoạch hoạt động đối ngoại xã Đức Thịnh năm 2026. Trong quá trình thực hiện nếu có khó khăn, vướng mắc kịp thời báo cáo UBND xã (qua Văn phòng HĐND và UBND xã) để tiếp tục chỉ đạo./.',
      ),
    ],
    noiNhan: ['Sở Ngoại vụ', 'Chủ tịch, Phó Chủ tịch UBND xã', 'Cổng thông tin điện tử xã', 'Lưu: VT, VP.'],
    signature: { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Nguyễn Anh Đức' },
    appendices: [],
  };
}

const COMMUNE_NAMES = [
  'Thạch Hà',
  'Đức Thịnh',
  'Cẩm Xuyên',
  'Kỳ Anh',
  'Hương Sơn',
  'Nghi Xuân',
  'Can Lộc',
  'Lộc Hà',
  'Vũ Quang',
  'Hồng Lĩnh',
];

/** One row per commune: name and seven figures. Deterministic, so renders are comparable. */
export function communeRows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => {
    const n = (k: number) => String((i * 7 + k * 13) % 41);
    const name = `Xã ${COMMUNE_NAMES[i % COMMUNE_NAMES.length]}${i >= COMMUNE_NAMES.length ? ` ${Math.floor(i / COMMUNE_NAMES.length) + 1}` : ''}`;
    return [String(i + 1), name, n(1), n(2), n(3), n(4), formatNumberVi(1200 + ((i * 3711) % 90_000)), n(6)];
  });
}

/** A province's consolidated 6-month report with a landscape appendix of 100 communes. */
export function provinceConsolidated(communes = 100): OfficialDocument {
  const rows = communeRows(communes);
  return {
    type: 'BC',
    parentHeader: [],
    issuerHeader: ['ỦY BAN NHÂN DÂN', 'TỈNH HÀ TĨNH'],
    number: 412,
    symbol: 'BC-UBND',
    place: 'Hà Tĩnh',
    issuedOn: '2026-06-18',
    subject: 'Tổng hợp kết quả công tác đối ngoại 6 tháng đầu năm 2026 của các xã, phường trên địa bàn tỉnh',
    kinhGui: ['Bộ Ngoại giao', 'Văn phòng Chính phủ'],
    body: [
      p(
        'Thực hiện Công văn số 2150/BNG-ĐNĐP ngày 20/5/2026 của Bộ Ngoại giao về việc báo cáo công tác đối ngoại địa phương 6 tháng đầu năm 2026, Ủy ban nhân dân tỉnh Hà Tĩnh báo cáo như sau:',
      ),
      h(1, 'I.', 'Kết quả chung'),
      p(
        `Trong 6 tháng đầu năm 2026, ${communes} xã, phường trên địa bàn tỉnh đã gửi báo cáo đúng hạn; toàn tỉnh đón tiếp 54 đoàn vào với 318 lượt khách quốc tế, tổ chức 41 đoàn ra với 302 lượt người (số liệu chi tiết tại Phụ lục kèm theo).`,
      ),
      h(1, 'II.', 'Kiến nghị'),
      p('Đề nghị Bộ Ngoại giao tiếp tục tổ chức tập huấn nghiệp vụ đối ngoại cho cán bộ cấp xã./.'),
    ],
    noiNhan: [
      'Như trên',
      'TT Tỉnh ủy, TT HĐND tỉnh',
      'Chủ tịch, các PCT UBND tỉnh',
      'Sở Ngoại vụ',
      'Lưu: VT, NC',
    ],
    signature: { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Lê Ngọc Châu' },
    appendices: [
      {
        label: 'Phụ lục',
        title: 'Số liệu công tác đối ngoại 6 tháng đầu năm 2026 của các xã, phường',
        landscape: true,
        body: [
          {
            kind: 'table',
            table: {
              header: [
                [
                  'TT',
                  'Đơn vị',
                  'Đoàn ra (đoàn)',
                  'Đoàn vào (đoàn)',
                  'Người nước ngoài (người)',
                  'Hội nghị quốc tế',
                  'Kinh phí (nghìn đồng)',
                  'Tin, bài',
                ],
              ],
              widths: [0.8, 4, 1.5, 1.5, 1.8, 1.5, 2.2, 1.3],
              rows: [
                ...rows,
                ['', { text: 'Tổng cộng', align: 'center' }, '153', '160', '147', '171', '49.950', '166'],
              ],
              boldRows: [rows.length],
            },
          },
        ],
      },
    ],
  };
}

/** A draft công văn: no number or day yet, "V/v …" under the number, several addressees. */
export function draftLetter(): OfficialDocument {
  return {
    type: 'CV',
    parentHeader: ['UBND TỈNH HÀ TĨNH'],
    issuerHeader: ['SỞ NGOẠI VỤ'],
    number: null,
    symbol: 'SNgV-VP',
    place: 'Hà Tĩnh',
    issuedOn: null,
    draftMonth: { month: 2, year: 2026 },
    subject: 'V/v báo cáo công tác đối ngoại\nquý I năm 2026',
    kinhGui: ['UBND các xã, phường trên địa bàn tỉnh', 'Các sở, ban, ngành cấp tỉnh'],
    body: [
      p(
        'Để có cơ sở tổng hợp, báo cáo UBND tỉnh và Bộ Ngoại giao, Sở Ngoại vụ đề nghị các cơ quan, đơn vị báo cáo kết quả công tác đối ngoại quý I năm 2026 theo đề cương gửi kèm, trước ngày 16/3/2026./.',
      ),
    ],
    noiNhan: ['Như trên', 'Giám đốc Sở (B/c)', 'Lưu: VT, VP'],
    signature: { lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Nguyễn Văn Hùng' },
    appendices: [],
  };
}

export const FIXTURES = {
  'commune-report': communeReport,
  'department-weekly': departmentWeekly,
  'commune-plan': communePlan,
  'province-consolidated': () => provinceConsolidated(100),
  'draft-letter': draftLetter,
} as const;
