import type { FieldDef, ObjectDef, OrgSchema } from '../schema/types.ts';
import { criteriaCondition } from './criteriaSql.ts';
import { ALL, allOf, anyOf, condition, NONE, ownerIn, parentOfOwned, referenceTo, type RowAccess, type RowCondition } from './rowConditions.ts';
import type { AccountOwnerAccess, Principal, SharingGraph } from './SharingGraph.ts';
import type { SharingRule, SharingRulesMetadata } from './sharingRulesMetadata.ts';
import { isPlatformObject, type UserPermissions } from './UserPermissions.ts';

/**
 * Which records of each object one user can read, edit, or fully control (delete, transfer), as
 * SQL conditions compiled once per object and level. The rules, as Salesforce documents them:
 *
 * - Org-wide default (the object's sharingModel): Public Read Only opens reading to everyone,
 *   Public Read/Write (and Read/Write/Transfer) reading and editing; Private opens nothing.
 * - Ownership: owners have full access, and so has everyone above them in the role hierarchy
 *   ("Grant Access Using Hierarchies"). A queue's records belong to its members (users, and the
 *   users of member roles and groups) and, through the hierarchy, to the members' managers.
 * - Sharing rules: owner-based (records owned by members of one group, role or queue) and
 *   criteria-based, each giving Read or Edit to a group, role, queue or all internal users; a
 *   manager gets what is shared with the people below.
 * - Implicit sharing: read access to an account for the owners of its contacts and opportunities,
 *   and the access a role's "Opportunity/Contact Access" gives account owners to children of
 *   their accounts owned by others.
 * - Controlled by Parent: a contact (or a master-detail child) gets the access of its parent; a
 *   contact without an account is private to its owner.
 * - Activities (Private): the owner and those above edit and delete; whoever can read every
 *   record the activity is linked to (WhoId, WhatId) reads it.
 * - View All / Modify All on the object (and View All Data / Modify All Data) bypass all of it.
 */

export type AccessLevel = 'read' | 'edit' | 'full';

export interface LevelAccess {
  access: RowAccess;
  /** Owners whose records the level opens: a record check that finds its owner here needs no SQL. */
  owners: ReadonlySet<string>;
  /** True when nothing but `owners` opens records, so a record check outside them is a plain no. */
  ownersOnly: boolean;
}

const OPEN_TO_READ = new Set(['Read', 'ReadWrite', 'ReadWriteTransfer', 'FullAccess', 'Public']);
const OPEN_TO_EDIT = new Set(['ReadWrite', 'ReadWriteTransfer', 'FullAccess', 'Public']);

const EMPTY: ReadonlySet<string> = new Set();
const CLOSED: LevelAccess = { access: NONE, owners: EMPTY, ownersOnly: true };
const OPEN: LevelAccess = { access: ALL, owners: EMPTY, ownersOnly: false };

const grants = (rule: SharingRule, level: AccessLevel) => level === 'read' || (level === 'edit' && rule.accessLevel === 'Edit');
const levelGrants = (given: 'None' | 'Read' | 'Edit' | AccountOwnerAccess, level: AccessLevel) =>
  (level === 'read' && given !== 'None') || (level === 'edit' && given === 'Edit');

/** What the user compiles against; shared by all the users of one org snapshot. */
export interface SharingSetup {
  schema: OrgSchema;
  graph: SharingGraph;
  rules: SharingRulesMetadata;
  /** Compiled criteria per rule, shared by every user. */
  criteria: WeakMap<SharingRule, RowCondition>;
  /** Live rows of the object owned by the ids, counted up to `cap` (enough to choose a query plan). */
  countOwned(object: ObjectDef, ownerIds: readonly string[], cap: number): number;
}

/**
 * Up to this many owned rows, queries find them through the OwnerId index and sort them; beyond,
 * scanning another index (CreatedDate for ORDER BY, or the table) and skipping the rows of other
 * owners is faster, and SQLite must be kept from the OwnerId index (see ownerIn).
 */
const OWNER_INDEX_ROWS = 1000;

export class RecordSharing {
  private readonly memo = new Map<string, LevelAccess>();
  private readonly principals: ReadonlySet<Principal>;
  /** The user and everyone below in the role hierarchy. */
  private readonly hierarchy: readonly string[];
  /** Owners whose records the user fully controls: the hierarchy plus the queues it belongs to. */
  private readonly fullOwners: readonly string[];

