/**
 * An error as Salesforce reports it: an HTTP status for REST, an `errorCode` that clients branch
 * on, Salesforce's own message text and the fields concerned. Any layer may throw one; the REST
 * and SOAP error handlers render it, so every client sees the shape it expects.
 */
export class SalesforceError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly errorCode: string,
    message: string,
    readonly fields: string[] = [],
    /** Extra properties some errors carry in their REST body (duplicateResult of DUPLICATES_DETECTED). */
    readonly extra: Record<string, unknown> = {},
    /**
     * Further errors of the same save, reported after this one: Salesforce reports every failing
     * validation rule of a record at once (REST: one array entry each; collections: one `errors` entry each).
     */
    readonly also: readonly SalesforceError[] = [],
  ) {
    super(message);
    this.name = 'SalesforceError';
  }

  /** The REST body: Salesforce always answers errors with an array. */
  toRestBody(): Array<{ message: string; errorCode: string; fields?: string[] } & Record<string, unknown>> {
    const body: { message: string; errorCode: string; fields?: string[] } & Record<string, unknown> = {
      ...this.extra,
      message: this.message,
      errorCode: this.errorCode,
    };
    if (this.fields.length > 0) body.fields = this.fields;
    return [body, ...this.also.flatMap((e) => e.toRestBody())];
  }

  /** The per-record entry of a save result (collections, SOAP). */
  toSaveError(): { statusCode: string; message: string; fields: string[] } & Record<string, unknown> {
    return { ...this.extra, statusCode: this.errorCode, message: this.message, fields: this.fields };
  }

  /** Every per-record entry: this error and those in `also`. */
  toSaveErrors(): Array<{ statusCode: string; message: string; fields: string[] } & Record<string, unknown>> {
    return [this.toSaveError(), ...this.also.flatMap((e) => e.toSaveErrors())];
  }
}

export function isSalesforceError(err: unknown): err is SalesforceError {
  return err instanceof SalesforceError;
}
