import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Format, PAGE_SIZE_DEFAULT } from './open311';
import { describeOperation, flag, type Open311Scope, responses, sendOpen311, window } from './open311.http';
import * as s from './open311.schemas';
import { listUpdates, pushUpdate } from './open311.service';

/** Service request updates (FixMyStreet-style): pull the public timeline, push a status change or note. */
export function updateRoutes(app: FastifyInstance, { db }: Open311Scope, format: Format): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();

  o.get(
    `/v2/servicerequestupdates.${format}`,
    {
      schema: {
        ...describeOperation(
          format,
          'GET service request updates',
          'Public timeline entries of public reports in a time window, oldest first (FixMyStreet-style pull).',
        ),
        querystring: s.updatesQuery,
        response: responses(format, s.updatesResponse),
      },
    },
    async (request, reply) => {
      const { query } = request;
      const page = { page: query.page ?? 1, pageSize: query.page_size ?? PAGE_SIZE_DEFAULT };
      const result = await listUpdates(db, request.ctx.org, window(query), page, flag(query.extensions), request.ctx.locale);
      return sendOpen311(reply, format, 'service_requests_updates', result);
    },
  );

  o.post(
    `/v2/servicerequestupdates.${format}`,
    {
      config: { csrf: false },
      schema: {
        ...describeOperation(
          format,
          'POST service request update',
          'A back office pushes a status change or a public note (api_key required); it appears on the report’s public timeline.',
        ),
        consumes: ['application/x-www-form-urlencoded'],
        body: s.pushUpdateBody,
        response: responses(format, s.pushUpdateResponse, [403]),
      },
    },
    async (request, reply) => sendOpen311(reply, format, 'service_request_updates', await pushUpdate(db, request.ctx.org, request.apiClient!, request.body)),
  );
}
