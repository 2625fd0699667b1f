import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SfErrors } from '../../errors/SfErrors.ts';
import type { OrgServices } from '../OrgServices.ts';
import { bodyObject, saveOptionsFrom } from './requestBody.ts';

/** Salesforce's ceiling for one sObject Collections call. */
const MAX_RECORDS = 200;

interface CollectionBody {
  allOrNone?: boolean;
  records?: Array<Record<string, unknown>>;
}

function collectionBody(body: unknown): { allOrNone: boolean; records: Array<Record<string, unknown>> } {
  const b = bodyObject(body) as CollectionBody;
  if (!Array.isArray(b.records)) throw SfErrors.jsonParser("Cannot deserialize the request body: 'records' must be an array");
  if (b.records.length > MAX_RECORDS) throw SfErrors.exceededIdLimit(MAX_RECORDS);
  return { allOrNone: b.allOrNone === true, records: b.records };
}

function typeOf(record: Record<string, unknown>): string {
  const attributes = record.attributes as { type?: unknown } | undefined;
  if (!attributes || typeof attributes.type !== 'string') {
    throw SfErrors.invalidInput('Each record in the collection must have attributes.type');
  }
  return attributes.type;
}

/**
 * sObject Collections: up to 200 records a call, each saved in its own savepoint; `allOrNone`
 * rolls the whole call back on the first failure. Results are in request order.
 */
export function collectionRoutes(app: FastifyInstance, org: OrgServices): void {
  app.post('/composite/sobjects', async (req) => {
    const { allOrNone, records } = collectionBody(req.body);
    const options = saveOptionsFrom(req);
    return org.records.runMany(records, allOrNone, (record) => {
      const object = org.records.requireObject(req.sfUser, typeOf(record));
      return { id: org.records.create(req.sfUser, object, record, options) };
    });
  });

  app.patch('/composite/sobjects', async (req) => {
    const { allOrNone, records } = collectionBody(req.body);
    const options = saveOptionsFrom(req);
    return org.records.runMany(records, allOrNone, (record) => {
      const object = org.records.requireObject(req.sfUser, typeOf(record));
      const idKey = Object.keys(record).find((k) => k.toLowerCase() === 'id');
      const id = idKey ? record[idKey] : undefined;
      if (typeof id !== 'string' || id === '') throw SfErrors.malformedIdValue(String(id ?? ''));
      const { [idKey!]: _id, ...fields } = record;
      return { id: org.records.update(req.sfUser, object, id, fields, options) };
    });
  });

  app.delete('/composite/sobjects', async (req) => {
    const query = req.query as { ids?: string; allOrNone?: string };
    const ids = (query.ids ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0) throw SfErrors.invalidInput('ids is required: /composite/sobjects?ids=<id>,<id>');
    if (ids.length > MAX_RECORDS) throw SfErrors.exceededIdLimit(MAX_RECORDS);
    return org.records.runMany(ids, query.allOrNone === 'true', (id) => {
      const object = org.store.schema.objectByKeyPrefix(id.slice(0, 3));
      if (!object) throw SfErrors.malformedIdValue(id);
      return { id: org.records.delete(req.sfUser, object, id) };
    });
  });

  const retrieve = (type: string, ids: string[], fields: string[], req: FastifyRequest) => {
    const object = org.records.findObject(req.sfUser, type);
    if (!object) throw SfErrors.notFound();
    if (ids.length > 2000) throw SfErrors.exceededIdLimit(2000);
    if (fields.length === 0) throw SfErrors.invalidInput('fields is required');
    return org.records.retrieveMany(req.sfUser, object, ids, fields, req.apiVersion);
  };

  app.post('/composite/sobjects/:type', async (req) => {
    const body = bodyObject(req.body) as { ids?: unknown; fields?: unknown };
    if (!Array.isArray(body.ids) || !Array.isArray(body.fields)) throw SfErrors.invalidInput('Body must have ids and fields arrays');
    return retrieve((req.params as { type: string }).type, body.ids.map(String), body.fields.map(String), req);
  });

  app.get('/composite/sobjects/:type', async (req) => {
    const q = req.query as { ids?: string; fields?: string };
    const split = (s?: string) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    return retrieve((req.params as { type: string }).type, split(q.ids), split(q.fields), req);
  });

  app.patch('/composite/sobjects/:type/:field', async (req) => {
    const { type, field } = req.params as { type: string; field: string };
    const object = org.records.findObject(req.sfUser, type);
    if (!object) throw SfErrors.notFound();
    const { allOrNone, records } = collectionBody(req.body);
    const options = saveOptionsFrom(req);
    return org.records.runMany(records, allOrNone, (record) => {
      const key = Object.keys(record).find((k) => k.toLowerCase() === field.toLowerCase());
      const value = key ? record[key] : undefined;
      if (value === undefined || value === null) throw SfErrors.requiredFieldMissing([field]);
      const { attributes: _a, ...fields } = record;
      return org.records.upsert(req.sfUser, object, field, String(value), fields, options);
    });
  });
}
