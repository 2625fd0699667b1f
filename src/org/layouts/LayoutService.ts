import { SfErrors } from '../errors/SfErrors.ts';
import { toId18 } from '../ids/salesforceId.ts';
import type { OrgStore } from '../persistence/OrgStore.ts';
import type { FieldDef, ObjectDef } from '../schema/types.ts';
import type { AccessPolicy } from '../service/AccessPolicy.ts';
import type { UserContext } from '../service/UserContext.ts';
import { addressOf, personNameOf, type CompoundField } from './compoundFields.ts';
import { defaultLayout } from './defaultLayouts.ts';
import { chooseLayout } from './layoutAssignments.ts';
import { layoutLabel } from './layoutLabels.ts';
import type { LayoutMode, PageLayout, PageLayoutItem, PageLayoutRelatedList, PageLayoutSection } from './pageLayout.ts';
import { allowedActions, defaultActions } from './recordActions.ts';
import type { ItemBehavior, LayoutDef, LayoutSectionDef, PageLayoutMetadata } from './types.ts';

/**
 * Page layouts for the UI: which layout a user gets (profile assignment, record type, else the
 * project's or the built-in default) and what of it the user sees in a mode. Field-level
 * security comes from the AccessPolicy, like every other read in the service layer, so a field
 * hidden from the API is hidden from the page too.
 *
 * Caching: the chosen layout, resolved against the schema, is kept per (profile, object, record
 * type); metadata never changes while the org runs. Field access is applied on every call,
 * because users of one profile differ by permission sets (the default org's sales manager is a
 * Standard User who sees Commission__c through one); the policy caches that per user itself.
 */

export interface LayoutServiceDeps {
  /** The schema, and the Profile and RecordType rows that name a user's profile and a record type. */
  store: OrgStore;
  access: AccessPolicy;
  /** What readLayouts produced; absent when nothing was read (only built-in defaults then). */
  metadata?: PageLayoutMetadata;
}

/** describe's id of the Master record type, which means "no record type". */
const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

export class LayoutService {
  private readonly chosen = new Map<string, LayoutDef>();
  private readonly metadata: PageLayoutMetadata;

  constructor(private readonly deps: LayoutServiceDeps) {
    this.metadata = deps.metadata ?? { layouts: new Map(), assignments: new Map() };
  }

  /**
   * The layout of `object` for the user, in a mode. Refuses as RecordService would: an object the
   * user cannot read is INVALID_TYPE; a dialog the user's object permissions do not allow (create
   * without Create, edit without Edit) is INSUFFICIENT_ACCESS_OR_READONLY. An unknown record type
   * id is NOT_FOUND.
   */
  layoutFor(user: UserContext, object: ObjectDef, recordTypeId?: string, mode: LayoutMode = 'view'): PageLayout {
    const rights = this.deps.access.objectAccess(user, object);
    if (!rights.read) throw SfErrors.invalidType(object.name);
    if (mode === 'create' && !(object.createable && rights.create)) throw SfErrors.insufficientAccess();
    if (mode === 'edit' && !(object.updateable && rights.edit)) throw SfErrors.insufficientAccess();
    const layout = this.layoutOf(user, object, this.recordTypeName(object, recordTypeId));
    // In view mode "editable" means inline-editable, which the Edit permission governs as well.
    const canWrite = mode === 'create' ? object.createable && rights.create : object.updateable && rights.edit;
    const view = mode === 'view';
    const page: PageLayout = {
      name: layout.name,
      ...(layout.file ? { file: layout.file } : {}),
      sections: layout.sections.flatMap((s) => this.section(user, object, s, mode, canWrite)),
      relatedLists: view ? this.relatedLists(user, layout) : [],
    };
    if (view) {
      const actions = layout.actions ?? defaultActions(object).filter((a) => !layout.excludeButtons.includes(a));
      page.actions = allowedActions(actions, {
        create: object.createable && rights.create,
        edit: object.updateable && rights.edit,
        delete: object.deletable && rights.delete,
        convertLeads: object.name === 'Lead' && this.deps.access.hasPermission(user, 'ConvertLeads'),
      });
    } else if (layout.assignmentRuleCheckbox) page.assignmentRuleCheckbox = layout.assignmentRuleCheckbox;
    return page;
  }

  /** The layout assigned to the user's profile for the object and record type, resolved once. */
  private layoutOf(user: UserContext, object: ObjectDef, recordType: string | undefined): LayoutDef {
    const profile = user.profileId
      ? this.deps.store.selectOne(`SELECT "Name" FROM "Profile" WHERE "Id" = ?`, [user.profileId])?.Name
      : undefined;
    const profileName = profile === undefined || profile === null ? undefined : String(profile);
    const key = [profileName?.toLowerCase() ?? '', object.name.toLowerCase(), recordType?.toLowerCase() ?? ''].join('\u0000');
    let layout = this.chosen.get(key);
    if (!layout) {
      layout = chooseLayout(this.metadata, profileName, object, recordType) ?? defaultLayout(object, this.deps.store.schema);
      this.chosen.set(key, layout);
    }
    return layout;
  }

