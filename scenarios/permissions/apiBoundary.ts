import { expect, type PersonaHandle } from '../../fixtures/index.ts';
import type { MatrixSubjects, Subject } from './matrixSubjects.ts';
import type { CellChecks } from './matrixSteps.ts';
import { FIELDS, SEED_RECORDS, mayRead, type ConvertCell, type FieldCell, type ObjectRightCell, type RecordCell, type SalesObject } from './permissionMatrix.ts';

/**
 * The matrix's cells checked through the API, as the persona (its own jsforce connection): what
 * describe says, and what the org does when the persona tries. Refusals must carry Salesforce's
 * error codes: INSUFFICIENT_ACCESS_OR_READONLY for a record or operation the persona may not touch,
 * NOT_FOUND (REST) and INVALID_TYPE (SOQL) for an object it may not read, INVALID_FIELD for a
 * hidden field, INVALID_FIELD_FOR_INSERT_UPDATE for a read-only one.
 */

type DescribeSObjectResult = Awaited<ReturnType<PersonaHandle['api']['describe']>>;
type Describe = DescribeSObjectResult | 'unavailable';

/** The error code of a call that must fail; fails itself when the call succeeds. */
async function refusal(what: string, call: () => PromiseLike<unknown>): Promise<string> {
  let result: unknown;
  try {
    result = await call();
  } catch (err) {
    const e = err as { errorCode?: string; name?: string };
    return e.errorCode ?? e.name ?? 'UNKNOWN';
  }
  // jsforce answers some failures as a result rather than throwing (SOAP convertLead, batches).
  const failed = result as { success?: boolean; errors?: Array<{ statusCode?: string; errorCode?: string }> };
  if (failed && failed.success === false) return failed.errors?.[0]?.statusCode ?? failed.errors?.[0]?.errorCode ?? 'UNKNOWN';
  throw new Error(`${what} was allowed; the permission matrix says it must be refused.`);
}

/** A call that must succeed, with the org's own error in one line when it does not. */
async function allowed<T>(what: string, call: () => PromiseLike<T>): Promise<T> {
  let result: T;
  try {
    result = await call();
  } catch (err) {
    const e = err as { errorCode?: string; message?: string };
    throw new Error(`${what} was refused (${e.errorCode ?? 'error'}: ${(e.message ?? '').split('\n')[0]}); the permission matrix says it must be allowed.`);
  }
  const failed = result as { success?: boolean; errors?: Array<{ statusCode?: string; message?: string }> };
  if (failed && failed.success === false) throw new Error(`${what} was refused (${failed.errors?.[0]?.statusCode}: ${failed.errors?.[0]?.message}); the permission matrix says it must be allowed.`);
  return result;
}

/** Minimal fields for a record a persona creates itself (names and what validation rules ask for). */
const OWN_RECORD: Record<SalesObject, () => Record<string, unknown>> = {
  Lead: () => ({ LastName: `Matrix ${unique()}`, Company: 'Permission Matrix Check', LeadSource: 'Phone Inquiry' }),
  Account: () => ({ Name: `Matrix ${unique()}` }),
  Contact: () => ({ LastName: `Matrix ${unique()}` }),
  Opportunity: () => ({ Name: `Matrix ${unique()}`, StageName: 'Prospecting', CloseDate: inDays(30), Amount: 1000 }),
};

function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The API side of one test: the persona's connection, its describes (once per object), its subjects. */
export class ApiBoundary implements CellChecks {
  private readonly describes = new Map<SalesObject, Promise<Describe>>();

  constructor(
    private readonly me: PersonaHandle,
    private readonly subjects: MatrixSubjects,
  ) {}

  describe(object: SalesObject): Promise<Describe> {
    let found = this.describes.get(object);
    if (!found) {
      found = this.me.api.describe(object).catch((err: { errorCode?: string }) => {
        if (err.errorCode === 'NOT_FOUND' || err.errorCode === 'INVALID_TYPE') return 'unavailable' as const;
        throw err;
      });
      this.describes.set(object, found);
    }
    return found;
  }

