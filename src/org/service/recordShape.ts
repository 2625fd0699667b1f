import type { StoredRow } from '../persistence/OrgStore.ts';
import type { FieldDef, ObjectDef } from '../schema/types.ts';
import { toApi } from '../schema/valueCodec.ts';

export interface ApiRecord {
  attributes: { type: string; url?: string };
  [field: string]: unknown;
}

export function recordUrl(apiVersion: string, type: string, id: string): string {
  return `/services/data/v${apiVersion}/sobjects/${type}/${id}`;
}

/** A stored row as the API returns it: `attributes` first, then fields in describe casing. */
export function toApiRecord(object: ObjectDef, row: StoredRow, fields: readonly FieldDef[], apiVersion: string): ApiRecord {
  const record: ApiRecord = {
    attributes: { type: object.name, url: recordUrl(apiVersion, object.name, String(row.Id)) },
  };
  for (const f of fields) record[f.name] = toApi(f, row[f.name]);
  return record;
}
