import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Format, SPEC_URL } from './open311';
import { describeOperation, type Open311Scope, responses, sendOpen311 } from './open311.http';
import * as s from './open311.schemas';
import { serviceDefinition, serviceList } from './open311.service';

/** Bumped when the discovery document or the shape of the services changes: clients refresh their caches. */
export const DISCOVERY_CHANGESET = '2026-11-30T00:00:00Z';

/** Discovery, the service list and service definitions: what a client reads before it writes. */
export function discoveryRoutes(app: FastifyInstance, { db, config, base }: Open311Scope, format: Format): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();

  o.get(
    `/discovery.${format}`,
    {
      schema: {
        ...describeOperation(format, 'Service discovery', 'Where the GeoReport v2 endpoint is and which formats it speaks.'),
        querystring: s.commonQuery,
        response: responses(format, s.discoveryResponse),
      },
    },
    async (request, reply) => {
      const org = request.ctx.org;
      return sendOpen311(reply, format, 'discovery', {
        changeset: DISCOVERY_CHANGESET,
        contact: `${org.name}: ${org.contact_email}`,
        key_service: `API keys to create requests are issued by ${org.name}: ${org.contact_email}. Reading needs no key.`,
        endpoints: [
          {
            specification: SPEC_URL,
            url: base,
            changeset: DISCOVERY_CHANGESET,
            type: config.mode === 'production' ? 'production' : 'test',
            formats: ['text/xml', 'application/json'],
          },
        ],
      });
    },
  );

  o.get(
    `/v2/services.${format}`,
    {
      schema: {
        ...describeOperation(format, 'GET service list', 'The categories residents can report, as Open311 services.'),
        querystring: s.commonQuery,
        response: responses(format, s.servicesResponse),
      },
    },
    async (request, reply) => sendOpen311(reply, format, 'services', await serviceList(db, request.ctx.org, request.ctx.locale)),
  );

  o.get(
    `/v2/services/:service_code.${format}`,
    {
      schema: {
        ...describeOperation(format, 'GET service definition', 'The extra questions of a service: datatype, required, order and the values of lists.'),
        querystring: s.commonQuery,
        params: s.serviceCodeParams,
        response: responses(format, s.serviceDefinitionResponse),
      },
    },
    async (request, reply) =>
      sendOpen311(reply, format, 'service_definition', await serviceDefinition(db, request.ctx.org, request.params.service_code, request.ctx.locale)),
  );
}