  constructor(
    readonly userId: string,
    private readonly permissions: UserPermissions,
    private readonly setup: SharingSetup,
  ) {
    const graph = setup.graph;
    this.principals = graph.accessPrincipalsOf(userId);
    this.hierarchy = [userId, ...graph.subordinates(userId)];
    this.fullOwners = [...this.hierarchy, ...graph.queueIds(this.principals)];
  }

  access(object: ObjectDef, level: AccessLevel): LevelAccess {
    const key = `${object.name}\u0000${level}`;
    let found = this.memo.get(key);
    if (!found) {
      // Guards a ControlledByParent cycle (an object that is its own master): no access rather than a loop.
      this.memo.set(key, CLOSED);
      found = this.compute(object, level);
      this.memo.set(key, found);
    }
    return found;
  }

  private compute(object: ObjectDef, level: AccessLevel): LevelAccess {
    const rights = this.permissions.objectAccess(object);
    if (!rights.read) return CLOSED;
    if (rights.modifyAll || (level === 'read' && rights.viewAll) || isPlatformObject(object)) return OPEN;
    const model = object.sharingModel;
    if (model === 'ControlledByParent') return this.fromParent(object, level);
    if (!object.fieldsByLowerName.has('ownerid')) return OPEN;
    if (level === 'read' && OPEN_TO_READ.has(model)) return OPEN;
    if (level === 'edit' && OPEN_TO_EDIT.has(model)) return OPEN;
    if (level === 'full' && model === 'FullAccess') return OPEN;
    if (object.name === 'Task' || object.name === 'Event') return this.activity(object, level);
    if (level === 'full') return this.owned(this.fullOwners, []);

    const owners = new Set(this.fullOwners);
    const others: RowAccess[] = [];
    for (const rule of this.rulesFor(object.name)) {
      if (!grants(rule, level)) continue;
      if (rule.kind === 'owner') for (const o of this.ruleOwners(rule)) owners.add(o);
      else others.push(this.criteria(object, rule));
    }
    if (object.name === 'Account' && level === 'read') {
      // Implicit parent sharing: owning a contact or an opportunity shows its account.
      for (const [child, field] of [['Contact', 'AccountId'], ['Opportunity', 'AccountId']] as const) {
        const c = this.setup.schema.object(child);
        if (c && c.fieldsByLowerName.has('ownerid') && c.sharingModel !== 'ControlledByParent') others.push(parentOfOwned(child, field, this.fullOwners));
      }
    }
    if (object.name === 'Opportunity' || object.name === 'Contact') others.push(this.viaAccount(object, object.name, level));
    return this.owned([...owners], others, object);
  }

  /** `object`: the owners' rows are what queries read, so choose how SQLite should find them. */
  private owned(owners: readonly string[], others: readonly RowAccess[], object?: ObjectDef): LevelAccess {
    const indexed = object === undefined || this.setup.countOwned(object, owners, OWNER_INDEX_ROWS + 1) <= OWNER_INDEX_ROWS;
    const access = anyOf([ownerIn(owners, { indexed }), ...others]);
    if (access === ALL) return OPEN;
    return { access, owners: new Set(owners), ownersOnly: others.every((o) => o === NONE) };
  }

  private rulesFor(objectName: string): SharingRule[] {
    return (this.setup.rules.get(objectName) ?? []).filter((r) => {
      const to = this.setup.graph.resolve(r.sharedTo);
      return to !== undefined && this.principals.has(to);
    });
  }

  /** The owners an owner-based rule shares from: the users of its group or role, or the queue itself. */
  private ruleOwners(rule: SharingRule & { kind: 'owner' }): readonly string[] {
    const from = this.setup.graph.resolve(rule.sharedFrom);
    if (from === undefined) return [];
    return this.setup.graph.isQueue(from) ? [from.slice('group:'.length)] : this.setup.graph.usersIn(from);
  }

  private criteria(object: ObjectDef, rule: SharingRule & { kind: 'criteria' }): RowCondition {
    let compiled = this.setup.criteria.get(rule);
    if (!compiled) {
      compiled = criteriaCondition(this.setup.schema, object, rule.items, rule.booleanFilter);
      this.setup.criteria.set(rule, compiled);
    }
    return compiled;
  }

