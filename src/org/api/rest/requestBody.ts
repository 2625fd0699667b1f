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
 * off; REST applies the active rule when the header is absent, on create and update alike (SOAP
 * does not: there the AssignmentRuleHeader must ask for it). `Sforce-Duplicate-Rule-Header`
 * (API 52.0+) carries the DuplicateRuleHeader.
 */
export function saveOptionsFrom(req: FastifyRequest): SaveOptions {
  const header = headerValue(req, 'sforce-auto-assign');
  const options: SaveOptions = { useAssignmentRules: header === undefined || header.trim().toUpperCase() !== 'FALSE' };
  if (req.apiVersion) options.apiVersion = req.apiVersion;
  const duplicates = headerValue(req, 'sforce-duplicate-rule-header');
  if (duplicates !== undefined && (!req.apiVersion || Number(req.apiVersion) >= 52)) options.duplicateRuleHeader = duplicateRuleHeader(duplicates);
  return options;
}

function headerValue(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers[name];
  return Array.isArray(header) ? header[0] : header;
}

/** `allowSave=true; includeRecordDetails=true; runAsCurrentUser=true`: every field false unless given as true. */
function duplicateRuleHeader(text: string): NonNullable<SaveOptions['duplicateRuleHeader']> {
  const fields = new Map<string, boolean>();
  for (const part of text.split(/[;,]/)) {
    const [key, value] = part.split('=').map((p) => p.trim().toLowerCase());
    if (key) fields.set(key, value === 'true');
  }
  return {
    allowSave: fields.get('allowsave') ?? false,
    includeRecordDetails: fields.get('includerecorddetails') ?? false,
    runAsCurrentUser: fields.get('runascurrentuser') ?? false,
  };
}
