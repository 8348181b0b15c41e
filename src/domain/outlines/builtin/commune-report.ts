/**
 * The commune's periodic foreign-affairs report (6 months, year, quarter …), built from the
 * subjects of examples 000 (xã Thạch Hà, năm 2025) and 002 (xã Lạc Phượng, 297/BC-UBND): the
 * order and wording of 002, the subjects 000 adds (FDI/ODA figures, foreign organisations,
 * civil registration, citizens abroad, border work, awards).
 *
 * Conventions the drafting relies on:
 * - a count's `phrase` starts with its counting word and reads after the number:
 *   "130" + "người nước ngoài đang sinh sống và làm việc trên địa bàn";
 * - an amount's `phrase` names the amount and reads before it: "vốn vay ODA" 648.587 triệu đồng;
 * - a list's `phrase` introduces the names: "các nước có đoàn vào": Hàn Quốc, Nhật Bản;
 * - `nilPhrase` reads after "Trong kỳ báo cáo, trên địa bàn xã không phát sinh …";
 * - `defaultText` never names a unit or a date, and separates paragraphs by a blank line.
 */
import type { Outline } from '../../outline.js';
import { flow, money, names, narrative, paragraphs, section, stock } from './nodes.js';

const background = section('background', 'Bối cảnh tình hình', [
  narrative(
    'background.text',
    'Bối cảnh tình hình',
    paragraphs(
      'Trong kỳ báo cáo, tình hình thế giới, khu vực tiếp tục có nhiều diễn biến phức tạp, khó lường; cạnh tranh chiến lược giữa các nước lớn, biến đổi khí hậu, dịch bệnh, biến động kinh tế toàn cầu tiếp tục tác động đến quá trình hội nhập và phát triển kinh tế - xã hội.',
      'Trong nước, tình hình chính trị - xã hội cơ bản ổn định, kinh tế tiếp tục duy trì tăng trưởng; công tác đối ngoại và hội nhập quốc tế được triển khai đồng bộ, góp phần giữ vững môi trường hòa bình, ổn định để phát triển.',
      'Trong bối cảnh đó, công tác đối ngoại tại địa phương tiếp tục được quan tâm triển khai gắn với nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội.',
    ),
    { hint: 'Tình hình thế giới, trong nước và của địa phương tác động đến công tác đối ngoại.' },
  ),
]);

const direction = section('direction', 'Công tác chỉ đạo, điều hành', [
  narrative(
    'direction.text',
    'Công tác chỉ đạo, điều hành',
    paragraphs(
      'UBND xã đã quán triệt, triển khai nghiêm túc các chủ trương, đường lối đối ngoại của Đảng; chính sách, pháp luật của Nhà nước và các văn bản chỉ đạo của cấp trên về công tác đối ngoại.',
      'Công tác đối ngoại được lồng ghép trong các hội nghị giao ban, cuộc họp chuyên môn nhằm kịp thời phổ biến, cập nhật các quy định mới liên quan đến hoạt động đối ngoại, quản lý đoàn ra, đoàn vào, hội nghị, hội thảo quốc tế, quản lý người nước ngoài và các hoạt động có yếu tố nước ngoài trên địa bàn.',
      'UBND xã chú trọng nâng cao nhận thức, trách nhiệm của đội ngũ cán bộ, công chức trong thực hiện nhiệm vụ đối ngoại; duy trì tốt công tác phối hợp giữa các bộ phận chuyên môn, bảo đảm các hoạt động đối ngoại được thực hiện đúng quy định.',
    ),
    { hint: 'Các văn bản đã ban hành, việc quán triệt, phổ biến, phối hợp.' },
  ),
]);

const party = section('party', 'Đối ngoại Đảng', [
  narrative(
    'party.text',
    'Kết quả đối ngoại Đảng',
    paragraphs(
      'Đảng ủy, UBND xã đã quán triệt, triển khai thực hiện nghiêm túc các chủ trương, đường lối đối ngoại của Đảng, chính sách pháp luật của Nhà nước về hội nhập quốc tế trong tình hình mới; lồng ghép nội dung đối ngoại trong các chương trình, kế hoạch phát triển kinh tế - xã hội của địa phương.',
      'Công tác đối ngoại Đảng được thực hiện đúng quy định, góp phần giữ vững ổn định chính trị, tăng cường khối đại đoàn kết toàn dân và tạo môi trường thuận lợi cho phát triển địa phương.',
    ),
  ),
]);

