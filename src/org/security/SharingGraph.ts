import type { OrgStore } from '../persistence/OrgStore.ts';

/**
 * Who is above whom and who belongs to what, read from the setup rows (User, UserRole, Group,
 * GroupMember) at one moment. Everything sharing needs is a question about this graph: the users
 * below a manager, the groups, queues and roles a user belongs to, the users a group stands for.
 *
 * Principals are the things access is shared with, as strings:
 *   `user:<id>`, `role:<UserRole id>` (the users in that role), `ras:<UserRole id>` (that role and
 *   every role below it), `group:<Group id>` (public groups and queues), `org` (All Internal Users).
 * Role groups are mapped to `role:` / `ras:` keys through Group.RelatedId, so a role created
 * through the API without its groups still works as a principal.
 */

export type Principal = string;

export type PrincipalKind = 'role' | 'roleAndSubordinates' | 'group' | 'queue' | 'allInternalUsers';

/** A principal as metadata names it (a sharing rule's sharedTo / sharedFrom). */
export interface PrincipalSpec {
  kind: PrincipalKind;
  /** DeveloperName of the role, group or queue; absent for allInternalUsers. */
  name?: string;
}

export type AccountOwnerAccess = 'None' | 'Read' | 'Edit';

interface RoleNode {
  parentId: string | null;
  developerName: string;
  opportunityAccess: AccountOwnerAccess;
  contactAccess: AccountOwnerAccess;
}

interface GroupNode {
  type: string;
  developerName: string;
  includeBosses: boolean;
}

const accessLevel = (v: unknown): AccountOwnerAccess => (v === 'Read' || v === 'Edit' ? v : 'None');

export class SharingGraph {
  private readonly userRole = new Map<string, string | null>();
  private readonly roles = new Map<string, RoleNode>();
  private readonly childRoles = new Map<string, string[]>();
  private readonly groups = new Map<string, GroupNode>();
  /** Member principal → the principals (groups) that contain it directly. */
  private readonly containers = new Map<Principal, Principal[]>();

  private readonly principalsMemo = new Map<string, ReadonlySet<Principal>>();
  private readonly bossMemo = new Map<string, ReadonlySet<Principal>>();
  private readonly accessMemo = new Map<string, ReadonlySet<Principal>>();
  private readonly belowRoleMemo = new Map<string, readonly string[]>();
  private membersIndex: Map<Principal, string[]> | undefined;

  static load(store: OrgStore): SharingGraph {
    const graph = new SharingGraph();
    for (const r of store.select(
      `SELECT "Id", "ParentRoleId", "DeveloperName", "OpportunityAccessForAccountOwner" AS "Opp", "ContactAccessForAccountOwner" AS "Con" FROM "UserRole" WHERE "IsDeleted" = 0`,
      [],
    )) {
      graph.roles.set(String(r.Id), {
        parentId: r.ParentRoleId === null ? null : String(r.ParentRoleId),
        developerName: String(r.DeveloperName ?? ''),
        opportunityAccess: accessLevel(r.Opp),
        contactAccess: accessLevel(r.Con),
      });
    }
    for (const [id, role] of graph.roles) {
      if (role.parentId && graph.roles.has(role.parentId)) graph.childRoles.set(role.parentId, [...(graph.childRoles.get(role.parentId) ?? []), id]);
    }
    for (const u of store.select(`SELECT "Id", "UserRoleId" FROM "User" WHERE "IsDeleted" = 0`, [])) {
      graph.userRole.set(String(u.Id), u.UserRoleId === null ? null : String(u.UserRoleId));
    }
    const groupKeys = new Map<string, Principal>();
    for (const g of store.select(`SELECT "Id", "Type", "DeveloperName", "RelatedId", "DoesIncludeBosses" FROM "Group" WHERE "IsDeleted" = 0`, [])) {
      const id = String(g.Id);
      const type = String(g.Type);
      graph.groups.set(id, { type, developerName: String(g.DeveloperName ?? ''), includeBosses: g.DoesIncludeBosses !== 0 });
      groupKeys.set(id, groupPrincipal(id, type, g.RelatedId === null ? null : String(g.RelatedId)));
    }
    for (const m of store.select(`SELECT "GroupId", "UserOrGroupId" FROM "GroupMember" WHERE "IsDeleted" = 0`, [])) {
      const container = groupKeys.get(String(m.GroupId));
      const memberId = String(m.UserOrGroupId);
      const member = graph.userRole.has(memberId) ? `user:${memberId}` : groupKeys.get(memberId);
      if (!container || !member) continue;
      graph.containers.set(member, [...(graph.containers.get(member) ?? []), container]);
    }
    return graph;
  }

  get userIds(): IterableIterator<string> {
    return this.userRole.keys();
  }

  /** The role and every role above it, nearest first; a cycle (possible through API edits) ends the walk. */
  private rolesUpFrom(roleId: string): string[] {
    const out: string[] = [];
    for (let r: string | null = roleId; r !== null && this.roles.has(r) && !out.includes(r); r = this.roles.get(r)!.parentId) out.push(r);
    return out;
  }

