/**
 * Validation of an outline as an administrator edits it (the outline editor, an imported file):
 * structure and field formats with zod, then the rules across nodes (unique keys and codes,
 * depth ≤ 3, checks that name existing indicators). Messages are Vietnamese and name the place
 * in the outline ("Mục III.2.a (Công tác quản lý đoàn ra, đoàn vào)") as well as the JSON path.
 * The pure edit helpers the editor uses live in edit.ts and are re-exported here.
 */
import { z } from 'zod';
import {
  AGGREGATIONS,
  BREAKDOWNS,
  DOCUMENT_KINDS,
  LIST_KINDS,
  MEASURES,
  NUMBER_STYLES,
  type Outline,
  type OutlineNode,
  VALUE_TYPES,
} from '../outline.js';
import { cleanText } from '../text.js';
import { MAX_SECTION_DEPTH, sectionNumberBare } from './numbering.js';

export * from './edit.js';

/** Keys of sections and narratives, and indicator codes: "delegations.in.count". */
export const NODE_KEY_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
/** Outline codes: "commune-report", "commune-report-ha-tinh". */
export const OUTLINE_CODE_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const KEY_MESSAGE =
  'chỉ gồm chữ thường không dấu, chữ số, dấu gạch dưới, ngăn cách bằng dấu chấm (ví dụ: delegations.in.count)';

/** Trimmed, spaces collapsed, NFC, non-empty. */
const label = (what: string, max = 300) =>
  z
    .string({ error: `${what} phải là chuỗi ký tự.` })
    .transform(cleanText)
    .pipe(
      z.string().min(1, `${what} không được để trống.`).max(max, `${what} quá dài (tối đa ${max} ký tự).`),
    );

/** Optional multi-line text: NFC, trimmed. */
const longText = (what: string, max = 5000) =>
  z
    .string({ error: `${what} phải là chuỗi ký tự.` })
    .max(max, `${what} quá dài (tối đa ${max} ký tự).`)
    .transform((s) => s.normalize('NFC').trim());

const nodeKey = (what: string) =>
  z
    .string({ error: `${what} phải là chuỗi ký tự.` })
    .max(100, `${what} quá dài (tối đa 100 ký tự).`)
    .regex(NODE_KEY_PATTERN, `${what} ${KEY_MESSAGE}.`);

const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `${what} phải là một trong: ${values.join(', ')}.` });

export const indicatorSchema = z.object({
  kind: z.literal('indicator'),
  code: nodeKey('Mã chỉ tiêu'),
  label: label('Tên chỉ tiêu'),
  unit: z
    .string({ error: 'Đơn vị tính phải là chuỗi ký tự.' })
    .max(50, 'Đơn vị tính quá dài (tối đa 50 ký tự).')
    .transform(cleanText),
  valueType: enumOf(VALUE_TYPES, 'Kiểu giá trị'),
  measure: enumOf(MEASURES, 'Loại chỉ tiêu'),
  aggregation: enumOf(AGGREGATIONS, 'Cách cộng dồn'),
  breakdown: enumOf(BREAKDOWNS, 'Cách chia nhỏ').optional(),
  listOf: enumOf(LIST_KINDS, 'Danh mục của danh sách').optional(),
  phrase: label('Cụm từ dùng khi soạn thảo'),
  padSmall: z.boolean().optional(),
  required: z.boolean().optional(),
  hint: longText('Gợi ý', 500).optional(),
  partOf: nodeKey('Chỉ tiêu tổng').optional(),
});

export const narrativeSchema = z.object({
  kind: z.literal('narrative'),
  key: nodeKey('Mã đoạn văn'),
  label: label('Tên đoạn văn'),
  hint: longText('Gợi ý', 500).optional(),
  defaultText: longText('Văn bản mặc định', 20_000).optional(),
  required: z.boolean().optional(),
});

export const sectionSchema = z.object({
  kind: z.literal('section'),
  key: nodeKey('Mã mục'),
  title: label('Tên mục', 500),
  nilPhrase: label('Cụm từ "không phát sinh"').optional(),
  nilAllowed: z.boolean().optional(),
  required: z.boolean().optional(),
  get children(): z.ZodArray<typeof nodeSchema> {
    return z.array(nodeSchema, { error: 'Nội dung của mục phải là một danh sách.' }).max(200);
  },
});

export const nodeSchema = z.discriminatedUnion('kind', [sectionSchema, narrativeSchema, indicatorSchema], {
  error: 'Mỗi phần của đề cương phải là một mục (section), đoạn văn (narrative) hoặc chỉ tiêu (indicator).',
});

export const balanceCheckSchema = z.object({
  kind: z.literal('balance'),
  outflow: nodeKey('Chỉ tiêu "ra"'),
  inflow: nodeKey('Chỉ tiêu "vào"'),
  stock: nodeKey('Chỉ tiêu tồn'),
  message: label('Thông báo kiểm tra', 500),
});