  /** What refusing a write on an object looks like: NOT_FOUND when the persona cannot read the object at all. */
  private writeRefusal(object: SalesObject): string {
    return mayRead(this.subjects.persona, object) === false ? 'NOT_FOUND' : 'INSUFFICIENT_ACCESS_OR_READONLY';
  }

  async objectRight(cell: ObjectRightCell): Promise<void> {
    const describe = await this.describe(cell.object);
    const sobject = this.me.api.sobject(cell.object);
    switch (cell.operation) {
      case 'read': {
        if (cell.allowed) {
          expect(describe, `describe ${cell.object} as ${cell.persona}`).not.toBe('unavailable');
          expect((describe as DescribeSObjectResult).queryable, `${cell.object} queryable`).toBe(true);
          const subject = await this.subjects.of(cell.object);
          const found = await allowed(`Reading ${cell.object} ${subject.id}`, () => this.me.api.query(`SELECT Id FROM ${cell.object} WHERE Id = '${subject.id}'`));
          expect(found.records, `${cell.persona} reads the ${cell.object} it works on`).toHaveLength(1);
        } else {
          expect(describe, `describe ${cell.object} as ${cell.persona}`).toBe('unavailable');
          expect(await refusal(`Querying ${cell.object}`, () => this.me.api.query(`SELECT Id FROM ${cell.object} LIMIT 1`))).toBe('INVALID_TYPE');
        }
        return;
      }
      case 'create': {
        if (describe !== 'unavailable') expect(describe.createable, `${cell.object} createable`).toBe(cell.allowed);
        else expect(cell.allowed, `${cell.object} is not even readable`).toBe(false);
        if (cell.allowed) {
          const created = await allowed(`Creating a ${cell.object}`, () => sobject.create(OWN_RECORD[cell.object]()));
          this.subjects.adopt(cell.object, (created as { id: string }).id);
        } else {
          const code = await refusal(`Creating a ${cell.object}`, async () => {
            const created = await sobject.create(OWN_RECORD[cell.object]());
            // Allowed against the matrix: still ours to clean up.
            if ((created as { success?: boolean }).success) this.subjects.adopt(cell.object, (created as { id: string }).id);
            return created;
          });
          expect(code).toBe(this.writeRefusal(cell.object));
        }
        return;
      }
      case 'edit': {
        if (describe !== 'unavailable') expect(describe.updateable, `${cell.object} updateable`).toBe(cell.allowed);
        const subject = await this.subjects.of(cell.object);
        const change = () => sobject.update({ Id: subject.id, Description: 'Checked by the permission matrix' });
        if (cell.allowed) await allowed(`Editing ${cell.object} ${subject.name}`, change);
        else expect(await refusal(`Editing ${cell.object} ${subject.name}`, change)).toBe(this.writeRefusal(cell.object));
        return;
      }
      case 'delete': {
        if (describe !== 'unavailable') expect(describe.deletable, `${cell.object} deletable`).toBe(cell.allowed);
        // A record of its own for this: the subject stays for the other cells.
        const doomed = await this.subjects.another(cell.object);
        const remove = () => sobject.destroy(doomed.id);
        if (cell.allowed) await allowed(`Deleting ${cell.object} ${doomed.name}`, remove);
        else expect(await refusal(`Deleting ${cell.object} ${doomed.name}`, remove)).toBe(this.writeRefusal(cell.object));
        return;
      }
    }
  }

  async conversion(cell: ConvertCell): Promise<void> {
    const lead = await this.subjects.another('Lead');
    const status = await this.me.api.query<{ MasterLabel: string }>('SELECT MasterLabel FROM LeadStatus WHERE IsConverted = true LIMIT 1');
    const convertedStatus = status.records[0]?.MasterLabel ?? 'Closed - Converted';
    // Whoever may not create opportunities converts without one, so only the right to convert decides.
    const opportunity = await this.describe('Opportunity');
    const doNotCreateOpportunity = opportunity === 'unavailable' || !opportunity.createable;
    const convert = () => this.me.api.soap.convertLead({ leadId: lead.id, convertedStatus, doNotCreateOpportunity } as never) as Promise<unknown>;
    if (cell.allowed) {
      const result = (await allowed(`Converting lead ${lead.name}`, convert)) as { accountId?: string; contactId?: string; opportunityId?: string | null };
      expect(result.accountId, 'the conversion made an account').toBeTruthy();
      expect(result.contactId, 'the conversion made a contact').toBeTruthy();
      if (!doNotCreateOpportunity) expect(result.opportunityId, 'the conversion made an opportunity').toBeTruthy();
    } else {
      expect(await refusal(`Converting lead ${lead.name}`, convert)).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
    }
  }

