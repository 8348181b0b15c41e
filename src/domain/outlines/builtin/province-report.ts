/**
 * The province's consolidated reports, one level above the commune report: the Sở Ngoại vụ's
 * report to the UBND tỉnh, and the UBND tỉnh's report to the Bộ Ngoại giao. Both speak of the
 * province ("trên địa bàn tỉnh"), never of a commune, in the issuing body's own voice, and open
 * their results with the province's own activities (example 004 shows a Sở's week: international
 * cooperation it advised on, delegations and consular cases, translation and procedures).
 *
 * The sections of figures are the commune report's, with the same keys and the same indicator
 * objects (codes, units, aggregation): a consolidation sums the communes' figures into them, their
 * "không phát sinh" answers and texts map by section key, and a province's report compares with
 * every other province's. Only their wording is the province's: nil phrases without "xã", default
 * paragraphs written for the issuing body (none where only the communes' facts can speak).
 */
import type { NarrativeBlock, Outline, OutlineNode, Section } from '../../outline.js';
import { OWN_SECTION_KEY } from '../own-section.js';
import { communeReport } from './commune-report.js';
import { decimal, flow, narrative, paragraphs, section } from './nodes.js';

/** The Sở Ngoại vụ's consolidated report to the UBND tỉnh. */
export const DEPARTMENT_CONSOLIDATED_REPORT_CODE = 'department-consolidated-report';
/** The UBND tỉnh's report to the Bộ Ngoại giao. */
export const PROVINCE_REPORT_CODE = 'province-report';

/** Who speaks: the Sở (advising the UBND tỉnh) or the UBND tỉnh (directing the province). */
interface Voice {
  code: string;
  name: string;
  subjectTemplate: string;
  /** The province's own activities: the Sở's work, or the province's leaders' and bodies'. */
  own: Section;
  /** Default paragraphs by narrative key (absent: the block has none, the officer writes). */
  texts: Record<string, string>;
}

function communeSection(key: string): Section {
  const find = (sections: readonly Section[]): Section | undefined => {
    for (const s of sections) {
      if (s.key === key) return s;
      const inner = find(s.children.filter((c): c is Section => c.kind === 'section'));
      if (inner) return inner;
    }
    return undefined;
  };
  const found = find(communeReport.sections);
  if (!found) throw new Error(`commune-report has no section ${key}`);
  return found;
}

/**
 * "…thuộc thẩm quyền quản lý của UBND xã" → "…": the province's sentence says what did not
 * happen, and a commune's "không phát sinh" quoted in it must not speak of the UBND tỉnh's powers.
 */
function provinceNil(nilPhrase: string | undefined): string | undefined {
  return nilPhrase
    ?.replace(/ thuộc (?:thẩm quyền|phạm vi)[^,;]* của UBND xã$/u, '')
    .replace(/UBND xã(?!\p{L})/gu, 'UBND tỉnh');
}

/**
 * A commune section raised to the province: same keys, titles and indicators; nil phrase without
 * "xã"; narrative blocks with the voice's default paragraph or none.
 */
function raised(source: Section, voice: Pick<Voice, 'texts'>): Section {
  const children: OutlineNode[] = source.children.map((node) => {
    if (node.kind === 'section') return raised(node, voice);
    if (node.kind === 'indicator') return node;
    const text = voice.texts[node.key];
    const block: NarrativeBlock = { kind: 'narrative', key: node.key, label: node.label };
    if (node.hint) block.hint = node.hint;
    if (text) block.defaultText = text;
    if (node.required) block.required = true;
    return block;
  });
  const nilPhrase = provinceNil(source.nilPhrase);
  return {
    kind: 'section',
    key: source.key,
    title: source.title,
    ...(nilPhrase ? { nilPhrase } : {}),
    ...(source.nilAllowed !== undefined ? { nilAllowed: source.nilAllowed } : {}),
    ...(source.required ? { required: true } : {}),
    children,
  };
}

const LINE_HINT = 'Mỗi việc một dòng, bắt đầu bằng "- "';