const outlineShape = z.object({
  code: z
    .string({ error: 'Mã đề cương phải là chuỗi ký tự.' })
    .max(60, 'Mã đề cương quá dài (tối đa 60 ký tự).')
    .regex(
      OUTLINE_CODE_PATTERN,
      'Mã đề cương chỉ gồm chữ thường không dấu và chữ số, ngăn cách bằng dấu gạch ngang (ví dụ: commune-report).',
    ),
  version: z
    .number({ error: 'Phiên bản phải là một số.' })
    .int('Phiên bản phải là số nguyên.')
    .min(1, 'Phiên bản phải từ 1 trở lên.'),
  name: label('Tên đề cương'),
  documentKind: enumOf(DOCUMENT_KINDS, 'Loại văn bản'),
  subjectTemplate: label('Trích yếu', 500)
    .refine((s) => s.includes('{period}'), 'Trích yếu phải có chỗ ghi kỳ báo cáo "{period}".')
    .refine(
      (s) => (s.match(/\{[^}]*\}/g) ?? []).every((p) => p === '{period}' || p === '{next}'),
      'Trích yếu chỉ được dùng "{period}" (kỳ báo cáo) và "{next}" (kỳ tới).',
    ),
  numbering: z
    .array(enumOf(NUMBER_STYLES, 'Kiểu đánh số'), { error: 'Kiểu đánh số phải là một danh sách.' })
    .min(1, 'Kiểu đánh số phải có ít nhất một cấp.')
    .max(MAX_SECTION_DEPTH, `Kiểu đánh số chỉ có tối đa ${MAX_SECTION_DEPTH} cấp.`)
    .optional(),
  sections: z
    .array(sectionSchema, { error: 'Danh sách mục phải là một danh sách.' })
    .min(1, 'Đề cương phải có ít nhất một mục.')
    .max(50),
  checks: z.array(balanceCheckSchema).max(50).optional(),
});

type Issue = { path: (string | number)[]; message: string };

/** "Mục III.2.a (Công tác quản lý đoàn ra, đoàn vào)" */
function placeOf(numbers: string[], title: string): string {
  return `Mục ${numbers.join('.')} (${title})`;
}

/** The rules across nodes; returns the issues with their JSON paths. */
export function outlineIssues(outline: Outline): Issue[] {
  const issues: Issue[] = [];
  const keys = new Map<string, string>();
  const codes = new Map<string, string>();
  const numeric = new Set<string>();
  const walk = (nodes: OutlineNode[], path: (string | number)[], numbers: string[], owner: string) => {
    let sectionIndex = 0;
    nodes.forEach((node, i) => {
      const here = [...path, i];
      if (node.kind === 'indicator') {
        const seen = codes.get(node.code);
        if (seen) {
          issues.push({
            path: [...here, 'code'],
            message: `${owner}: mã chỉ tiêu "${node.code}" bị trùng (đã dùng ở ${seen}).`,
          });
        } else codes.set(node.code, owner);
        if (node.listOf && node.valueType !== 'list') {
          issues.push({
            path: [...here, 'listOf'],
            message: `${owner}: chỉ tiêu "${node.label}" không phải là danh sách nên không chọn theo danh mục được.`,
          });
        }
        if (node.valueType !== 'list' && node.valueType !== 'text') numeric.add(node.code);
        else if (node.breakdown) {
          issues.push({
            path: [...here, 'breakdown'],
            message: `${owner}: chỉ tiêu "${node.label}" không phải là số nên không chia nhỏ được.`,
          });
        }
        return;
      }
      const where =
        node.kind === 'section'
          ? placeOf(
              [...numbers, sectionNumberBare(numbers.length + 1, sectionIndex, outline.numbering)],
              node.title,
            )
          : owner;
      const seen = keys.get(node.key);
      if (seen)
        issues.push({
          path: [...here, 'key'],
          message: `${where}: mã "${node.key}" bị trùng (đã dùng ở ${seen}).`,
        });
      else keys.set(node.key, where);
      if (node.kind !== 'section') return;
      const level = numbers.length + 1;
      const nextNumbers = [...numbers, sectionNumberBare(level, sectionIndex, outline.numbering)];
      sectionIndex += 1;
      if (level > MAX_SECTION_DEPTH) {
        issues.push({
          path: here,
          message: `${where}: đề cương chỉ được tối đa ${MAX_SECTION_DEPTH} cấp mục (I., 1., a)).`,
        });
      }
      walk(node.children, [...here, 'children'], nextNumbers, where);
    });
  };
  walk(outline.sections, ['sections'], [], 'Đề cương');
  (outline.checks ?? []).forEach((check, i) => {
    for (const field of ['outflow', 'inflow', 'stock'] as const) {
      if (!numeric.has(check[field])) {
        issues.push({
          path: ['checks', i, field],
          message: `Kiểm tra số ${i + 1}: không có chỉ tiêu số mang mã "${check[field]}" trong đề cương.`,
        });
      }
    }
  });
  return issues;
}

/** An outline as the editor saves it: fields validated and cleaned, rules across nodes checked. */
export const outlineSchema = outlineShape.superRefine((outline, ctx) => {
  for (const issue of outlineIssues(outline))
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

/** The result of validating an outline, with Vietnamese messages and dotted paths. */
export function validateOutline(
  input: unknown,
): { ok: true; outline: Outline } | { ok: false; errors: { path: string; message: string }[] } {
  const parsed = outlineSchema.safeParse(input);
  if (parsed.success) return { ok: true, outline: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  };
}
