import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Format, PAGE_SIZE_DEFAULT, parseIdempotencyKey } from './open311';
import { bbox, describeOperation, flag, list, type Open311Scope, responses, sendOpen311, window } from './open311.http';
import * as s from './open311.schemas';
import { createRequest, listRequests, Open311Error } from './open311.service';

/** Service requests: create one (API key), list them with every filter of the spec, read one. */
export function requestRoutes(app: FastifyInstance, { deps, shared }: Open311Scope, format: Format): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();

  o.post(
    `/v2/requests.${format}`,
    {
      config: { csrf: false },
      schema: {
        ...describeOperation(
          format,
          'POST service request',
          'Creates a report (api_key required). It is public at once with status open/new; the answer carries its id (no tokens). ' +
            'An `Idempotency-Key` header (1–100 visible ASCII characters, per API key) makes retries safe: the same request again answers with the first id (header `Idempotent-Replayed: true`), a different request under the same key is refused with 422.',
        ),
        consumes: ['application/x-www-form-urlencoded'],
        body: s.createRequestBody,
        response: responses(format, s.createRequestResponse, [403, 422]),
      },
    },
    async (request, reply) => {
      const idempotencyKey = parseIdempotencyKey(request.headers['idempotency-key']);
      if (idempotencyKey instanceof Error) throw new Open311Error(400, idempotencyKey.message);
      const result = await createRequest(deps, request.ctx.org, request.apiClient!, request.body, request.ctx.locale, idempotencyKey);
      if (result.repeated) reply.header('Idempotent-Replayed', 'true');
      return sendOpen311(reply, format, 'service_requests', result.answer);
    },
  );

  o.get(
    `/v2/requests.${format}`,
    {
      schema: {
        ...describeOperation(format, 'GET service requests', 'Public reports, newest first, with every filter of the spec plus bbox, paging and extensions.'),
        querystring: s.requestsQuery,
        response: responses(format, s.requestsResponse),
      },
    },
    async (request, reply) => {
      const query = request.query;
      const ids = list(query.service_request_id).map(Number);
      const extensions = flag(query.extensions);
      const statuses = list(query.status) as Array<'open' | 'closed'>;
      const filter = () => {
        if (ids.length > 0) return { ids, extensions, page: 1, pageSize: ids.length };
        const { from, to } = window(query);
        return {
          categoryCodes: query.service_code !== undefined && query.service_code.trim() !== '' ? list(query.service_code) : undefined,
          statuses: statuses.length === 1 ? statuses : undefined,
          from,
          to: to ?? undefined,
          bbox: bbox(query.bbox),
          extensions,
          page: query.page ?? 1,
          pageSize: query.page_size ?? PAGE_SIZE_DEFAULT,
        };
      };
      const where = filter();
      const result = await shared(request, () => listRequests(deps, request.ctx.org, where, request.ctx.locale));
      return sendOpen311(reply, format, 'service_requests', result);
    },
  );

  o.get(
    `/v2/requests/:service_request_id.${format}`,
    {
      schema: {
        ...describeOperation(format, 'GET service request', 'One public report.'),
        querystring: s.requestQuery,
        params: s.requestIdParams,
        response: responses(format, s.requestsResponse),
      },
    },
    async (request, reply) => {
      const id = request.params.service_request_id;
      if (!/^\d{1,9}$/.test(id)) throw new Open311Error(404, `service_request_id "${id.slice(0, 40)}" not found`);
      const extensions = flag(request.query.extensions);
      const result = await shared(request, () =>
        listRequests(deps, request.ctx.org, { ids: [Number(id)], extensions, page: 1, pageSize: 1 }, request.ctx.locale),
      );
      if (result.length === 0) throw new Open311Error(404, `service_request_id "${id}" not found`);
      return sendOpen311(reply, format, 'service_requests', result);
    },
  );
}
