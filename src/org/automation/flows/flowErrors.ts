import { randomInt } from 'node:crypto';
import { SalesforceError } from '../../errors/SalesforceError.ts';

/**
 * How a flow breaks. A FlowRuntimeError is a fault inside one element (a value that does not
 * convert, a record variable read before it was set); an element with a fault connector follows
 * it with the message in $Flow.FaultMessage. A FlowFault is an interview that ended in an
 * unhandled fault; the engine turns it into the error Salesforce gives the saving client.
 */

export class FlowRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlowRuntimeError';
  }
}

export class FlowFault extends Error {
  constructor(
    /** The element that failed (or 'start' for the entry conditions). */
    readonly element: string,
    message: string,
  ) {
    super(message);
    this.name = 'FlowFault';
  }
}

/** The message Flow gives a failed DML, which is also what $Flow.FaultMessage holds. */
export function dmlFaultMessage(verb: 'create' | 'update' | 'delete' | 'look up', err: SalesforceError): string {
  const text = /[.!?]$/.test(err.message) ? err.message : `${err.message}.`;
  return `This error occurred when the flow tried to ${verb} records: ${err.errorCode}: ${text} You can look up ExceptionCode values in the SOAP API Developer Guide.`;
}

/** Salesforce's shape of an error id ("1234567890-12345 (-987654321)"), which support would ask for. */
function errorId(): string {
  const sign = randomInt(2) === 0 ? '-' : '';
  return `${randomInt(100_000_000, 2_000_000_000)}-${randomInt(10_000, 999_999)} (${sign}${randomInt(100_000_000, 2_000_000_000)})`;
}

/**
 * What the client of the triggering save gets when a record-triggered flow fails: Salesforce's
 * CANNOT_EXECUTE_FLOW_TRIGGER, with the flow's label and the fault's details. The whole save is
 * rolled back with it.
 */
export function flowTriggerError(label: string, detail: string): SalesforceError {
  const details = /[.!?]$/.test(detail) ? detail : `${detail}.`;
  return new SalesforceError(
    400,
    'CANNOT_EXECUTE_FLOW_TRIGGER',
    `We can't save this record because the “${label}” process failed. Give your Salesforce admin these details. ${details} Error ID: ${errorId()}`,
  );
}