const delegations = section(
  'delegations',
  'Công tác quản lý đoàn ra, đoàn vào',
  [
    flow('delegations.out.count', 'Số đoàn ra', 'đoàn', 'đoàn ra', { padSmall: true, required: true }),
    flow(
      'delegations.out.people',
      'Số lượt người đi nước ngoài (đoàn ra)',
      'lượt người',
      'lượt người đi công tác nước ngoài',
      {
        padSmall: true,
      },
    ),
    names(
      'delegations.out.countries',
      'Nước, vùng lãnh thổ đến (đoàn ra)',
      'các nước, vùng lãnh thổ đoàn ra đến làm việc',
      { listOf: 'country' },
    ),
    flow('delegations.in.count', 'Số đoàn vào', 'đoàn', 'đoàn vào', { padSmall: true, required: true }),
    flow(
      'delegations.in.people',
      'Số lượt khách quốc tế (đoàn vào)',
      'lượt người',
      'lượt người đến làm việc',
      {
        padSmall: true,
      },
    ),
    names(
      'delegations.in.countries',
      'Nước, vùng lãnh thổ của đoàn vào',
      'các nước, vùng lãnh thổ có đoàn vào',
      { listOf: 'country' },
    ),
  ],
  { nilPhrase: 'đoàn ra, đoàn vào có yếu tố nước ngoài' },
);

const agreements = section(
  'agreements',
  'Công tác ký kết và thực hiện thỏa thuận quốc tế',
  [
    flow(
      'agreements.signed',
      'Số thỏa thuận quốc tế được ký kết',
      'thỏa thuận',
      'thỏa thuận quốc tế được ký kết',
      {
        padSmall: true,
        required: true,
      },
    ),
    stock(
      'agreements.active',
      'Số thỏa thuận quốc tế đang thực hiện',
      'thỏa thuận',
      'thỏa thuận quốc tế đang được thực hiện',
      {
        padSmall: true,
      },
    ),
    names('agreements.partners', 'Đối tác nước ngoài', 'các đối tác nước ngoài'),
  ],
  { nilPhrase: 'việc ký kết hoặc thực hiện thỏa thuận quốc tế thuộc thẩm quyền quản lý của UBND xã' },
);

const conferences = section(
  'conferences',
  'Công tác tổ chức và quản lý hội nghị, hội thảo quốc tế',
  [
    flow(
      'conferences.count',
      'Số hội nghị, hội thảo quốc tế',
      'hội nghị, hội thảo',
      'hội nghị, hội thảo quốc tế được tổ chức',
      {
        padSmall: true,
        required: true,
      },
    ),
    flow(
      'conferences.foreign_delegates',
      'Số đại biểu nước ngoài tham dự',
      'người',
      'người là đại biểu nước ngoài tham dự',
      {
        padSmall: true,
      },
    ),
  ],
  { nilPhrase: 'hội nghị, hội thảo quốc tế' },
);

const cooperation = section(
  'cooperation',
  'Công tác hợp tác quốc tế',
  [
    narrative(
      'cooperation.text',
      'Hợp tác, hội nhập quốc tế',
      'UBND xã tiếp tục triển khai các nhiệm vụ về hội nhập quốc tế theo Nghị quyết số 59-NQ/TW ngày 24/01/2025 của Bộ Chính trị về hội nhập quốc tế trong tình hình mới; tăng cường tuyên truyền về hội nhập quốc tế, chuyển đổi số và cải cách hành chính.',
      { hint: 'Việc triển khai Nghị quyết số 59-NQ/TW, Chỉ thị số 15-CT/TW và các kế hoạch của cấp trên.' },
    ),
  ],
  { nilPhrase: 'hoạt động hợp tác quốc tế' },
);

