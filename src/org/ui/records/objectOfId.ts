import type { UiDeps } from '../UiDeps.ts';

/**
 * The object a record id belongs to, by its key prefix (for links to lookups, whose target can
 * be one of several objects). Schema only: whether the user may open it is the record page's
 * business.
 */
export function objectNameOfId(deps: UiDeps, id: string): string | undefined {
  return deps.org.store.schema.objectByKeyPrefix(id.slice(0, 3))?.name;
}
