import {
  FIELDS,
  PERSONA_NAMES,
  REQUIREMENT_TOPICS,
  SEED_RECORDS,
  type ConvertCell,
  type FieldCell,
  type MatrixPersona,
  type ObjectRightCell,
  type RecordCell,
  type RequirementCells,
  type SalesObject,
} from './permissionMatrix.ts';

/** What each cell is called in a report: the business's words, the same through the API and the UI. */

const PLURAL: Record<SalesObject, string> = { Lead: 'leads', Account: 'accounts', Contact: 'contacts', Opportunity: 'opportunities' };
const VERB = { create: 'create', read: 'open', edit: 'edit', delete: 'delete' } as const;

const who = (persona: MatrixPersona) => PERSONA_NAMES[persona];

export function testTitle(group: RequirementCells, channel: 'API' | 'UI'): string {
  const name = who(group.persona);
  return `${name[0].toUpperCase()}${name.slice(1)} (${group.persona}): ${REQUIREMENT_TOPICS[group.requirement]}: ${PLURAL[group.object]} [${channel}]`;
}

/** "the East rep can create leads", "the sales manager can edit the East rep's opportunities". */
export function objectCellTitle(cell: ObjectRightCell, ownRecords: boolean): string {
  const can = cell.allowed ? 'can' : 'cannot';
  if (cell.operation === 'create' || cell.operation === 'read') return `${who(cell.persona)} ${can} ${VERB[cell.operation]} ${PLURAL[cell.object]}`;
  const whose = ownRecords ? (cell.allowed ? 'their own' : 'even their own') : "the East rep's";
  return `${who(cell.persona)} ${can} ${VERB[cell.operation]} ${whose} ${PLURAL[cell.object]}`;
}

export function convertCellTitle(cell: ConvertCell): string {
  return cell.allowed ? `${who(cell.persona)} can convert their own lead` : `${who(cell.persona)} cannot convert a lead, not even their own`;
}

/** "the East rep cannot see the Commission field", "the sales manager sees the Commission field but cannot change it". */
export function fieldCellTitle(cell: FieldCell): string {
  const { label, object } = FIELDS[cell.field];
  const field = `the ${label} field of ${PLURAL[object]}`;
  if (cell.access === 'hidden') return `${who(cell.persona)} cannot see ${field}`;
  if (cell.access === 'read-only') return `${who(cell.persona)} sees ${field} but cannot change it`;
  return `${who(cell.persona)} can change ${field}`;
}

/** "the East rep cannot see Ellen Ripley, the West rep's lead". */
export function recordCellTitle(cell: RecordCell): string {
  const seed = SEED_RECORDS[cell.record];
  const whose = seed.owner === cell.persona ? `their own ${seed.object === 'Lead' ? 'lead' : 'opportunity'}` : seed.whose;
  const record = `${cell.record}, ${whose}`;
  if (cell.access === 'invisible') return `${who(cell.persona)} cannot see ${record}`;
  if (cell.access === 'visible') return `${who(cell.persona)} can see ${record}, without changing it`;
  return `${who(cell.persona)} can see and edit ${record}`;
}
