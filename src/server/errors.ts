/**
 * Turns every error into the one error body: a stable code, a Vietnamese message and the request
 * id. Anything unexpected is logged in full and answered with INTERNAL, never a stack trace.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/client.js';
import { errorResponse } from '../domain/api.js';
import { AppError, ERROR_CODES, type ErrorBody, type ErrorCode, type FieldError } from '../domain/errors.js';

/** The error answers a route that reads or changes data can give, for its OpenAPI description. */
export const ERROR_RESPONSES = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  503: errorResponse,
} as const;

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  message?: string,
  fields?: FieldError[],
) {
  const body: ErrorBody = {
    error: { code, message: message ?? ERROR_CODES[code].message, requestId: request.id },
  };
  if (fields?.length) body.error.fields = fields;
  return reply.status(ERROR_CODES[code].status).type('application/json; charset=utf-8').send(body);
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
};

const LOCATION_LABEL: Record<string, string> = {
  body: '',
  querystring: 'Tham số tìm kiếm',
  params: 'Địa chỉ',
  headers: 'Tiêu đề yêu cầu',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return send(reply, request, error.code, error.message, error.fields);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = LOCATION_LABEL[error.validationContext ?? 'body'] ?? '';
      const fields = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const message = v.message ?? 'Giá trị không hợp lệ.';
        return { path, message: where && !path ? `${where}: ${message}` : message };
      });
      const first = fields[0]?.message;
      return send(reply, request, 'VALIDATION', fields.length === 1 && first ? first : undefined, fields);
    }

    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return send(reply, request, mapped);
    if (error instanceof SyntaxError && (error.statusCode ?? 500) === 400)
      return send(reply, request, 'MALFORMED_JSON');
    if (error.statusCode === 429)
      return send(reply, request, 'TOO_MANY_ATTEMPTS', 'Quá nhiều yêu cầu. Vui lòng thử lại sau.');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      return send(reply, request, 'BAD_REQUEST');
    }
    if (isDatabaseUnavailable(error)) {
      // A restart or an outage of PostgreSQL: the pool reconnects by itself; the user retries.
      request.log.warn({ err: error }, 'database unavailable');
      return send(reply, request, 'DATABASE_UNAVAILABLE');
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(reply, request, 'INTERNAL');
  });
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, 'ROUTE_NOT_FOUND');
}