  async field(cell: FieldCell): Promise<void> {
    const { object, field } = FIELDS[cell.field];
    const describe = await this.describe(object);
    expect(describe, `${cell.persona} must read ${object} for the matrix to speak of ${cell.field}`).not.toBe('unavailable');
    const described = (describe as DescribeSObjectResult).fields.find((f) => f.name === field);
    const subject = await this.subjects.of(object);
    const read = () => this.me.api.query(`SELECT Id, ${field} FROM ${object} WHERE Id = '${subject.id}'`);
    if (cell.access === 'hidden') {
      expect(described, `${cell.field} in describe as ${cell.persona}`).toBeUndefined();
      expect(await refusal(`Querying ${cell.field}`, read)).toBe('INVALID_FIELD');
      return;
    }
    expect(described, `${cell.field} in describe as ${cell.persona}`).toBeDefined();
    expect(described!.updateable, `${cell.field} updateable`).toBe(cell.access === 'editable');
    await allowed(`Querying ${cell.field}`, read);
    const value = await this.valueFor(cell.field, described!);
    const write = () => this.me.api.sobject(object).update({ Id: subject.id, [field]: value });
    if (cell.access === 'editable') {
      await allowed(`Changing ${cell.field}`, write);
      const back = await this.me.api.query<Record<string, unknown>>(`SELECT ${field} FROM ${object} WHERE Id = '${subject.id}'`);
      expect(back.records[0]?.[field], `${cell.field} after the change`).toBe(value);
    } else if ((describe as DescribeSObjectResult).updateable) {
      // Only where the record itself may be edited: otherwise the record, not the field, refuses.
      expect(await refusal(`Changing ${cell.field}`, write)).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    }
  }

  async record(cell: RecordCell): Promise<void> {
    const { object } = SEED_RECORDS[cell.record];
    const seed = await this.subjects.seed(cell.record);
    const query = () => this.me.api.query<{ Id: string }>(`SELECT Id FROM ${object} WHERE Id = '${seed.id}'`);
    if (cell.access === 'invisible') {
      if (mayRead(this.subjects.persona, object) === false) {
        expect(await refusal(`Querying ${object}`, query)).toBe('INVALID_TYPE');
        return;
      }
      expect((await query()).records, `${cell.record} in ${cell.persona}'s query`).toEqual([]);
      expect(await refusal(`Opening ${cell.record}`, () => this.me.api.sobject(object).retrieve(seed.id))).toBe('NOT_FOUND');
      return;
    }
    expect((await query()).records.map((r) => r.Id), `${cell.record} in ${cell.persona}'s query`).toEqual([seed.id]);
    // The seed record is never changed: a twin with the same owner shows what the persona may do to it.
    const twin: Subject = await this.subjects.twinOf(cell.record);
    const change = () => this.me.api.sobject(object).update({ Id: twin.id, Description: 'Checked by the permission matrix' });
    if (cell.access === 'editable') await allowed(`Editing a record of ${cell.record}'s owner`, change);
    else expect(await refusal(`Editing a record of ${cell.record}'s owner`, change)).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
  }

  private async valueFor(field: keyof typeof FIELDS, described: DescribeSObjectResult['fields'][number]): Promise<unknown> {
    switch (field) {
      case 'Lead.Email':
        return `matrix.${unique()}@example.com`;
      case 'Lead.Region__c': {
        const values = (described.picklistValues ?? []).filter((v) => v.active).map((v) => v.value);
        if (values.length === 0) throw new Error('Lead.Region__c offers no active value to this persona.');
        return values[values.length - 1];
      }
      case 'Opportunity.Amount':
        return 4242;
      case 'Opportunity.Commission__c':
        return 212;
    }
  }
}