  /** The DeveloperName of the object's record type with that id; undefined for none or Master. */
  private recordTypeName(object: ObjectDef, raw: string | undefined): string | undefined {
    if (raw === undefined || raw === '') return undefined;
    const id = toId18(raw);
    if (!id) throw SfErrors.malformedIdValue(raw);
    if (id === MASTER_RECORD_TYPE_ID) return undefined;
    const row = this.deps.store.selectOne(`SELECT "DeveloperName", "SobjectType" FROM "RecordType" WHERE "Id" = ? AND "IsDeleted" = 0`, [id]);
    if (!row || String(row.SobjectType).toLowerCase() !== object.name.toLowerCase()) throw SfErrors.notFound();
    return String(row.DeveloperName);
  }

  private section(user: UserContext, object: ObjectDef, s: LayoutSectionDef, mode: LayoutMode, canWrite: boolean): PageLayoutSection[] {
    const items: PageLayoutItem[] = [];
    s.columns.forEach((cells, index) => {
      const column = (index === 0 ? 1 : 2) as 1 | 2;
      let row = 0;
      for (const cell of cells) {
        if (!('field' in cell)) {
          row++;
          continue;
        }
        const shown = this.cellItems(user, object, cell.field, cell.behavior, mode, canWrite).map((i) => ({ ...i, column, row }));
        // A cell the user sees nothing of closes up, as on Salesforce; blank spaces keep their place.
        if (shown.length > 0) {
          items.push(...shown);
          row++;
        }
      }
    });
    if (items.length === 0) return [];
    const leftToRight = s.style === 'TwoColumnsLeftToRight';
    // Stable sort: the parts of a compound keep their order within their cell.
    items.sort((a, b) => (leftToRight ? a.row - b.row || a.column - b.column : a.column - b.column || a.row - b.row));
    return [
      {
        label: s.label,
        columns: s.style === 'OneColumn' ? 1 : 2,
        heading: mode === 'view' ? s.detailHeading : s.editHeading,
        tabOrder: leftToRight ? 'leftToRight' : 'topToBottom',
        items,
      },
    ];
  }

  /**
   * What one layout cell shows: the field, or the parts of a compound. Lead and Contact Name is
   * one read-only value on the record page and Salutation / First Name / Last Name in the dialogs.
   */
  private cellItems(user: UserContext, object: ObjectDef, name: string, behavior: ItemBehavior, mode: LayoutMode, canWrite: boolean): Array<Omit<PageLayoutItem, 'column' | 'row'>> {
    const field = object.fieldsByLowerName.get(name.toLowerCase());
    const personName = mode !== 'view' && field ? personNameOf(object) : undefined;
    if (field && !(personName && personName.name === field.name)) return this.item(user, object, field, behavior, mode, canWrite);
    const compound: CompoundField | undefined = field ? personName : addressOf(object, name);
    if (!compound) return [];
    // Required on a compound means its required part (Last Name), which the API requires anyway.
    const partBehavior: ItemBehavior = behavior === 'Readonly' ? 'Readonly' : 'Edit';
    return compound.parts.flatMap((p) =>
      this.item(user, object, p, partBehavior, mode, canWrite).map((i) => ({ ...i, compound: { name: compound.name, label: compound.label } })),
    );
  }

  private item(user: UserContext, object: ObjectDef, field: FieldDef, behavior: ItemBehavior, mode: LayoutMode, canWrite: boolean): Array<Omit<PageLayoutItem, 'column' | 'row'>> {
    const fls = this.deps.access.fieldAccess(user, object, field);
    if (!fls.read) return [];
    // A new record has no value yet for what the platform sets (Id, audit fields, formulas, Name of a person).
    if (mode === 'create' && !field.createable) return [];
    const settable = mode === 'create' ? field.createable : field.updateable;
    const editable = canWrite && fls.edit && settable && behavior !== 'Readonly';
    return [
      {
        field,
        label: layoutLabel(object, field),
        // Salesforce never marks a field the user cannot change as required.
        required: editable && (behavior === 'Required' || field.required),
        editable,
        ...(field.inlineHelpText ? { helpText: field.inlineHelpText } : {}),
      },
    ];
  }

  private relatedLists(user: UserContext, layout: LayoutDef): PageLayoutRelatedList[] {
    const { access, store } = this.deps;
    return layout.relatedLists.flatMap((rl) => {
      const child = store.schema.object(rl.childObject);
      const field = child?.fieldsByLowerName.get(rl.field.toLowerCase());
      if (!child || !field || !access.objectAccess(user, child).read || !access.fieldAccess(user, child, field).read) return [];
      const columns = rl.columns.flatMap((name) => {
        const f = child.fieldsByLowerName.get(name.toLowerCase());
        return f && access.fieldAccess(user, child, f).read ? [f] : [];
      });
      return [
        {
          name: rl.name,
          childObject: child.name,
          field: field.name,
          label: rl.label,
          columns,
          ...(rl.activities ? { activities: rl.activities } : {}),
          ...(rl.sort ? { sort: rl.sort } : {}),
        },
      ];
    });
  }
}