const economic = section(
  'economic',
  'Ngoại giao kinh tế',
  [
    narrative(
      'economic.text',
      'Xúc tiến đầu tư, thương mại, du lịch',
      'UBND xã đẩy mạnh tuyên truyền, hỗ trợ người dân phát triển sản xuất, kinh doanh; tạo điều kiện thuận lợi cho các tổ chức, cá nhân tìm hiểu cơ hội đầu tư trên địa bàn.',
    ),
    flow(
      'fdi.projects',
      'Số dự án FDI mới',
      'dự án',
      'dự án đầu tư trực tiếp nước ngoài (FDI) được cấp mới',
      { padSmall: true },
    ),
    money('fdi.capital', 'Vốn đăng ký FDI', 'triệu USD', 'vốn đăng ký đầu tư trực tiếp nước ngoài'),
    flow(
      'oda.projects',
      'Số dự án ODA, vốn vay ưu đãi',
      'dự án',
      'dự án ODA, vốn vay ưu đãi đang triển khai',
      {
        padSmall: true,
      },
    ),
    money('oda.total', 'Tổng mức đầu tư các dự án ODA', 'triệu đồng', 'tổng mức đầu tư', {
      hint: 'Bằng vốn vay + vốn viện trợ không hoàn lại + vốn đối ứng.',
    }),
    money('oda.loan', 'Vốn vay ODA', 'triệu đồng', 'vốn vay', { partOf: 'oda.total' }),
    money('oda.grant', 'Vốn viện trợ không hoàn lại', 'triệu đồng', 'vốn viện trợ không hoàn lại', {
      partOf: 'oda.total',
    }),
    money('oda.counterpart', 'Vốn đối ứng', 'triệu đồng', 'vốn đối ứng', { partOf: 'oda.total' }),
    money('trade.export', 'Kim ngạch xuất khẩu', 'USD', 'kim ngạch xuất khẩu'),
    money('trade.import', 'Kim ngạch nhập khẩu', 'USD', 'kim ngạch nhập khẩu'),
    flow(
      'tourists.foreign',
      'Số lượt khách du lịch quốc tế',
      'lượt khách',
      'lượt khách du lịch quốc tế đến địa phương',
    ),
    stock(
      'foreign_orgs.active',
      'Tổ chức, doanh nghiệp có yếu tố nước ngoài đang hoạt động',
      'tổ chức, doanh nghiệp',
      'tổ chức, doanh nghiệp có yếu tố nước ngoài đang hoạt động',
      {
        padSmall: true,
      },
    ),
  ],
  { nilPhrase: 'dự án FDI, ODA hoặc hoạt động xuất nhập khẩu thuộc phạm vi quản lý của UBND xã' },
);

const ngoAid = section(
  'ngo_aid',
  'Công tác vận động và quản lý viện trợ phi chính phủ nước ngoài',
  [
    flow(
      'ngo.projects',
      'Số chương trình, dự án viện trợ PCPNN',
      'dự án',
      'dự án viện trợ phi chính phủ nước ngoài',
      {
        padSmall: true,
        required: true,
      },
    ),
    money('ngo.value', 'Giá trị viện trợ PCPNN cam kết', 'USD', 'tổng giá trị viện trợ cam kết'),
    names('ngo.donors', 'Tổ chức phi chính phủ nước ngoài tài trợ', 'các tổ chức tài trợ'),
  ],
  { nilPhrase: 'hoạt động tiếp nhận viện trợ phi chính phủ nước ngoài' },
);

const culture = section(
  'culture',
  'Công tác văn hóa đối ngoại',
  [
    narrative(
      'culture.text',
      'Văn hóa đối ngoại',
      'Tiếp tục đẩy mạnh tuyên truyền, quảng bá hình ảnh quê hương, con người, truyền thống văn hóa và những thành tựu phát triển kinh tế - xã hội thông qua Cổng thông tin điện tử, hệ thống truyền thanh và các nền tảng số.',
    ),
    flow(
      'culture.events',
      'Hoạt động giao lưu văn hóa, thể thao có yếu tố nước ngoài',
      'hoạt động',
      'hoạt động giao lưu văn hóa, thể thao có yếu tố nước ngoài',
      {
        padSmall: true,
      },
    ),
  ],
  { nilPhrase: 'hoạt động văn hóa đối ngoại' },
);

const information = section(
  'information',
  'Công tác thông tin đối ngoại',
  [
    narrative(
      'information.text',
      'Thông tin đối ngoại',
      'Tiếp tục duy trì, nâng cao hiệu quả hoạt động của Cổng thông tin điện tử xã; thường xuyên đăng tải tin, bài tuyên truyền về chủ trương của Đảng, chính sách pháp luật của Nhà nước và các sự kiện nổi bật của địa phương.',
    ),
    flow(
      'information.articles',
      'Số tin, bài thông tin đối ngoại',
      'tin, bài',
      'tin, bài thông tin đối ngoại được đăng tải',
      {
        padSmall: true,
      },
    ),
  ],
  { nilPhrase: 'hoạt động thông tin đối ngoại' },
);

