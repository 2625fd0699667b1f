import { isSalesforceError } from '../../errors/SalesforceError.ts';
import type { ObjectDef } from '../../schema/types.ts';
import type { ApiRecord } from '../../service/recordShape.ts';
import { UI_API_VERSION, type UiDeps } from '../UiDeps.ts';
import type { UiUser } from '../session/UiSessions.ts';
import { type Column, type ColumnSpec, resolveColumns, selectList } from '../records/columns.ts';
import { soqlContains } from '../records/soqlLiteral.ts';

/** Salesforce refuses shorter search terms with this message. */
export const MIN_TERM_LENGTH = 2;
export const TERM_TOO_SHORT = 'Your search term must have 2 or more characters.';

interface SearchableObject {
  object: string;
  /** Fields (or parent paths) matched with "contains": names, emails and companies. */
  matchOn: string[];
  columns: ColumnSpec[];
}

/** What the header search looks through, in the order results are shown. */
const SEARCHABLE: SearchableObject[] = [
  {
    object: 'Lead',
    matchOn: ['Name', 'Email', 'Company'],
    columns: [{ field: 'Name', link: 'record' }, { field: 'Company' }, { field: 'Email' }, { field: 'Status' }, { field: 'OwnerId', path: 'Owner.Name' }],
  },
  {
    object: 'Account',
    matchOn: ['Name'],
    columns: [{ field: 'Name', link: 'record' }, { field: 'Phone' }, { field: 'Type' }, { field: 'OwnerId', path: 'Owner.Name' }],
  },
  {
    object: 'Contact',
    matchOn: ['Name', 'Email', 'Account.Name'],
    columns: [{ field: 'Name', link: 'record' }, { field: 'AccountId', path: 'Account.Name', link: 'parent' }, { field: 'Email' }, { field: 'Phone' }],
  },
  {
    object: 'Opportunity',
    matchOn: ['Name', 'Account.Name'],
    columns: [{ field: 'Name', link: 'record' }, { field: 'AccountId', path: 'Account.Name', link: 'parent' }, { field: 'StageName' }, { field: 'CloseDate' }],
  },
];

export interface SearchSection {
  object: ObjectDef;
  columns: Column[];
  records: ApiRecord[];
}

/**
 * The header search: "contains" matches on names, emails and companies across the Sales
 * objects, each a SOQL query as the user (QueryService): objects, fields and records the user
 * cannot see take no part. A field hidden from the user is neither matched nor shown.
 */
export function searchRecords(deps: UiDeps, user: UiUser, term: string, perObject: number): SearchSection[] {
  const sections: SearchSection[] = [];
  for (const s of SEARCHABLE) {
    const object = deps.org.records.findObject(user.context, s.object);
    if (!object) continue;
    const columns = resolveColumns(deps, user, object, s.columns);
    const matchable = resolveColumns(
      deps,
      user,
      object,
      s.matchOn.map((m) => (m.includes('.') ? { field: referenceFieldOf(object, m), path: m } : { field: m })),
    ).map((c) => c.path);
    if (matchable.length === 0 || columns.length === 0) continue;
    const pattern = soqlContains(term);
    const soql = `SELECT ${selectList(columns)} FROM ${object.name} WHERE ${matchable.map((p) => `${p} LIKE ${pattern}`).join(' OR ')} ORDER BY ${object.nameField} ASC, Id ASC LIMIT ${perObject}`;
    try {
      const records = deps.org.query.query(user.context, soql, { includeDeleted: false, apiVersion: UI_API_VERSION }).records;
      sections.push({ object, columns, records });
    } catch (err) {
      if (!isSalesforceError(err)) throw err;
      // An object the engine cannot search this way is left out rather than failing the page.
    }
  }
  return sections;
}

/** `Account.Name` on Contact → AccountId (the lookup behind a relationship path). */
function referenceFieldOf(object: ObjectDef, path: string): string {
  const relationship = path.split('.')[0].toLowerCase();
  return object.referencesByRelationship.get(relationship)?.name ?? path;
}