  /** Users whose role is strictly below the user's: whose records "Grant Access Using Hierarchies" opens to the user. */
  subordinates(userId: string): readonly string[] {
    const role = this.userRole.get(userId);
    if (!role) return [];
    let below = this.belowRoleMemo.get(role);
    if (!below) {
      const roles = new Set<string>();
      const walk = (r: string) => {
        for (const c of this.childRoles.get(r) ?? []) {
          if (roles.has(c)) continue;
          roles.add(c);
          walk(c);
        }
      };
      walk(role);
      roles.delete(role);
      below = [...this.userRole].filter(([, r]) => r !== null && roles.has(r)).map(([u]) => u);
      this.belowRoleMemo.set(role, below);
    }
    return below;
  }

  /** Everything the user is a member of, directly or through roles and nested groups. */
  principalsOf(userId: string): ReadonlySet<Principal> {
    return this.memberships(userId, false);
  }

  /**
   * The user's memberships, or (`asSubordinate`) those whose shares also reach the user's managers:
   * a public group without "Grant Access Using Hierarchies" (Group.DoesIncludeBosses) stops that,
   * and so does every group reached only through it (a queue whose member it is).
   */
  private memberships(userId: string, asSubordinate: boolean): ReadonlySet<Principal> {
    const memo = asSubordinate ? this.bossMemo : this.principalsMemo;
    let set = memo.get(userId);
    if (!set) {
      const role = this.userRole.get(userId) ?? null;
      const start: Principal[] = [`user:${userId}`, 'org'];
      if (role) start.push(`role:${role}`, ...this.rolesUpFrom(role).map((r) => `ras:${r}`));
      const found = new Set<Principal>(start);
      const queue = [...start];
      while (queue.length > 0) {
        for (const c of this.containers.get(queue.pop()!) ?? []) {
          if (found.has(c) || (asSubordinate && !this.bossesSee(c))) continue;
          found.add(c);
          queue.push(c);
        }
      }
      set = found;
      memo.set(userId, set);
    }
    return set;
  }

  /** The principals whose shares reach the user: the user's own, and what reaches the subordinates' managers. */
  accessPrincipalsOf(userId: string): ReadonlySet<Principal> {
    let set = this.accessMemo.get(userId);
    if (!set) {
      const all = new Set(this.principalsOf(userId));
      for (const s of this.subordinates(userId)) for (const p of this.memberships(s, true)) all.add(p);
      set = all;
      this.accessMemo.set(userId, set);
    }
    return set;
  }

  private bossesSee(p: Principal): boolean {
    if (!p.startsWith('group:')) return true;
    const g = this.groups.get(p.slice('group:'.length));
    return !g || g.type !== 'Regular' || g.includeBosses;
  }

  /** The users a principal stands for (the owners an owner-based sharing rule shares from). */
  usersIn(principal: Principal): readonly string[] {
    if (!this.membersIndex) {
      const index = new Map<Principal, string[]>();
      for (const u of this.userRole.keys()) for (const p of this.principalsOf(u)) index.set(p, [...(index.get(p) ?? []), u]);
      this.membersIndex = index;
    }
    return this.membersIndex.get(principal) ?? [];
  }

  isQueue(principal: Principal): boolean {
    return principal.startsWith('group:') && this.groups.get(principal.slice('group:'.length))?.type === 'Queue';
  }

  /** The queues among the principals, as the owner ids their records carry. */
  queueIds(principals: Iterable<Principal>): string[] {
    const out: string[] = [];
    for (const p of principals) if (this.isQueue(p)) out.push(p.slice('group:'.length));
    return out;
  }

  /** The principal a rule names, or undefined when the org has no such role, group or queue. */
  resolve(spec: PrincipalSpec): Principal | undefined {
    const name = spec.name?.toLowerCase();
    switch (spec.kind) {
      case 'allInternalUsers':
        return 'org';
      case 'role':
      case 'roleAndSubordinates': {
        const id = [...this.roles].find(([, r]) => r.developerName.toLowerCase() === name)?.[0];
        return id === undefined ? undefined : `${spec.kind === 'role' ? 'role' : 'ras'}:${id}`;
      }
      case 'group':
      case 'queue': {
        const type = spec.kind === 'group' ? 'Regular' : 'Queue';
        const id = [...this.groups].find(([, g]) => g.type === type && g.developerName.toLowerCase() === name)?.[0];
        return id === undefined ? undefined : `group:${id}`;
      }
    }
  }

  /** What the user's role gives an account owner on other people's opportunities or contacts of the account. */
  accountOwnerAccess(userId: string, child: 'Opportunity' | 'Contact'): AccountOwnerAccess {
    const role = this.roles.get(this.userRole.get(userId) ?? '');
    if (!role) return 'None';
    return child === 'Opportunity' ? role.opportunityAccess : role.contactAccess;
  }
}

function groupPrincipal(id: string, type: string, relatedId: string | null): Principal {
  if (type === 'Role' && relatedId) return `role:${relatedId}`;
  if ((type === 'RoleAndSubordinates' || type === 'RoleAndSubordinatesInternal') && relatedId) return `ras:${relatedId}`;
  if (type === 'Organization') return 'org';
  return `group:${id}`;
}
