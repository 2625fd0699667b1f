import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSalesforceError } from '../../errors/SalesforceError.ts';
import { checkApiVersion } from '../apiVersions.ts';
import type { OrgServices } from '../OrgServices.ts';
import { parseSoapRequest, soapFault, soapResponse } from './soapEnvelope.ts';
import type { SoapOperation } from './SoapOperation.ts';
import { soapOperations } from './operations.ts';

/**
 * The partner SOAP endpoint, /services/Soap/u/NN.N. One dispatcher: parse the envelope, find the
 * operation in the registry (operations.ts), run it, wrap the answer. Every failure is a SOAP
 * fault with HTTP 500, which is how Salesforce answers and what jsforce expects.
 */
export async function soapApi(app: FastifyInstance, opts: { org: OrgServices }): Promise<void> {
  const { org } = opts;
  app.setErrorHandler((error, req, reply) => {
    const code = isSalesforceError(error) ? error.errorCode : 'UNKNOWN_EXCEPTION';
    const message = isSalesforceError(error) ? error.message : 'An unexpected error occurred.';
    if (!isSalesforceError(error)) req.log.error({ err: error }, 'unexpected error in a SOAP call');
    void reply.code(500).type('text/xml; charset=utf-8').send(soapFault(code, message));
  });
  const handle = async (req: FastifyRequest, reply: FastifyReply) => {
    const apiVersion = checkApiVersion((req.params as { version: string }).version);
    const request = parseSoapRequest(req.body as string);
    const operation: SoapOperation | undefined = soapOperations[request.operation];
    if (!operation) {
      return reply
        .code(500)
        .type('text/xml; charset=utf-8')
        .send(soapFault('INVALID_OPERATION', `The golive local org does not implement the SOAP operation '${request.operation}'.`));
    }
    const inner = operation({ request, apiVersion, baseUrl: org.baseUrlOf(req.headers.host, req.protocol), http: req }, org);
    return reply.type('text/xml; charset=utf-8').send(soapResponse(request.operation, inner));
  };
  // Clients that post to the serverUrl login returned (Data Loader, the Java WSC) add the org id.
  app.post('/services/Soap/u/:version', handle);
  app.post('/services/Soap/u/:version/:orgId', handle);
}
