import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { SalesforceError } from '../errors/SalesforceError.ts';
import { SfErrors } from '../errors/SfErrors.ts';

/**
 * The one REST error handler: Salesforce errors go out as Salesforce's `[{message, errorCode}]`
 * array; anything unexpected is logged with an id and masked, as Salesforce's UNKNOWN_EXCEPTION is.
 * Never a 5xx for a client mistake: jsforce retries those.
 */
export function restErrorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  let sfError: SalesforceError | undefined;
  if (error instanceof SalesforceError) sfError = error;
  else if ((error as FastifyError).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') sfError = SfErrors.unsupportedMediaType();
  else if ((error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') sfError = SfErrors.jsonParser('Request body is too large');
  else if ((error as FastifyError).statusCode && (error as FastifyError).statusCode! < 500) {
    sfError = SfErrors.invalidInput(error.message);
  }
  if (sfError) {
    void reply.code(sfError.httpStatus).type('application/json;charset=UTF-8').send(sfError.toRestBody());
    return;
  }
  const errorId = randomUUID();
  request.log.error({ err: error, errorId }, 'unexpected error in the local org');
  void reply
    .code(500)
    .type('application/json;charset=UTF-8')
    .send([{ errorCode: 'UNKNOWN_EXCEPTION', message: `An unexpected error occurred. Please include this ErrorId if you contact support: ${errorId}` }]);
}

/** JSON bodies parsed here so that a syntax error is Salesforce's JSON_PARSER_ERROR with its position. */
export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') throw SfErrors.jsonParser('No content to map due to end-of-input');
  try {
    return JSON.parse(body);
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    let where = '';
    if (m) {
      const before = body.slice(0, Number(m[1]));
      const line = before.split('\n').length;
      const column = Number(m[1]) - before.lastIndexOf('\n');
      where = ` at [line:${line}, column:${column}]`;
    }
    throw SfErrors.jsonParser(`Unexpected character in the JSON request body: ${(err as Error).message.replace(/ in JSON at position \d+.*$/, '')}${where}`);
  }
}
