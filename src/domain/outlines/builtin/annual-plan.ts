/**
 * The commune's annual foreign-affairs plan (example 001: "Kế hoạch hoạt động đối ngoại năm
 * 2026"). Almost all narrative: each block proposes the plan's usual wording, in neutral terms
 * ("trên địa bàn xã") so that no commune copies another's name. The few indicators are the
 * planned counts a province asks for (delegations, conferences).
 */
import type { Outline } from '../../outline.js';
import { flow, narrative, paragraphs, section } from './nodes.js';

const purpose = section('purpose', 'Mục đích, yêu cầu', [
  narrative(
    'purpose.text',
    'Mục đích, yêu cầu',
    paragraphs(
      '1. Bám sát và thực hiện có hiệu quả chủ trương, đường lối đối ngoại của Đảng và Nhà nước về công tác đối ngoại.',
      '2. Tiếp tục đẩy mạnh công tác tuyên truyền, quán triệt đầy đủ, sâu sắc vị trí, vai trò của công tác đối ngoại, hội nhập quốc tế, các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và những quy định về công tác đối ngoại.',
      '3. Tích cực chủ động hội nhập quốc tế, khu vực nhằm mở rộng và nâng cao hiệu quả các hoạt động đối ngoại, tạo môi trường thuận lợi, tranh thủ tối đa nguồn lực bên ngoài góp phần vào sự nghiệp phát triển kinh tế - xã hội, quốc phòng, an ninh.',
      '4. Các hoạt động đối ngoại phải bảo đảm sự lãnh đạo, chỉ đạo toàn diện của cấp ủy, chính quyền địa phương; phát huy tính tích cực, chủ động, sáng tạo và sự phối hợp chặt chẽ của các cơ quan, đơn vị trên địa bàn xã; thiết thực, hiệu quả, có trọng tâm, trọng điểm, phù hợp với kế hoạch phát triển kinh tế - xã hội của xã.',
    ),
    { required: true },
  ),
]);

const propaganda = section(
  'propaganda',
  'Công tác tuyên truyền, phổ biến các chủ trương, chính sách của Đảng và pháp luật của Nhà nước về công tác đối ngoại',
  [
    narrative(
      'propaganda.text',
      'Tuyên truyền, phổ biến',
      paragraphs(
        '- Tiếp tục quán triệt, phổ biến, thực hiện nghiêm túc các quy định của Trung ương, bộ, ngành liên quan đến công tác đối ngoại, làm cơ sở xây dựng các kế hoạch triển khai thực hiện.',
        '- Tiếp tục triển khai, thực hiện các chương trình, kế hoạch của UBND tỉnh về các nội dung đối ngoại, tập trung vào công tác ngoại giao kinh tế phục vụ phát triển kinh tế - xã hội.',
        '- Tăng cường lãnh đạo, chỉ đạo các cơ quan, đơn vị tổ chức quán triệt cho cán bộ, đảng viên, công chức, viên chức nhận thức về tầm quan trọng của công tác đối ngoại trong tình hình mới; chủ động lồng ghép các hoạt động gắn với phổ biến các chủ trương, chính sách của Đảng, pháp luật của Nhà nước về hoạt động đối ngoại.',
      ),
    ),
  ],
);

const field = (key: string, title: string, defaultText: string) =>
  section(key, title, [narrative(`${key}.text`, title, defaultText)]);

