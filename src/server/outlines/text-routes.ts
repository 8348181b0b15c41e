/**
 * Making an outline from a province's đề cương: the text (pasted, or a DOCX, PDF or .txt file)
 * parsed into a proposed outline with indicators from the catalogue, which the officer confirms
 * or trims and saves as a new outline of his unit. Nothing is stored until the save.
 */
import { createOutline, getOutlineRow } from '../../db/outlines.js';
import { loadUnitRef } from '../../db/units.js';
import {
  createOutlineBody,
  MAX_OUTLINE_UPLOAD_BASE64,
  parseOutlineBody,
  parseOutlineResponse,
} from '../../domain/api-outlines.js';
import { outlineDetail } from '../../domain/api-reports.js';
import { canAnywhere } from '../../domain/authz.js';
import { AppError } from '../../domain/errors.js';
import { outlineFromParsed } from '../../domain/outlines/from-text.js';
import { numberOutline } from '../../domain/outlines/numbering.js';
import { parseOutlineText } from '../../domain/outlines/parse.js';
import { validateOutline } from '../../domain/outlines/schema.js';
import { auditActor, authorize, requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { loadOwners, ownerOf, presentDetail } from './present.js';

const errors = ERROR_RESPONSES;

/** Room for a 5 MB file in base64 and the JSON around it. */
const PARSE_BODY_LIMIT = MAX_OUTLINE_UPLOAD_BASE64 + 64 * 1024;

function fromBase64(content: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content.replace(/\s+/g, ''))) {
    throw new AppError('VALIDATION', 'Nội dung tệp gửi lên bị hỏng (không phải base64).');
  }
  return new Uint8Array(Buffer.from(content, 'base64'));
}

export function registerOutlineTextRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/outlines/parse',
    {
      bodyLimit: PARSE_BODY_LIMIT,
      // A file far over the limit is refused before it is read, with the limit of a đề cương.
      errorHandler: (error) => {
        if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
          throw new AppError(
            'PAYLOAD_TOO_LARGE',
            'Tệp đề cương vượt giới hạn 5 MB. Hãy lưu đề cương thành tệp nhỏ hơn (bỏ hình ảnh) hoặc dán nội dung.',
          );
        }
        throw error;
      },
      schema: {
        tags: ['outlines'],
        summary: 'Phân tích văn bản đề cương (dán hoặc tệp DOCX, PDF) thành đề cương đề xuất, chưa lưu',
        body: parseOutlineBody,
        response: { 200: parseOutlineResponse, ...errors },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      if (!canAnywhere(actor, 'outline.manage')) throw new AppError('FORBIDDEN');
      const { file, documentKind } = request.body;
      let text = request.body.text ?? '';
      if (file) {
        const { outlineTextFromFile } = await import('../../documents/outline-source.js');
        text = await outlineTextFromFile(file.name, fromBase64(file.contentBase64));
      }
      const parsed = parseOutlineText(text);
      if (!parsed.ok) {
        const fields = parsed.problems.map((p) => ({ path: 'text', message: p.message }));
        throw new AppError(
          'VALIDATION',
          fields.length === 1
            ? fields[0]?.message
            : `Văn bản đề cương có ${fields.length} chỗ cần sửa trước khi tạo đề cương.`,
          fields,
        );
      }
      // Code and name are chosen at the save; placeholders keep the proposal a valid outline.
      const { outline, proposals } = outlineFromParsed(parsed.parsed, {
        code: 'de-cuong-moi',
        name: 'Đề cương mới',
        documentKind,
      });
      const checked = validateOutline(outline);
      if (!checked.ok) {
        throw new AppError(
          'VALIDATION',
          checked.errors[0]?.message,
          checked.errors.map((e) => ({ path: 'text', message: e.message })),
        );
      }
      return {
        definition: checked.outline,
        proposals,
        numbering: parsed.parsed.numbering,
        numbered: numberOutline(checked.outline).map((s) => ({
          key: s.key,
          number: s.number,
          level: s.level,
          title: s.title,
        })),
      };
    },
  );

  app.post(
    '/api/outlines',
    {
      schema: {
        tags: ['outlines'],
        summary: 'Lưu đề cương mới (phiên bản 1) từ đề cương đề xuất đã được xác nhận',
        body: createOutlineBody,
        response: { 200: outlineDetail, ...errors },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const { code, name, ownerUnitId, definition, source } = request.body;
      authorize(request, 'outline.manage', await loadUnitRef(ctx.db, ownerUnitId));
      const candidate =
        definition && typeof definition === 'object' ? { ...definition, code, name, version: 1 } : definition;
      const checked = validateOutline(candidate);
      if (!checked.ok) {
        const fields = checked.errors.map((e) => ({ path: `definition.${e.path}`, message: e.message }));
        throw new AppError('VALIDATION', fields.length === 1 ? fields[0]?.message : undefined, fields);
      }
      const id = await ctx.db.transaction((tx) =>
        createOutline(tx, auditActor(request), { definition: checked.outline, ownerUnitId, source }),
      );
      const row = await getOutlineRow(ctx.db, id);
      return presentDetail(ctx.db, actor, row, ownerOf(row, await loadOwners(ctx.db, [row])));
    },
  );
}
