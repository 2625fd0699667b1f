import type { FastifyRequest } from 'fastify';
import { SfErrors } from '../../errors/SfErrors.ts';
import type { SaveOptions } from '../../service/SaveHooks.ts';

/** A JSON object body, or Salesforce's complaint that the body is not one. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw SfErrors.jsonParser('Cannot deserialize instance of the record from the request body: expected a JSON object');
  }
  return body as Record<string, unknown>;
}

/**
 * Save options from request headers. `Sforce-Auto-Assign: FALSE` switches lead assignment rules
 * off; REST applies the active rule when the header is absent (SOAP does not: there the
 * AssignmentRuleHeader must ask for it).
 */
export function saveOptionsFrom(req: FastifyRequest): SaveOptions {
  const header = req.headers['sforce-auto-assign'];
  const value = Array.isArray(header) ? header[0] : header;
  return { useAssignmentRules: value === undefined || value.toUpperCase() !== 'FALSE' };
}
