import type { FastifyRequest } from 'fastify';
import type { OrgServices } from '../OrgServices.ts';
import type { SoapRequest } from './soapEnvelope.ts';

export interface SoapCall {
  request: SoapRequest;
  apiVersion: string;
  /** scheme://host:port as the client reached the org, for serverUrl and identity URLs. */
  baseUrl: string;
  http: FastifyRequest;
}

/**
 * A partner-WSDL operation: returns the XML inside `<operationResponse>`, or throws a
 * SalesforceError that the dispatcher turns into a SOAP fault.
 */
export type SoapOperation = (call: SoapCall, org: OrgServices) => string;