  /**
   * Access to opportunities or contacts through their account: the role's access for account
   * owners (for accounts owned in the user's hierarchy), and account sharing rules that extend to
   * the account's children (accountSettings).
   */
  private viaAccount(object: ObjectDef, child: 'Opportunity' | 'Contact', level: AccessLevel): RowAccess {
    const account = this.setup.schema.object('Account');
    if (!account || !object.fieldsByLowerName.has('accountid') || !this.permissions.objectAccess(account).read) return NONE;
    const owners = this.hierarchy.filter((u) => levelGrants(this.setup.graph.accountOwnerAccess(u, child), level));
    const accounts: RowAccess[] = [ownerIn(owners)];
    for (const rule of this.rulesFor('Account')) {
      const given = rule.accountChildren?.[child === 'Opportunity' ? 'opportunity' : 'contact'] ?? 'None';
      if (!levelGrants(given, level)) continue;
      accounts.push(rule.kind === 'owner' ? ownerIn(this.ruleOwners(rule)) : this.criteria(account, rule));
    }
    return referenceTo('AccountId', 'Account', anyOf(accounts));
  }

  /**
   * Controlled by Parent: the parent's access at the same level. A contact without an account is
   * private to its owner (and those above); a master-detail child is deleted by whoever can edit
   * its master, as Salesforce requires.
   */
  private fromParent(object: ObjectDef, level: AccessLevel): LevelAccess {
    const field = parentField(object);
    const parent = field ? this.setup.schema.object(field.referenceTo[0]) : undefined;
    if (!field || !parent) return object.fieldsByLowerName.has('ownerid') ? this.owned(this.fullOwners, []) : OPEN;
    const parentLevel: AccessLevel = level === 'full' && object.custom ? 'edit' : level;
    const viaParent = referenceTo(field.name, parent.name, this.access(parent, parentLevel).access);
    if (viaParent === ALL && !object.fieldsByLowerName.has('ownerid')) return OPEN;
    if (!object.fieldsByLowerName.has('ownerid')) return { access: viaParent, owners: EMPTY, ownersOnly: viaParent === NONE };
    const orphans = allOf([condition((a) => `${a}."${field.name}" IS NULL`), ownerIn(this.fullOwners)]);
    return { access: anyOf([viaParent, orphans]), owners: EMPTY, ownersOnly: false };
  }

  /**
   * Activities with the Private default: owners and their managers read, edit and delete them;
   * anyone who can read every record an activity is linked to reads it too (an activity linked to
   * nothing stays with its owner).
   */
  private activity(object: ObjectDef, level: AccessLevel): LevelAccess {
    if (level !== 'read') return this.owned(this.fullOwners, []);
    const links = ['WhoId', 'WhatId'].flatMap((name) => {
      const f = object.fieldsByLowerName.get(name.toLowerCase());
      return f ? [f] : [];
    });
    if (links.length === 0) return this.owned(this.fullOwners, []);
    const linked = anyOf(links.map((f) => condition((a) => `${a}."${f.name}" IS NOT NULL`)));
    const everyLinkReadable = allOf(links.map((f) => anyOf([condition((a) => `${a}."${f.name}" IS NULL`), this.readableTarget(f)])));
    return this.owned(this.fullOwners, [allOf([linked, everyLinkReadable])], object);
  }

  /** The rows of a (polymorphic) lookup whose target record the user can read. */
  private readableTarget(field: FieldDef): RowAccess {
    return anyOf(
      field.referenceTo.flatMap((name) => {
        const target = this.setup.schema.object(name);
        if (!target) return [];
        return [referenceTo(field.name, target.name, this.access(target, 'read').access, field.referenceTo.length > 1 ? target.keyPrefix : undefined)];
      }),
    );
  }
}

/**
 * The lookup a Controlled-by-Parent object takes its access from: Contact.AccountId, or the
 * master-detail field of a custom detail object (its first required lookup to another object).
 */
export function parentField(object: ObjectDef): FieldDef | undefined {
  if (object.name === 'Contact') return object.fieldsByLowerName.get('accountid');
  return object.fields.find(
    (f) => f.type === 'reference' && f.required && f.custom && f.referenceTo.length === 1 && f.referenceTo[0].toLowerCase() !== object.name.toLowerCase(),
  );
}
