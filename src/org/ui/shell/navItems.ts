import type { UiDeps } from '../UiDeps.ts';
import type { UiUser } from '../session/UiSessions.ts';
import { objectIconName } from '../components/icon.ts';

export interface NavItem {
  /** 'home' or the object's API name; pages name their active item with it. */
  key: string;
  label: string;
  href: string;
  icon: string;
}

/** The tabs of Lightning's standard Sales app, in its order. */
const SALES_APP_OBJECTS = ['Lead', 'Account', 'Contact', 'Opportunity', 'Task'];

/**
 * The navigation items the user sees: Home, then each Sales app object the user may read
 * (asked through RecordService, so an object the security model hides has no tab).
 */
export function navItemsFor(deps: UiDeps, user: UiUser): NavItem[] {
  const items: NavItem[] = [{ key: 'home', label: 'Home', href: '/lightning/page/home', icon: 'home' }];
  for (const name of SALES_APP_OBJECTS) {
    const object = deps.org.records.findObject(user.context, name);
    if (object) items.push({ key: object.name, label: object.labelPlural, href: `/lightning/o/${object.name}/home`, icon: objectIconName(object.name) });
  }
  return items;
}
