import type { FormulaUsers } from '../formula/FormulaUsers.ts';
import type { FormulaContext, FormulaUser } from '../formula/types.ts';
import type { OrgStore } from '../persistence/OrgStore.ts';
import type { SaveEvent } from '../service/SaveHooks.ts';

/**
 * What a formula evaluated during a save sees (validation rules, assignment rule entries): the
 * record being saved, its prior version, the running user and the org's clock. The user part is
 * loaded lazily: only formulas that use $User, $Profile, $UserRole, $Permission or TODAY() need it.
 */
export function formulaContextOf(event: SaveEvent, deps: { store: OrgStore; users: FormulaUsers; now: Date }): FormulaContext {
  const { store, users, now } = deps;
  let user: FormulaUser | undefined;
  const userPart = () => (user ??= users.forUser(event.user.userId));
  return {
    row: event.row,
    prior: event.prior,
    isNew: event.kind === 'insert',
    get user() {
      return userPart();
    },
    get timeZone() {
      const zone = userPart().userRow.TimeZoneSidKey;
      return typeof zone === 'string' && zone !== '' ? zone : undefined;
    },
    lookupParent: (object, id) => store.getById(object, id),
    now,
  };
}
