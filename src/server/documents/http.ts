/** Download headers shared by the document and register routes. */
import type { FastifyReply } from 'fastify';

/**
 * Content-Disposition with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987), so every
 * browser saves "BC-297-UBND-2026.docx" and a modern one may show the Vietnamese name.
 */
export function contentDisposition(asciiName: string, utf8Name: string = asciiName): string {
  const safe = asciiName.replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(utf8Name.normalize('NFC')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${safe}"; filename*=UTF-8''${encoded}`;
}

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export function sendFile(
  reply: FastifyReply,
  bytes: Uint8Array,
  type: keyof typeof MIME,
  asciiName: string,
  utf8Name?: string,
) {
  return reply
    .header('content-type', MIME[type])
    .header('content-disposition', contentDisposition(asciiName, utf8Name))
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
