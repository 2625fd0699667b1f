import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SalesforceError } from '../../errors/SalesforceError.ts';

/** A parsed SOAP request: the operation (Body's first element), its arguments and the headers. */
export interface SoapRequest {
  operation: string;
  args: Record<string, unknown>;
  headers: Record<string, unknown>;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  // Elements that repeat in partner WSDL operations: always arrays, even when there is one.
  isArray: (name) => ['leadConverts', 'sObjects', 'ids', 'fieldsToNull'].includes(name),
});

/** Thrown for a body that is not a SOAP envelope: rendered as a client fault. */
export class SoapFormatError extends SalesforceError {
  constructor(detail: string) {
    super(500, 'INVALID_REQUEST', detail);
  }
}

export function parseSoapRequest(xml: string): SoapRequest {
  if (typeof xml !== 'string' || xml.trim() === '') throw new SoapFormatError('Missing SOAP envelope: the request body is empty');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new SoapFormatError(`Malformed SOAP envelope: ${valid.err.msg} at line ${valid.err.line}`);
  const doc = parser.parse(xml) as Record<string, any>;
  const envelope = doc.Envelope;
  if (!envelope?.Body || typeof envelope.Body !== 'object') throw new SoapFormatError('Missing SOAP Body');
  const [operation] = Object.keys(envelope.Body);
  if (!operation) throw new SoapFormatError('The SOAP Body names no operation');
  const args = envelope.Body[operation];
  return {
    operation,
    args: args && typeof args === 'object' ? args : {},
    headers: envelope.Header && typeof envelope.Header === 'object' ? envelope.Header : {},
  };
}

export function xmlEscape(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A partner-WSDL response envelope around `<operationResponse>` content. */
export function soapResponse(operation: string, inner: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<soapenv:Body><${operation}Response>${inner}</${operation}Response></soapenv:Body></soapenv:Envelope>`
  );
}

/** Salesforce's fault: `sf:<CODE>` and a faultstring that repeats the code, as jsforce parses it. */
export function soapFault(code: string, message: string): string {
  const text = message.startsWith(`${code}:`) ? message : `${code}: ${message}`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<soapenv:Body><soapenv:Fault><faultcode>sf:${xmlEscape(code)}</faultcode><faultstring>${xmlEscape(text)}</faultstring>` +
    `<detail><sf:UnexpectedErrorFault xsi:type="sf:${code === 'INVALID_LOGIN' ? 'LoginFault' : 'UnexpectedErrorFault'}"><sf:exceptionCode>${xmlEscape(code)}</sf:exceptionCode><sf:exceptionMessage>${xmlEscape(message.replace(`${code}: `, ''))}</sf:exceptionMessage></sf:UnexpectedErrorFault></detail>` +
    '</soapenv:Fault></soapenv:Body></soapenv:Envelope>'
  );
}
