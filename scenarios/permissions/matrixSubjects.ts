import type { AsPersona, PersonaHandle, RecordsFixtures } from '../../fixtures/index.ts';
import { mayRead, SEED_RECORDS, type MatrixPersona, type SalesObject, type SeedRecord } from './permissionMatrix.ts';

type Records = RecordsFixtures['records'];

/** A record a cell is checked on: its id and the name its page shows. */
export interface Subject {
  object: SalesObject;
  id: string;
  name: string;
}

/**
 * The records one test checks its cells on. Seed records are only ever read. Everything that is
 * written (edited, deleted, converted) is a fresh record made through `records` as the admin and
 * given to the right owner, so the seed data stays as it is and the test cleans up after itself:
 * - the persona's own record, for what the persona does with its own work;
 * - a record of the East rep's, for the sales manager (the team's work), and for marketing on
 *   opportunities, which it cannot own;
 * - a "twin" of a seed record (same object, same owner), to prove "editable" by editing.
 */
export class MatrixSubjects {
  private readonly made = new Map<string, Subject>();
  private readonly seeds = new Map<SeedRecord, { id: string; ownerId: string }>();

  constructor(
    readonly persona: MatrixPersona,
    private readonly asPersona: AsPersona,
    private readonly records: Records,
  ) {}

  /** Who owns the records this persona's object cells are checked on. */
  ownerFor(object: SalesObject): MatrixPersona {
    if (this.persona === 'sales-manager') return 'junior-rep';
    if (mayRead(this.persona, object) === false) return 'junior-rep';
    return this.persona;
  }

  /** Whether the records checked for this persona are its own (step titles say so). */
  worksOnOwn(object: SalesObject): boolean {
    return this.ownerFor(object) === this.persona;
  }

  /** The record the persona's cells on an object are checked on (one per object and test). */
  async of(object: SalesObject): Promise<Subject> {
    const key = `subject:${object}`;
    const known = this.made.get(key);
    if (known) return known;
    const subject = await this.fresh(object, await this.userIdOf(this.ownerFor(object)));
    this.made.set(key, subject);
    return subject;
  }

  /** A further record of the same owner: one to delete or convert without losing the subject. */
  async another(object: SalesObject): Promise<Subject> {
    return this.fresh(object, await this.userIdOf(this.ownerFor(object)));
  }

  /** A seed record's id and owner, read as the admin (the persona may not see it). */
  async seed(name: SeedRecord): Promise<{ id: string; ownerId: string }> {
    const known = this.seeds.get(name);
    if (known) return known;
    const admin = await this.asPersona('admin');
    const { object } = SEED_RECORDS[name];
    const found = await admin.api.query<{ Id: string; OwnerId: string }>(`SELECT Id, OwnerId FROM ${object} WHERE Name = '${name.replace(/'/g, "\\'")}'`);
    const seed = found.records[0];
    if (!seed) throw new Error(`The org has no seed ${object} "${name}": the permission matrix names the default org's seed data (orgs/default/golive/seed/).`);
    const result = { id: seed.Id, ownerId: seed.OwnerId };
    this.seeds.set(name, result);
    return result;
  }

  /** A fresh record of the seed record's object and owner: edited in its place. */
  async twinOf(name: SeedRecord): Promise<Subject> {
    const key = `twin:${name}`;
    const known = this.made.get(key);
    if (known) return known;
    const seed = await this.seed(name);
    const twin = await this.fresh(SEED_RECORDS[name].object, seed.ownerId);
    this.made.set(key, twin);
    return twin;
  }

  /** Takes on a record the persona made itself, so `records` deletes it after the test. */
  adopt(object: SalesObject, id: string): void {
    this.records.adopt(object, id);
  }

  /** The persona's own handle. */
  me(): Promise<PersonaHandle> {
    return this.asPersona(this.persona);
  }

  /**
   * The user behind a persona: its own handle, or for another persona the owner of a seed record
   * the matrix says it owns (read as the admin anyway), so no further browser page is opened.
   */
  private async userIdOf(persona: MatrixPersona): Promise<string> {
    if (persona === this.persona) return (await this.me()).user.id;
    const owned = (Object.keys(SEED_RECORDS) as SeedRecord[]).find((name) => SEED_RECORDS[name].owner === persona);
    if (owned) return (await this.seed(owned)).ownerId;
    return (await this.asPersona(persona)).user.id;
  }

  private async fresh(object: SalesObject, ownerId: string): Promise<Subject> {
    switch (object) {
      case 'Lead': {
        // Not from the web: the assignment rule would hand a web lead to a queue or a rep.
        const lead = await this.records.lead({ OwnerId: ownerId, LeadSource: 'Phone Inquiry' });
        return { object, id: lead.Id, name: [lead.FirstName, lead.LastName].filter(Boolean).join(' ') };
      }
      case 'Account': {
        const account = await this.records.account({ OwnerId: ownerId });
        return { object, id: account.Id, name: String(account.Name) };
      }
      case 'Contact': {
        const contact = await this.records.contact({ OwnerId: ownerId });
        return { object, id: contact.Id, name: [contact.FirstName, contact.LastName].filter(Boolean).join(' ') };
      }
      case 'Opportunity': {
        const opportunity = await this.records.opportunity({ OwnerId: ownerId });
        return { object, id: opportunity.Id, name: String(opportunity.Name) };
      }
    }
  }
}
