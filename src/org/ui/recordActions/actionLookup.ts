import { toId18 } from '../../ids/salesforceId.ts';
import type { UserContext } from '../../service/UserContext.ts';
import { UI_API_VERSION, type UiDeps } from '../UiDeps.ts';
import { soqlContains, soqlString } from '../records/soqlLiteral.ts';

/**
 * The typeahead of the action dialogs: records of one object whose name contains the term,
 * queried as the user (QueryService, so sharing decides what is offered). Contacts and
 * opportunities can be narrowed to one account, as Lightning's Convert Lead dialog offers only
 * those of the chosen account (LeadConverter refuses any other). Users are active ones only:
 * an inactive user can own nothing.
 */
export const LOOKUP_TARGETS = ['Account', 'Contact', 'Opportunity', 'User'] as const;
export type LookupTarget = (typeof LOOKUP_TARGETS)[number];

const MAX_SUGGESTIONS = 10;

export const actionLookupUrl = (target: LookupTarget): string => `/lightning/_ui/record-actions/lookup/${target}`;

export function isLookupTarget(name: string): name is LookupTarget {
  return (LOOKUP_TARGETS as readonly string[]).includes(name);
}

export function lookupRecords(deps: UiDeps, user: UserContext, target: LookupTarget, term: string, accountId?: string): Array<{ id: string; name: string }> {
  const object = deps.org.records.findObject(user, target);
  if (!object || term.trim().length < 2) return [];
  const where = [`${object.nameField} LIKE ${soqlContains(term.trim())}`];
  if (target === 'User') where.push('IsActive = true');
  const account = accountId ? toId18(accountId) : undefined;
  if ((target === 'Contact' || target === 'Opportunity') && account) where.push(`AccountId = ${soqlString(account)}`);
  const soql = `SELECT Id, ${object.nameField} FROM ${object.name} WHERE ${where.join(' AND ')} ORDER BY ${object.nameField} LIMIT ${MAX_SUGGESTIONS}`;
  const page = deps.org.query.query(user, soql, { includeDeleted: false, apiVersion: UI_API_VERSION });
  return (page.records as Array<Record<string, unknown>>).map((r) => ({ id: String(r.Id), name: String(r[object.nameField] ?? '') }));
}