const press = section(
  'press',
  'Công tác quản lý phóng viên, báo chí nước ngoài',
  [
    flow(
      'press.journalists',
      'Số lượt phóng viên nước ngoài',
      'lượt phóng viên',
      'lượt phóng viên nước ngoài đến hoạt động thông tin, báo chí',
      {
        padSmall: true,
      },
    ),
    flow(
      'press.articles',
      'Số tin, bài của báo chí nước ngoài về địa phương',
      'tin, bài',
      'tin, bài của báo chí nước ngoài viết về địa phương',
      {
        padSmall: true,
      },
    ),
  ],
  { nilPhrase: 'hoạt động thông tin, báo chí của phóng viên nước ngoài' },
);

const foreigners = section(
  'foreigners',
  'Công tác quản lý người nước ngoài',
  [
    flow(
      'foreigners.arrived',
      'Lượt người nước ngoài đến địa phương',
      'lượt người',
      'lượt người nước ngoài đến địa phương',
    ),
    flow(
      'foreigners.departed',
      'Lượt người nước ngoài rời địa phương',
      'lượt người',
      'lượt người nước ngoài rời địa phương',
    ),
    stock(
      'foreigners.resident',
      'Người nước ngoài đang sinh sống, làm việc trên địa bàn',
      'người',
      'người nước ngoài đang sinh sống và làm việc',
      {
        breakdown: 'country',
        required: true,
        hint: 'Số người có mặt vào cuối kỳ báo cáo, chia theo quốc tịch nếu biết.',
      },
    ),
    flow(
      'foreigners.violations',
      'Vụ việc người nước ngoài vi phạm pháp luật',
      'vụ',
      'vụ việc người nước ngoài vi phạm pháp luật',
      {
        padSmall: true,
      },
    ),
  ],
  { nilPhrase: 'người nước ngoài đến, cư trú và làm việc' },
);

const consular = section(
  'consular',
  'Công tác lãnh sự, bảo hộ công dân và di cư quốc tế',
  [
    flow(
      'citizens.violations_abroad',
      'Công dân địa phương vi phạm pháp luật ở nước ngoài',
      'công dân',
      'công dân địa phương vi phạm pháp luật ở nước ngoài (kể cả xuất cảnh, cư trú và lao động trái phép)',
      {
        padSmall: true,
      },
    ),
    flow('citizens.protection', 'Vụ việc bảo hộ công dân', 'vụ', 'vụ việc bảo hộ công dân', {
      padSmall: true,
    }),
    flow(
      'civil.marriage',
      'Đăng ký kết hôn có yếu tố nước ngoài',
      'trường hợp',
      'trường hợp đăng ký kết hôn có yếu tố nước ngoài',
      {
        padSmall: true,
        breakdown: 'country',
      },
    ),
    flow(
      'civil.birth',
      'Đăng ký khai sinh có yếu tố nước ngoài',
      'trường hợp',
      'trường hợp đăng ký khai sinh có yếu tố nước ngoài',
      {
        padSmall: true,
      },
    ),
    flow(
      'civil.other',
      'Việc hộ tịch khác có yếu tố nước ngoài',
      'trường hợp',
      'trường hợp đăng ký hộ tịch khác có yếu tố nước ngoài',
      {
        padSmall: true,
      },
    ),
    flow(
      'workers.abroad',
      'Lao động đi làm việc ở nước ngoài',
      'lao động',
      'lao động đi làm việc ở nước ngoài theo hợp đồng',
      {
        padSmall: true,
        breakdown: 'market',
        hint: 'Chia theo thị trường: Hàn Quốc, Nhật Bản, Đài Loan (Trung Quốc)…',
      },
    ),
  ],
  {
    nilPhrase:
      'vụ việc liên quan đến công dân nước ngoài hoặc các vấn đề lãnh sự thuộc thẩm quyền giải quyết của UBND xã',
  },
);