/** Texts both voices share: the world, the province's difficulties and causes, its directions. */
const SHARED_TEXTS: Record<string, string> = {
  'background.text': paragraphs(
    'Trong kỳ báo cáo, tình hình thế giới, khu vực tiếp tục có nhiều diễn biến phức tạp, khó lường; cạnh tranh chiến lược giữa các nước lớn, biến đổi khí hậu, biến động kinh tế toàn cầu tiếp tục tác động đến quá trình hội nhập và phát triển kinh tế - xã hội.',
    'Trong nước, tình hình chính trị - xã hội cơ bản ổn định, kinh tế tiếp tục duy trì tăng trưởng; công tác đối ngoại và hội nhập quốc tế được triển khai đồng bộ, góp phần giữ vững môi trường hòa bình, ổn định để phát triển.',
  ),
  'party.text':
    'Các cấp ủy đảng trên địa bàn tỉnh tiếp tục quán triệt, triển khai thực hiện nghiêm túc các chủ trương, đường lối đối ngoại của Đảng; hoạt động đối ngoại Đảng được thực hiện đúng quy định, góp phần tăng cường quan hệ hữu nghị, hợp tác với các địa phương, đối tác nước ngoài.',
  'people.text':
    'Liên hiệp các tổ chức hữu nghị tỉnh, Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tiếp tục triển khai các hoạt động đối ngoại nhân dân, giao lưu hữu nghị, vận động viện trợ, góp phần quảng bá hình ảnh địa phương.',
  'difficulties.text':
    'Hoạt động đối ngoại ở cấp xã chủ yếu tập trung vào công tác thông tin đối ngoại, đối ngoại nhân dân và quản lý người nước ngoài; đội ngũ cán bộ làm công tác đối ngoại ở cơ sở phần lớn kiêm nhiệm, chưa được đào tạo chuyên sâu về nghiệp vụ đối ngoại và ngoại ngữ.',
  'causes.objective.text':
    'Tình hình thế giới và khu vực diễn biến phức tạp, khó lường; việc sắp xếp tổ chức bộ máy, vận hành chính quyền địa phương hai cấp đặt ra nhiều yêu cầu mới đối với công tác đối ngoại ở cơ sở.',
  'directions.state.text': paragraphs(
    'Tiếp tục thực hiện nghiêm các quy định về quản lý đoàn ra, đoàn vào, hội nghị, hội thảo quốc tế, thỏa thuận quốc tế và các hoạt động có yếu tố nước ngoài trên địa bàn tỉnh; tăng cường quản lý người nước ngoài cư trú, làm việc trên địa bàn.',
    'Đẩy mạnh ngoại giao kinh tế, xúc tiến đầu tư, thương mại, du lịch; nâng cao chất lượng công tác thông tin đối ngoại; tổ chức tập huấn, bồi dưỡng nghiệp vụ đối ngoại cho cán bộ cấp xã.',
  ),
};

const departmentVoice: Voice = {
  code: DEPARTMENT_CONSOLIDATED_REPORT_CODE,
  name: 'Báo cáo tổng hợp kết quả công tác đối ngoại trên địa bàn tỉnh của Sở Ngoại vụ (gửi UBND tỉnh)',
  subjectTemplate:
    'Kết quả công tác đối ngoại {period} trên địa bàn tỉnh và phương hướng, nhiệm vụ trọng tâm {next}',
  own: section(OWN_SECTION_KEY, 'Kết quả thực hiện nhiệm vụ của Sở Ngoại vụ', [
    section('own.cooperation', 'Công tác tham mưu, hợp tác quốc tế', [
      narrative('own.cooperation.text', 'Tham mưu UBND tỉnh, hợp tác quốc tế', undefined, {
        hint: `${LINE_HINT}: tham mưu UBND tỉnh, báo cáo Bộ Ngoại giao, văn bản gửi các sở, ngành…`,
      }),
    ]),
    section('own.delegations', 'Công tác quản lý đoàn ra, đoàn vào, lãnh sự và người Việt Nam ở nước ngoài', [
      narrative('own.delegations.text', 'Đoàn ra, đoàn vào, lãnh sự của tỉnh', undefined, {
        hint: `${LINE_HINT}: đoàn của tỉnh, vụ việc bảo hộ công dân, phối hợp với cơ quan đại diện…`,
      }),
    ]),
    section('own.services', 'Công tác dịch thuật, dịch vụ đối ngoại và thủ tục hành chính', [
      decimal('translation.pages.total', 'Tổng số trang biên dịch', 'trang', 'trang biên dịch các loại'),
      decimal('interpreting.hours', 'Số giờ phiên dịch', 'giờ', 'giờ phiên dịch'),
      flow(
        'legalisation.files',
        'Hồ sơ hợp pháp hóa lãnh sự',
        'hồ sơ',
        'hồ sơ hợp pháp hóa lãnh sự tại cơ quan đại diện ngoại giao nước ngoài',
        { padSmall: true },
      ),
      flow(
        'procedures.received',
        'Thủ tục hành chính tiếp nhận',
        'thủ tục',
        'thủ tục hành chính được tiếp nhận tại Trung tâm phục vụ hành chính công tỉnh',
        { padSmall: true },
      ),
      narrative('own.services.text', 'Ghi chú về dịch thuật, thủ tục hành chính'),
    ]),
  ]),
  texts: {
    ...SHARED_TEXTS,
    'direction.text': paragraphs(
      'Sở Ngoại vụ đã tham mưu UBND tỉnh ban hành các văn bản chỉ đạo, hướng dẫn các sở, ban, ngành và UBND các xã, phường triển khai công tác đối ngoại theo chủ trương, đường lối đối ngoại của Đảng, chính sách, pháp luật của Nhà nước.',
      'Sở Ngoại vụ thường xuyên hướng dẫn, đôn đốc các xã, phường thực hiện chế độ báo cáo định kỳ, quản lý đoàn ra, đoàn vào, hội nghị, hội thảo quốc tế và các hoạt động có yếu tố nước ngoài trên địa bàn.',
    ),
    'causes.subjective.text':
      'Việc thực hiện chế độ báo cáo của một số xã, phường chưa kịp thời, chưa đầy đủ; công tác phối hợp, chia sẻ thông tin giữa các cơ quan, đơn vị có lúc chưa chặt chẽ.',
    'directions.party.text':
      'Tiếp tục tham mưu Tỉnh ủy, UBND tỉnh triển khai hiệu quả các chủ trương, đường lối đối ngoại của Đảng, chính sách, pháp luật của Nhà nước về công tác đối ngoại và hội nhập quốc tế.',
    'proposals.text': paragraphs(
      'Đề nghị UBND tỉnh tiếp tục quan tâm chỉ đạo các sở, ban, ngành và UBND các xã, phường thực hiện nghiêm chế độ báo cáo công tác đối ngoại, quản lý đoàn ra, đoàn vào và các hoạt động có yếu tố nước ngoài trên địa bàn.',
      'Đề nghị UBND tỉnh quan tâm bố trí kinh phí tổ chức tập huấn, bồi dưỡng nghiệp vụ đối ngoại cho cán bộ làm công tác đối ngoại cấp xã.',
    ),
  },
};

