/**
 * Turns every failure into the catalog's `{ error: { code, message, details } }`: validation
 * errors name each field, scanner errors keep their meaning, Fastify's own errors (body too
 * large, bad JSON, wrong content type) get their code, and anything unexpected is logged and
 * answered as `internal` without its message.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isPeriscopeError } from '../scanner/errors.ts';
import { ApiError, type ApiErrorCode, apiErrorCatalog, errorBody, fromScannerCode } from './errors.ts';

interface FieldIssue {
  field: string;
  message: string;
}

function validationIssues(error: FastifyError): FieldIssue[] {
  const context = error.validationContext ?? 'request';
  return (error.validation ?? []).map((issue) => {
    const path = issue.instancePath.split('/').filter(Boolean);
    const params = issue.params as { keys?: unknown } | undefined;
    // An unrecognized key is a problem of the key itself: name it.
    const keys = Array.isArray(params?.keys) ? params.keys.map(String) : [];
    const fields = keys.length > 0 ? keys.map((k) => [...path, k]) : [path];
    return {
      field: fields.map((f) => [context, ...f].join('.')).join(', '),
      message: issue.message ?? 'invalid',
    };
  });
}

const byStatus: Record<number, ApiErrorCode> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** The catalog entry for an error, and the message and details safe to send. */
export function classifyError(error: unknown): {
  code: ApiErrorCode;
  message: string;
  details: Record<string, unknown>;
} {
  if (error instanceof ApiError) return { code: error.code, message: error.message, details: error.details };
  if (isPeriscopeError(error)) {
    const code = fromScannerCode[error.code];
    if (code === 'internal') return { code, message: 'internal error', details: {} };
    return { code, message: error.message, details: error.details };
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError) || fastifyError.validation) {
    const issues = validationIssues(fastifyError);
    const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    return { code: 'validation_failed', message: `invalid request: ${summary}`, details: { issues } };
  }
  const status = fastifyError.statusCode ?? 500;
  if (fastifyError.code?.startsWith('FST_ERR_CTP_') && status === 400)
    return { code: 'invalid_body', message: fastifyError.message, details: {} };
  if (status >= 400 && status < 500)
    return { code: byStatus[status] ?? 'invalid_request', message: fastifyError.message, details: {} };
  return { code: 'internal', message: 'internal error', details: {} };
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const { code, message, details } = classifyError(error);
    const status = apiErrorCatalog[code].status;
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    if (code === 'unauthorized') reply.header('www-authenticate', 'Bearer');
    return reply
      .code(status)
      .send(errorBody(code, status >= 500 ? `${message} (request ${req.id})` : message, details));
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`)),
  );
}
