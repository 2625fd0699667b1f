import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SfErrors } from '../../errors/SfErrors.ts';
import type { ObjectDef } from '../../schema/types.ts';
import type { SaveOptions } from '../../service/SaveHooks.ts';
import type { OrgServices } from '../OrgServices.ts';
import { bodyObject, saveOptionsFrom } from './requestBody.ts';

type Params = { type: string; id: string; field: string; value: string };

/**
 * /sobjects: describeGlobal, describe, and single-record create, retrieve, update, delete and
 * upsert by external id. URL object names are case-insensitive; an unknown one is NOT_FOUND,
 * because on Salesforce the resource simply does not exist.
 */
export function sobjectRoutes(app: FastifyInstance, org: OrgServices): void {
  const objectOf = (req: FastifyRequest): ObjectDef => {
    const object = org.records.findObject(req.sfUser, (req.params as Params).type);
    if (!object) throw SfErrors.notFound();
    return object;
  };

  app.get('/sobjects', async (req) => org.describe.describeGlobal(req.sfUser, org.store.schema.objects, req.apiVersion));

  app.get('/sobjects/:type', async (req) => {
    const object = objectOf(req);
    const full = org.describe.describe(req.sfUser, object, req.apiVersion);
    const { fields: _f, childRelationships: _c, recordTypeInfos: _r, supportedScopes: _s, ...objectDescribe } = full;
    return { objectDescribe, recentItems: [] };
  });

  app.post('/sobjects/:type', async (req, reply) => {
    const object = objectOf(req);
    const id = org.records.create(req.sfUser, object, bodyObject(req.body), saveOptionsFrom(req));
    return reply.code(201).send({ id, success: true, errors: [] });
  });

  app.get('/sobjects/:type/describe', async (req) => org.describe.describe(req.sfUser, objectOf(req), req.apiVersion));

  app.get('/sobjects/:type/:id', async (req) => {
    const { id } = req.params as Params;
    const fields = (req.query as { fields?: string }).fields;
    return org.records.retrieve(req.sfUser, objectOf(req), id, fields ? fields.split(',') : undefined, req.apiVersion);
  });

  app.patch('/sobjects/:type/:id', async (req, reply) => {
    const { id } = req.params as Params;
    org.records.update(req.sfUser, objectOf(req), id, bodyObject(req.body), saveOptionsFrom(req));
    return reply.code(204).send();
  });

  app.delete('/sobjects/:type/:id', async (req, reply) => {
    const { id } = req.params as Params;
    org.records.delete(req.sfUser, objectOf(req), id);
    return reply.code(204).send();
  });

  // Records by external id: GET reads, PATCH upserts, DELETE deletes the one match.
  app.get('/sobjects/:type/:field/:value', async (req, reply) => {
    const { field, value } = req.params as Params;
    const object = objectOf(req);
    const matches = org.records.findByExternalId(req.sfUser, object, field, value);
    if (matches.length === 0) throw SfErrors.recordNotFound(value);
    if (matches.length > 1) {
      return reply.code(300).send(matches.map((m) => `/services/data/v${req.apiVersion}/sobjects/${object.name}/${String(m.Id)}`));
    }
    const fields = (req.query as { fields?: string }).fields;
    return org.records.retrieve(req.sfUser, object, String(matches[0].Id), fields ? fields.split(',') : undefined, req.apiVersion);
  });

  app.patch('/sobjects/:type/:field/:value', async (req, reply) => {
    const { field, value } = req.params as Params;
    const options: SaveOptions = saveOptionsFrom(req);
    const result = org.records.upsert(req.sfUser, objectOf(req), field, value, bodyObject(req.body), options);
    // Since API 46.0 an upsert that updates answers 200 with a body; before, 204 with none.
    if (result.created) return reply.code(201).send({ id: result.id, success: true, errors: [], created: true });
    if (Number(req.apiVersion) >= 46) return reply.code(200).send({ id: result.id, success: true, errors: [], created: false });
    return reply.code(204).send();
  });

  app.delete('/sobjects/:type/:field/:value', async (req, reply) => {
    const { field, value } = req.params as Params;
    const object = objectOf(req);
    const matches = org.records.findByExternalId(req.sfUser, object, field, value);
    if (matches.length === 0) throw SfErrors.recordNotFound(value);
    if (matches.length > 1) throw SfErrors.duplicateExternalId(field, matches.map((m) => String(m.Id)));
    org.records.delete(req.sfUser, object, String(matches[0].Id));
    return reply.code(204).send();
  });
}