const provinceVoice: Voice = {
  code: PROVINCE_REPORT_CODE,
  name: 'Báo cáo kết quả công tác đối ngoại của UBND tỉnh (gửi Bộ Ngoại giao)',
  subjectTemplate: 'Kết quả công tác đối ngoại {period} và phương hướng, nhiệm vụ trọng tâm {next}',
  own: section(OWN_SECTION_KEY, 'Hoạt động đối ngoại cấp tỉnh', [
    section('own.leaders', 'Hoạt động đối ngoại của lãnh đạo tỉnh', [
      narrative('own.leaders.text', 'Hoạt động đối ngoại của lãnh đạo tỉnh', undefined, {
        hint: `${LINE_HINT}: đoàn ra do lãnh đạo tỉnh dẫn đầu, tiếp các đoàn quốc tế, ký kết với địa phương nước ngoài…`,
      }),
    ]),
    section('own.bodies', 'Hoạt động của các sở, ban, ngành', [
      narrative('own.bodies.text', 'Hoạt động đối ngoại của các sở, ban, ngành', undefined, {
        hint: `${LINE_HINT}: Sở Ngoại vụ tham mưu, hợp tác quốc tế của các sở, lãnh sự, dịch thuật…`,
      }),
    ]),
  ]),
  texts: {
    ...SHARED_TEXTS,
    'direction.text': paragraphs(
      'UBND tỉnh đã quán triệt, triển khai nghiêm túc các chủ trương, đường lối đối ngoại của Đảng, chính sách, pháp luật của Nhà nước và các văn bản chỉ đạo, hướng dẫn của Bộ Ngoại giao về công tác đối ngoại.',
      'UBND tỉnh chỉ đạo các sở, ban, ngành và UBND các xã, phường thực hiện nghiêm quy định về quản lý đoàn ra, đoàn vào, hội nghị, hội thảo quốc tế, thỏa thuận quốc tế và các hoạt động có yếu tố nước ngoài; giao Sở Ngoại vụ theo dõi, tổng hợp, hướng dẫn.',
    ),
    'causes.subjective.text':
      'Công tác tham mưu, phối hợp giữa các cơ quan, đơn vị có lúc chưa chặt chẽ; chế độ báo cáo của một số địa phương chưa kịp thời, đầy đủ.',
    'directions.party.text':
      'Tiếp tục triển khai hiệu quả các chủ trương, đường lối đối ngoại của Đảng, chính sách, pháp luật của Nhà nước về công tác đối ngoại và hội nhập quốc tế trong tình hình mới.',
    'proposals.text': paragraphs(
      'Đề nghị Bộ Ngoại giao tiếp tục quan tâm hướng dẫn, hỗ trợ tỉnh trong triển khai công tác đối ngoại địa phương, quảng bá hình ảnh, xúc tiến đầu tư, thương mại, du lịch.',
      'Đề nghị Bộ Ngoại giao tổ chức các lớp tập huấn, bồi dưỡng nghiệp vụ đối ngoại cho cán bộ làm công tác đối ngoại cấp tỉnh và cấp xã.',
    ),
  },
};

function provinceOutline(voice: Voice): Outline {
  const top = (key: string) => raised(communeSection(key), voice);
  const results = top('results');
  return {
    code: voice.code,
    version: 1,
    name: voice.name,
    documentKind: 'report',
    subjectTemplate: voice.subjectTemplate,
    sections: [
      top('background'),
      top('direction'),
      // The province's own activities first, then what happened across the province.
      {
        ...results,
        title: 'Kết quả triển khai công tác đối ngoại {period} trên địa bàn tỉnh',
        children: [voice.own, ...results.children],
      },
      top('difficulties'),
      top('directions'),
      top('proposals'),
    ],
    ...(communeReport.checks ? { checks: communeReport.checks } : {}),
  };
}

export const departmentConsolidatedReport: Outline = provinceOutline(departmentVoice);
export const provinceReport: Outline = provinceOutline(provinceVoice);
