import { SalesforceError } from '../../errors/SalesforceError.ts';
import { SfErrors } from '../../errors/SfErrors.ts';
import type { LeadConvertRequest, LeadConvertResult } from '../../leadConvert/types.ts';
import { xmlEscape } from './soapEnvelope.ts';
import { soapCaller } from './soapSession.ts';
import type { SoapOperation } from './SoapOperation.ts';

/** The partner API's cap on leadConverts per call. */
const MAX_LEAD_CONVERTS = 100;

/** Arguments of the newer "convert into records given inline" form, which the local org lacks. */
const UNSUPPORTED_ARGUMENTS = ['accountRecord', 'contactRecord', 'opportunityRecord'];

function text(item: Record<string, unknown>, name: string): string | undefined {
  const v = item[name];
  // xsi:nil and empty elements both parse to '': an absent argument either way.
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v : undefined;
}

function flag(item: Record<string, unknown>, name: string): boolean {
  const v = text(item, name);
  return v === 'true' || v === '1';
}

/** One LeadConvert element as the converter's request; unsupported inline records are refused. */
function toRequest(item: unknown): LeadConvertRequest {
  if (!item || typeof item !== 'object') throw SfErrors.invalidInput('Each leadConverts element must be a LeadConvert');
  const it = item as Record<string, unknown>;
  const inline = UNSUPPORTED_ARGUMENTS.find((a) => it[a] !== undefined && it[a] !== '');
  if (inline) throw SfErrors.notImplemented(`convertLead with ${inline}`);
  return {
    leadId: text(it, 'leadId') ?? '',
    convertedStatus: text(it, 'convertedStatus') ?? '',
    accountId: text(it, 'accountId'),
    contactId: text(it, 'contactId'),
    opportunityId: text(it, 'opportunityId'),
    doNotCreateOpportunity: flag(it, 'doNotCreateOpportunity'),
    opportunityName: text(it, 'opportunityName'),
    ownerId: text(it, 'ownerId'),
    overwriteLeadSource: flag(it, 'overwriteLeadSource'),
    sendNotificationEmail: flag(it, 'sendNotificationEmail'),
  };
}

/** An id element, or xsi:nil as the partner WSDL declares these nillable. */
const idElement = (name: string, id: string | null) => (id ? `<${name}>${xmlEscape(id)}</${name}>` : `<${name} xsi:nil="true"/>`);

/** A LeadConvertResult in the WSDL's element order: accountId, contactId, errors, leadId, opportunityId, success. */
function resultXml(r: LeadConvertResult): string {
  const errors = r.errors
    .map(
      (e) =>
        '<errors>' +
        e.fields.map((f) => `<fields>${xmlEscape(f)}</fields>`).join('') +
        `<message>${xmlEscape(e.message)}</message><statusCode>${xmlEscape(e.statusCode)}</statusCode></errors>`,
    )
    .join('');
  return (
    '<result>' +
    idElement('accountId', r.accountId) +
    idElement('contactId', r.contactId) +
    errors +
    idElement('leadId', r.leadId) +
    idElement('opportunityId', r.opportunityId) +
    `<success>${r.success}</success></result>`
  );
}

/**
 * convertLead(LeadConvert[]): every lead in its own transaction, results in request order. A bad
 * element fails only its own result; a bad session or too many elements fault the whole call.
 */
export const convertLead: SoapOperation = (call, org) => {
  const user = soapCaller(call, org);
  const { request } = call;
  const items = request.args.leadConverts;
  const list = Array.isArray(items) ? items : items === undefined || items === '' ? [] : [items];
  if (list.length > MAX_LEAD_CONVERTS) throw SfErrors.exceededIdLimit(MAX_LEAD_CONVERTS);
  return list
    .map((item) => {
      let req: LeadConvertRequest;
      try {
        req = toRequest(item);
      } catch (err) {
        if (!(err instanceof SalesforceError)) throw err;
        return resultXml({ leadId: null, accountId: null, contactId: null, opportunityId: null, success: false, errors: [err.toSaveError()] });
      }
      return resultXml(org.leadConverter.convert(user, req));
    })
    .join('');
};
