import type { QueryAccess, QueryEngine, QueryResultPage } from '../soql/QueryEngine.ts';
import type { AccessPolicy } from './AccessPolicy.ts';
import type { UserContext } from './UserContext.ts';

export interface QueryRequest {
  includeDeleted: boolean;
  apiVersion: string;
  batchSize?: number;
}

/**
 * SOQL as a user: the engine asks this user's AccessPolicy for every object, field and row it
 * touches, so invisible rows are silently absent and invisible fields are INVALID_FIELD, as on
 * Salesforce.
 */
export class QueryService {
  constructor(
    private readonly engine: QueryEngine,
    private readonly access: AccessPolicy,
    private readonly now: () => Date,
  ) {}

  private accessFor(user: UserContext): QueryAccess {
    return {
      canReadObject: (object) => this.access.objectAccess(user, object).read,
      canReadField: (object, field) => this.access.fieldAccess(user, object, field).read,
      rowFilter: (object, alias) => this.access.rowFilter(user, object, alias),
    };
  }

  query(user: UserContext, soql: string, request: QueryRequest): QueryResultPage {
    return this.engine.query(soql, {
      includeDeleted: request.includeDeleted,
      access: this.accessFor(user),
      now: this.now(),
      apiVersion: request.apiVersion,
      batchSize: request.batchSize,
      userId: user.userId,
    });
  }

  queryMore(user: UserContext, locator: string, apiVersion: string): QueryResultPage {
    return this.engine.queryMore(locator, { userId: user.userId, now: this.now(), apiVersion });
  }
}