const overseas = section(
  'overseas',
  'Công tác đối với người Việt Nam ở nước ngoài',
  [
    narrative(
      'overseas.text',
      'Người Việt Nam ở nước ngoài',
      paragraphs(
        'UBND xã thường xuyên phối hợp với các cơ quan, đơn vị liên quan để nắm bắt tình hình thân nhân người Việt Nam ở nước ngoài trên địa bàn; kịp thời cập nhật thông tin liên quan đến đời sống, việc làm và các vấn đề phát sinh của kiều bào khi cần thiết.',
        'Đồng thời, đẩy mạnh công tác tuyên truyền, vận động bà con người Việt Nam ở nước ngoài hướng về quê hương, chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; khuyến khích kiều bào giữ gìn bản sắc văn hóa dân tộc, tăng cường gắn kết với gia đình và địa phương, tích cực tham gia hỗ trợ, đóng góp cho các hoạt động phát triển kinh tế - xã hội, nhân đạo, từ thiện tại quê hương.',
      ),
    ),
    money(
      'overseas.donations',
      'Kiều bào đóng góp, ủng hộ quê hương',
      'triệu đồng',
      'kiều bào đóng góp, ủng hộ quê hương',
    ),
  ],
  { nilPhrase: 'hoạt động liên quan đến người Việt Nam ở nước ngoài' },
);

const border = section(
  'border',
  'Công tác biên giới, biển đảo',
  [
    narrative(
      'border.text',
      'Biên giới, biển đảo',
      'Thực hiện tuyên truyền nâng cao nhận thức về chủ quyền biên giới, biển đảo trong Nhân dân.',
    ),
  ],
  { nilPhrase: 'hoạt động hợp tác biên giới, biển đảo' },
);

const awards = section(
  'awards',
  'Công tác khen thưởng có yếu tố nước ngoài',
  [
    flow(
      'awards.foreign',
      'Tập thể, cá nhân được khen thưởng có yếu tố nước ngoài',
      'trường hợp',
      'trường hợp tập thể, cá nhân được khen thưởng có yếu tố nước ngoài',
      {
        padSmall: true,
      },
    ),
  ],
  { nilPhrase: 'việc khen thưởng tập thể, cá nhân có yếu tố nước ngoài' },
);

const state = section('state', 'Ngoại giao nhà nước', [
  delegations,
  agreements,
  conferences,
  cooperation,
  economic,
  ngoAid,
  culture,
  information,
  press,
  foreigners,
  consular,
  overseas,
  border,
  awards,
]);

const people = section('people', 'Đối ngoại nhân dân', [
  narrative(
    'people.text',
    'Đối ngoại nhân dân',
    paragraphs(
      'Công tác đối ngoại nhân dân được triển khai bám sát chủ trương, đường lối đối ngoại của Đảng và các văn bản chỉ đạo của cấp trên.',
      'UBND xã phối hợp với Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội tăng cường công tác tuyên truyền, vận động đoàn viên, hội viên và Nhân dân thực hiện tốt chủ trương của Đảng, chính sách pháp luật của Nhà nước; nâng cao nhận thức về hội nhập quốc tế, chủ quyền quốc gia, biển đảo.',
    ),
  ),
  narrative(
    'people.limitations',
    'Tồn tại, hạn chế',
    'Hoạt động đối ngoại nhân dân chủ yếu được lồng ghép với các nhiệm vụ chính trị, kinh tế - xã hội; chưa có nhiều hoạt động giao lưu quốc tế trực tiếp. Nguồn lực dành cho công tác đối ngoại còn hạn chế; cán bộ thực hiện chủ yếu kiêm nhiệm.',
  ),
]);

const results = section('results', 'Kết quả triển khai công tác đối ngoại {period}', [party, state, people]);

const difficulties = section('difficulties', 'Khó khăn, vướng mắc và nguyên nhân', [
  section('difficulties.list', 'Khó khăn, vướng mắc', [
    narrative(
      'difficulties.text',
      'Khó khăn, vướng mắc',
      paragraphs(
        'Hoạt động đối ngoại của địa phương chủ yếu tập trung vào công tác thông tin đối ngoại, đối ngoại nhân dân và hội nhập quốc tế; chưa có nhiều hoạt động hợp tác quốc tế trực tiếp, các chương trình, dự án hợp tác với tổ chức, cá nhân nước ngoài còn hạn chế.',
        'Nguồn lực dành cho công tác đối ngoại còn hạn chế; đội ngũ cán bộ làm công tác đối ngoại chủ yếu là kiêm nhiệm, chưa được đào tạo chuyên sâu về nghiệp vụ đối ngoại, hội nhập quốc tế và ngoại ngữ, nên phần nào ảnh hưởng đến hiệu quả tham mưu và tổ chức thực hiện nhiệm vụ.',
      ),
    ),
  ]),
  section('causes', 'Nguyên nhân', [
    section('causes.objective', 'Nguyên nhân khách quan', [
      narrative(
        'causes.objective.text',
        'Nguyên nhân khách quan',
        'Tình hình thế giới và khu vực tiếp tục có nhiều biến động phức tạp, khó lường; quy mô kinh tế của địa phương còn nhỏ, chưa có nhiều lợi thế nổi bật để thu hút các nhà đầu tư, tổ chức quốc tế đến nghiên cứu, hợp tác.',
      ),
    ]),
    section('causes.subjective', 'Nguyên nhân chủ quan', [
      narrative(
        'causes.subjective.text',
        'Nguyên nhân chủ quan',
        'Công tác tham mưu, đề xuất một số nội dung, hoạt động đối ngoại có thời điểm chưa thật sự chủ động, kịp thời; kỹ năng ngoại ngữ, kiến thức hội nhập quốc tế của một bộ phận cán bộ, công chức chưa đáp ứng đầy đủ yêu cầu nhiệm vụ trong tình hình mới.',
      ),
    ]),
  ]),
]);