const diplomacy = section('diplomacy', 'Ngoại giao', [
  field(
    'integration',
    'Công tác hội nhập và hợp tác quốc tế',
    'Phối hợp với các cơ quan, tổ chức có liên quan tạo điều kiện cho các doanh nghiệp đưa lao động của địa phương sang học tập, làm việc ở nước ngoài theo đúng quy định; tiếp tục triển khai các nhiệm vụ hội nhập quốc tế theo Nghị quyết số 59-NQ/TW ngày 24/01/2025 của Bộ Chính trị.',
  ),
  field(
    'economic',
    'Ngoại giao kinh tế',
    paragraphs(
      'Phối hợp với các sở, ngành của tỉnh tìm kiếm, thu hút các dự án ODA, các dự án viện trợ phi chính phủ nước ngoài vào hoạt động trên địa bàn xã.',
      'Quảng bá, giới thiệu sản phẩm hàng hóa, nông sản, sản vật của địa phương, mở rộng thị trường tiêu thụ; khuyến khích các mặt hàng sản xuất có thương hiệu xuất khẩu ra thị trường thế giới.',
    ),
  ),
  field(
    'culture',
    'Ngoại giao văn hóa',
    'Tuyên truyền, quảng bá hình ảnh quê hương, con người, truyền thống văn hóa của địa phương; tổ chức tốt các lễ hội văn hóa truyền thống trên địa bàn xã.',
  ),
  field(
    'information',
    'Công tác thông tin đối ngoại',
    paragraphs(
      '- Tăng cường công tác thông tin tuyên truyền và thông tin đối ngoại nhằm quảng bá hình ảnh của xã trên Cổng thông tin điện tử và các trang mạng xã hội; tham gia các sự kiện xúc tiến đầu tư, thương mại do UBND tỉnh tổ chức.',
      '- Đa dạng hóa phương thức, phương tiện thông tin đối ngoại; làm tốt công tác phát ngôn, chủ động cung cấp thông tin cho báo chí; nâng cao hiệu quả đấu tranh phản bác luận điệu sai trái, xuyên tạc của các thế lực thù địch.',
      '- Cung cấp các tài liệu quảng bá hình ảnh, tiềm năng của xã cho các đoàn công tác của tỉnh đi làm việc với các tổ chức, đối tác nước ngoài.',
    ),
  ),
  field(
    'press',
    'Quản lý hoạt động thông tin, báo chí của phóng viên nước ngoài',
    paragraphs(
      '- Quản lý và hướng dẫn phóng viên báo chí nước ngoài hoạt động tại địa phương theo Nghị định số 88/2012/NĐ-CP ngày 23/10/2012 của Chính phủ quy định về hoạt động thông tin, báo chí của báo chí nước ngoài, cơ quan đại diện nước ngoài, tổ chức nước ngoài tại Việt Nam.',
      '- Phối hợp với phóng viên nước ngoài khi có nhu cầu làm việc trên địa bàn xã theo đúng quy định.',
    ),
  ),
  section('delegations', 'Công tác quản lý đoàn ra, đoàn vào', [
    narrative(
      'delegations.text',
      'Quản lý đoàn ra, đoàn vào',
      'Thực hiện quản lý công tác đoàn ra, đoàn vào chặt chẽ, chủ động, kịp thời theo đúng các quy định của Trung ương, Quy chế quản lý thống nhất các hoạt động đối ngoại và kế hoạch đã được phê duyệt; xây dựng nội dung các đoàn ra sử dụng ngân sách nhà nước có trọng tâm, trọng điểm, bảo đảm hiệu quả và tiết kiệm; phối hợp đón tiếp các đoàn vào chặt chẽ, kịp thời, chu đáo, bảo đảm an ninh.',
    ),
    flow('delegations.out.planned', 'Số đoàn ra dự kiến', 'đoàn', 'đoàn ra dự kiến', { padSmall: true }),
    flow('delegations.in.planned', 'Số đoàn vào dự kiến', 'đoàn', 'đoàn vào dự kiến', { padSmall: true }),
  ]),
  section('conferences', 'Công tác tổ chức, quản lý hội nghị, hội thảo quốc tế', [
    narrative(
      'conferences.text',
      'Hội nghị, hội thảo quốc tế',
      'Phối hợp tốt với các ngành chức năng của tỉnh trong công tác tổ chức hội nghị, hội thảo quốc tế có liên quan đến UBND xã (nếu có); tham dự các hội nghị, hội thảo trực tuyến và trực tiếp do UBND tỉnh tổ chức nhằm xúc tiến đầu tư, thương mại.',
    ),
    flow(
      'conferences.planned',
      'Số hội nghị, hội thảo quốc tế dự kiến tổ chức',
      'hội nghị, hội thảo',
      'hội nghị, hội thảo quốc tế dự kiến tổ chức',
      {
        padSmall: true,
      },
    ),
  ]),
  field(
    'foreigners',
    'Quản lý người nước ngoài',
    'Tạo điều kiện thuận lợi cho người nước ngoài sinh sống và làm việc trên địa bàn; tăng cường công tác quản lý người nước ngoài, bảo đảm an ninh trật tự và phối hợp xử lý các trường hợp người nước ngoài vi phạm pháp luật trên địa bàn xã.',
  ),
  field(
    'consular',
    'Công tác lãnh sự, bảo hộ công dân',
    'Theo dõi tình hình công dân địa phương đi lao động, học tập ở nước ngoài; tuyên truyền quy định về xuất cảnh, cư trú hợp pháp; phối hợp với cơ quan chức năng giải quyết kịp thời các vụ việc bảo hộ công dân.',
  ),
  field(
    'overseas',
    'Công tác đối với người Việt Nam ở nước ngoài',
    'Tổ chức khảo sát, nắm tình hình công dân của xã ở nước ngoài, tạo mối quan hệ và vận động con em hướng về quê hương, tích cực tham gia đóng góp xây dựng quê hương.',
  ),
]);

const people = field(
  'people',
  'Công tác đối ngoại nhân dân',
  paragraphs(
    '- Thực hiện Chỉ thị số 04-CT/TW của Ban Bí thư về công tác đối ngoại nhân dân; tăng cường và củng cố tình hữu nghị với công dân nước ngoài, bảo đảm an toàn cho các đoàn nước ngoài khi về làm việc trên địa bàn.',
    '- Đổi mới tư duy, nội dung và phương thức hoạt động đối ngoại nhân dân, mở rộng phạm vi hoạt động, đối tác, lực lượng tham gia.',
  ),
);

const training = field(
  'training',
  'Công tác tập huấn, bồi dưỡng nghiệp vụ đối ngoại',
  'Cử cán bộ, công chức phụ trách công tác đối ngoại tham gia đầy đủ các lớp tập huấn, đào tạo, bồi dưỡng nâng cao trình độ chuyên môn, nghiệp vụ đối ngoại do cơ quan có thẩm quyền cấp trên tổ chức.',
);

const content = section('content', 'Nội dung kế hoạch', [propaganda, diplomacy, people, training]);

const implementation = section('implementation', 'Tổ chức thực hiện', [
  narrative(
    'implementation.text',
    'Tổ chức thực hiện',
    paragraphs(
      '1. Các cơ quan, đơn vị thuộc UBND xã chủ động triển khai thực hiện kế hoạch này phù hợp với chức năng, nhiệm vụ của cơ quan, đơn vị; báo cáo kết quả hoạt động đối ngoại về UBND xã (qua Văn phòng HĐND và UBND xã) để tổng hợp.',
      '2. Kinh phí thực hiện kế hoạch: từ ngân sách nhà nước, nguồn tài trợ và huy động hợp pháp khác theo quy định của pháp luật.',
    ),
    { required: true },
  ),
]);

export const annualPlan: Outline = {
  code: 'annual-plan',
  version: 1,
  name: 'Kế hoạch hoạt động đối ngoại năm cấp xã',
  documentKind: 'plan',
  subjectTemplate: 'Hoạt động đối ngoại {period}',
  sections: [purpose, content, implementation],
};
