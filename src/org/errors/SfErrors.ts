import { SalesforceError } from './SalesforceError.ts';

/**
 * The one place Salesforce-shaped errors are made. Messages follow the real platform's wording,
 * because testers paste them into tickets and harness code matches on them. Expected failures are
 * always 4xx: jsforce retries 5xx answers for several seconds, which would turn a clear error into
 * a hang.
 */
export const SfErrors = {
  // --- sessions and login -------------------------------------------------------------------
  invalidLogin: () =>
    new SalesforceError(500, 'INVALID_LOGIN', 'INVALID_LOGIN: Invalid username, password, security token; or user locked out.'),
  invalidSession: () => new SalesforceError(401, 'INVALID_SESSION_ID', 'Session expired or invalid'),
  /**
   * The SOAP API's wording for a session it does not know: the hash lets a support case find the
   * session without the id itself appearing in logs.
   */
  soapSessionNotFound: (sessionHash: string) =>
    new SalesforceError(
      500,
      'INVALID_SESSION_ID',
      `Invalid Session ID found in SessionHeader: Illegal Session. Session not found, missing session hash: ${sessionHash}\nThis error usually occurs after a session expires or a user logs out.`,
    ),
  soapIllegalSession: () => new SalesforceError(500, 'INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session'),
  soapLoginUnavailable: (version: string) =>
    new SalesforceError(
      500,
      'INVALID_OPERATION',
      `The SOAP Login operation is not available in the API version specified (${version}). Refer to the documentation for supported versions.`,
    ),
  apiDisabled: () =>
    new SalesforceError(403, 'API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.'),

  // --- resources ----------------------------------------------------------------------------
  notFound: () => new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist'),
  recordNotFound: (id: string) =>
    new SalesforceError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${id}`),
  notFoundField: (field: string, sobject: string) =>
    new SalesforceError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${field}`, [field]),
  entityIsDeleted: () => new SalesforceError(404, 'ENTITY_IS_DELETED', 'entity is deleted'),
  methodNotAllowed: (method: string, allowed: string[]) =>
    new SalesforceError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`),
  notImplemented: (what: string) =>
    new SalesforceError(
      501,
      'NOT_IMPLEMENTED',
      `The golive local org does not emulate ${what} yet. See the project's issues for what is planned.`,
    ),
  unsupportedMediaType: () =>
    new SalesforceError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Content type not supported: send application/json'),

  // --- request bodies -----------------------------------------------------------------------
  jsonParser: (detail: string) => new SalesforceError(400, 'JSON_PARSER_ERROR', detail),
  invalidInput: (message: string) => new SalesforceError(400, 'INVALID_INPUT', message),
  exceededIdLimit: (max: number) =>
    new SalesforceError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${max} records into this call`),

  // --- objects and fields -------------------------------------------------------------------
  invalidType: (sobject: string) =>
    new SalesforceError(
      400,
      'INVALID_TYPE',
      `sObject type '${sobject}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    ),
  invalidField: (message: string) => new SalesforceError(400, 'INVALID_FIELD', message),
  noSuchColumn: (field: string, sobject: string) =>
    new SalesforceError(400, 'INVALID_FIELD', `No such column '${field}' on sobject of type ${sobject}`, [field]),
  invalidFieldForInsertUpdate: (fields: string[]) =>
    new SalesforceError(
      400,
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      fields,
    ),

  // --- field values -------------------------------------------------------------------------
  malformedId: (label: string, id: string) =>
    new SalesforceError(400, 'MALFORMED_ID', `${label}: id value of incorrect type: ${id}`, []),
  malformedIdValue: (id: string) => new SalesforceError(400, 'MALFORMED_ID', `malformed id ${id}`),
  invalidTypeOnField: (field: string, value: unknown) =>
    new SalesforceError(
      400,
      'INVALID_TYPE_ON_FIELD_IN_RECORD',
      `${field}: value not of required type: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
      [field],
    ),
  stringTooLong: (label: string, field: string, value: string, max: number) =>
    new SalesforceError(400, 'STRING_TOO_LONG', `${label}: data value too large: ${value} (max length=${max})`, [field]),
  badRestrictedPicklist: (label: string, field: string, value: string) =>
    new SalesforceError(
      400,
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `${label}: bad value for restricted picklist field: ${value}`,
      [field],
    ),
  requiredFieldMissing: (fields: string[]) =>
    new SalesforceError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${fields.join(', ')}]`, fields),
  invalidEmail: (label: string, field: string, value: string) =>
    new SalesforceError(400, 'INVALID_EMAIL_ADDRESS', `${label}: invalid email address: ${value}`, [field]),
  numberOutsideRange: (label: string, field: string, value: number) =>
    new SalesforceError(
      400,
      'NUMBER_OUTSIDE_VALID_RANGE',
      `${label}: value outside of valid range on numeric field: ${value}`,
      [field],
    ),
  invalidCrossReference: (field: string) =>
    new SalesforceError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field]),
  fieldIntegrity: (field: string, message: string) =>
    new SalesforceError(400, 'FIELD_INTEGRITY_EXCEPTION', message, [field]),
  duplicateValue: (field: string, existingId: string) =>
    new SalesforceError(
      400,
      'DUPLICATE_VALUE',
      `duplicate value found: ${field} duplicates value on record with id: ${existingId}`,
      [field],
    ),
  duplicateExternalId: (field: string, ids: string[]) =>
    new SalesforceError(
      300,
      'MULTIPLE_CHOICES',
      `More than one record found for external id field ${field}: ${ids.join(', ')}`,
      [field],
    ),

  /**
   * A duplicate rule refused the save (Block, or an Alert the DuplicateRuleHeader did not allow).
   * The body carries Salesforce's duplicateResult, whose matchRecords name the existing records.
   */
  duplicatesDetected: (message: string, duplicateResult: Record<string, unknown>) =>
    new SalesforceError(400, 'DUPLICATES_DETECTED', message, [], { duplicateResult }),

  /** A validation rule's condition was true: its message, on its errorDisplayField when it has one. */
  fieldCustomValidation: (message: string, field?: string) =>
    new SalesforceError(400, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message, field ? [field] : []),
  /** Several errors of one save, reported together: the first, then the others (see SalesforceError.also). */
  together: (errors: readonly SalesforceError[]) => {
    const [first, ...rest] = errors;
    return rest.length === 0 ? first : new SalesforceError(first.httpStatus, first.errorCode, first.message, first.fields, first.extra, [...first.also, ...rest]);
  },

  // --- transactions -------------------------------------------------------------------------
  allOrNoneRolledBack: () =>
    new SalesforceError(
      400,
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'Record rolled back because not all records were valid and the request was using AllOrNone header',
    ),

  // --- queries ------------------------------------------------------------------------------
  malformedQuery: (detail: string) => new SalesforceError(400, 'MALFORMED_QUERY', detail),
  invalidQueryLocator: () => new SalesforceError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator'),
  invalidQueryFilterOperator: (detail: string) => new SalesforceError(400, 'INVALID_QUERY_FILTER_OPERATOR', detail),
  // The SOQL factories take `pointer`: Salesforce prefixes query errors with the offending line, a
  // caret and "ERROR at Row:r:Column:c" when it knows the position (empty when it does not).
  soqlUnknownObject: (sobject: string, pointer = '') =>
    new SalesforceError(400, 'INVALID_TYPE', pointer + SfErrors.invalidType(sobject).message),
  soqlNoSuchColumn: (field: string, entity: string, pointer = '') =>
    new SalesforceError(
      400,
      'INVALID_FIELD',
      `${pointer}No such column '${field}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
    ),
  soqlUnknownRelationship: (relationship: string, pointer = '') =>
    new SalesforceError(
      400,
      'INVALID_FIELD',
      `${pointer}Didn't understand relationship '${relationship}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
    ),
  soqlUnknownChildRelationship: (relationship: string, pointer = '') =>
    new SalesforceError(
      400,
      'INVALID_TYPE',
      `${pointer}Didn't understand relationship '${relationship}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
    ),
  soqlUnexpectedToken: (token: string, pointer = '') =>
    new SalesforceError(400, 'MALFORMED_QUERY', `${pointer}unexpected token: '${token}'`),
  soqlOffsetTooLarge: (pointer = '') =>
    new SalesforceError(400, 'NUMBER_OUTSIDE_VALID_RANGE', `${pointer}Maximum SOQL offset allowed is 2000`),
  soqlNotGroupedOrAggregated: (field: string) =>
    new SalesforceError(400, 'MALFORMED_QUERY', `Field must be grouped or aggregated: ${field}`),
  soqlInvalidId: (value: string) => new SalesforceError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${value}`),
  soqlFilterValueType: (field: string, type: string, quoted: boolean, pointer = '') =>
    new SalesforceError(
      400,
      'INVALID_FIELD',
      `${pointer}value of filter criterion for field '${field}' must be of type ${type} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
    ),
  /** A valid SOQL feature the local org does not emulate: refuse rather than answer wrongly. */
  soqlUnsupported: (what: string, pointer = '') =>
    new SalesforceError(400, 'MALFORMED_QUERY', `${pointer}${what} is not supported by the golive local org yet.`),

  // --- lead conversion ----------------------------------------------------------------------
  invalidConvertedStatus: (status: string) =>
    new SalesforceError(400, 'INVALID_STATUS', `invalid convertedStatus: ${status}`),
  cannotUpdateConvertedLead: () =>
    new SalesforceError(400, 'CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead'),

  // --- access (enforced from "Local org, part 2") --------------------------------------------
  insufficientAccess: () =>
    new SalesforceError(400, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id'),
  /** A user without the "API Enabled" permission: SOAP login and every API call (403 over REST). */
  apiDisabledForUser: () => new SalesforceError(403, 'API_CURRENTLY_DISABLED', 'API is disabled for this User'),
} as const;