const directions = section('directions', 'Phương hướng, nhiệm vụ trọng tâm {next}', [
  section('directions.party', 'Đối ngoại Đảng', [
    narrative(
      'directions.party.text',
      'Phương hướng đối ngoại Đảng',
      'Tiếp tục quán triệt, triển khai thực hiện hiệu quả các chủ trương, đường lối đối ngoại của Đảng, chính sách, pháp luật của Nhà nước về công tác đối ngoại và hội nhập quốc tế trong tình hình mới; lồng ghép nhiệm vụ đối ngoại trong các chương trình, kế hoạch phát triển kinh tế - xã hội, quốc phòng, an ninh của địa phương.',
    ),
  ]),
  section('directions.state', 'Ngoại giao nhà nước', [
    narrative(
      'directions.state.text',
      'Phương hướng ngoại giao nhà nước',
      paragraphs(
        'Tiếp tục thực hiện nghiêm các quy định về quản lý đoàn ra, đoàn vào và các hoạt động có yếu tố nước ngoài; tăng cường công tác quản lý người nước ngoài cư trú, làm việc trên địa bàn, bảo đảm an ninh, trật tự theo quy định.',
        'Đẩy mạnh công tác quảng bá tiềm năng, lợi thế, các sản phẩm OCOP và hình ảnh địa phương; nâng cao chất lượng công tác thông tin đối ngoại; cử cán bộ, công chức tham gia đầy đủ các lớp tập huấn, bồi dưỡng nghiệp vụ đối ngoại do cấp trên tổ chức.',
      ),
    ),
  ]),
  section('directions.people', 'Đối ngoại nhân dân', [
    narrative(
      'directions.people.text',
      'Phương hướng đối ngoại nhân dân',
      'Phát huy vai trò của Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội trong triển khai công tác đối ngoại nhân dân; đẩy mạnh các hoạt động giao lưu, nhân đạo, từ thiện, an sinh xã hội.',
    ),
  ]),
]);

const proposals = section('proposals', 'Kiến nghị, đề xuất', [
  narrative(
    'proposals.text',
    'Kiến nghị, đề xuất',
    paragraphs(
      'Đề nghị Sở Ngoại vụ tiếp tục quan tâm hướng dẫn nghiệp vụ công tác đối ngoại, công tác thông tin đối ngoại, quản lý đoàn ra, đoàn vào và các hoạt động hợp tác quốc tế cho đội ngũ cán bộ, công chức cấp xã.',
      'Đề nghị cấp trên tăng cường tổ chức các lớp tập huấn, bồi dưỡng kiến thức đối ngoại, kỹ năng hội nhập quốc tế, thông tin đối ngoại và ngoại giao kinh tế cho cán bộ làm công tác đối ngoại ở cơ sở.',
    ),
  ),
]);

export const communeReport: Outline = {
  code: 'commune-report',
  version: 1,
  name: 'Báo cáo kết quả công tác đối ngoại cấp xã',
  documentKind: 'report',
  subjectTemplate: 'Kết quả công tác đối ngoại {period} và phương hướng, nhiệm vụ trọng tâm {next}',
  sections: [background, direction, results, difficulties, directions, proposals],
  checks: [
    {
      kind: 'balance',
      outflow: 'foreigners.departed',
      inflow: 'foreigners.arrived',
      stock: 'foreigners.resident',
      message:
        'Số lượt người nước ngoài rời địa phương không thể lớn hơn số lượt đến trong kỳ cộng số người nước ngoài cư trú đầu kỳ.',
    },
  ],
};
