/**
 * Refuses text that no field of the system can hold: the NUL character (PostgreSQL text cannot
 * store it) and lone UTF-16 surrogates (not characters at all; PostgreSQL and every file format
 * refuse them). One hook over the body, the query string and the path of every request, before
 * validation, so that no route, no audit row and no database call ever sees such text.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../domain/errors.js';

/** A NUL, or a lone surrogate (a high one not followed by a low one, or the reverse). */
const badText = (s: string) => s.includes('\u0000') || !s.isWellFormed();

export const BAD_TEXT_MESSAGE =
  'Dữ liệu gửi lên có ký tự không hợp lệ (ký tự rỗng NUL hoặc ký tự Unicode bị cắt dở). Vui lòng xóa ký tự đó rồi gửi lại.';

/** The dotted path of the first string (or key) holding bad text in `value`, or null. */
export function findBadText(value: unknown): string | null {
  // Iterative: a deeply nested body must not overflow the stack.
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; path: string };
    const v = item.value;
    if (typeof v === 'string') {
      if (badText(v)) return item.path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: join(item.path, String(i)) });
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      // (Raw bytes, from a binary upload, are not text: their own parser judges them.)
      for (const [key, child] of Object.entries(v)) {
        const path = join(item.path, key);
        if (badText(key)) return path;
        stack.push({ value: child, path });
      }
    }
  }
  return null;
}

const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [where, value] of [
      ['', request.body],
      ['query', request.query],
      ['params', request.params],
    ] as const) {
      const path = findBadText(value);
      if (path !== null) {
        const field = where ? join(where, path) : path;
        throw new AppError('VALIDATION', BAD_TEXT_MESSAGE, [{ path: field, message: BAD_TEXT_MESSAGE }]);
      }
    }
  });
}
