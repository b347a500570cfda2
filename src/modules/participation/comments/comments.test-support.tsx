import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../platform/http/errors';
import { IdParams } from '../../../platform/http/schemas';
import { contribute, defineModule } from '../../../platform/module';
import { Layout } from '../../../platform/views/layout';
import { sendHtml } from '../../../platform/views/render';
import type { EligibilityRule } from '../eligibility/rule';
import { type ItemEvent, type ParticipationItem, participationItemKind } from './item-kind';
import { commentsSection } from './views/comments-section';
import { followSection } from './views/follow-section';

// A kind of item for tests only ('testding'): items live in a map the test fills, each in one city, and a page
// /testdinge/:id shows them with their comments and the follow button, as an owner's page would.

export interface TestItem {
  organizationId: number;
  title: string;
  commentRule: EligibilityRule;
  commentsOpen: boolean;
  departmentId: number | null;
}

export const testItems = new Map<number, TestItem>();
let next = 1;

export function addTestItem(item: Partial<TestItem> & { organizationId: number }): number {
  const id = next++;
  testItems.set(id, { title: `Testding ${id}`, commentRule: { who: 'signed_in' }, commentsOpen: true, departmentId: null, ...item });
  return id;
}

function asItem(id: number, t: TestItem): ParticipationItem {
  return { title: t.title, path: `/testdinge/${id}`, commentRule: t.commentRule, commentsOpen: t.commentsOpen, departmentId: t.departmentId };
}

export const testItemModule = defineModule({
  name: 'testitems',
  contributes: [
    contribute(participationItemKind, {
      kind: 'testding',
      find: async (_db, organizationId, id) => {
        const t = testItems.get(id);
        return t && t.organizationId === organizationId ? asItem(id, t) : null;
      },
      describeEvent: (event: ItemEvent) => (event.type === 'status' && event.data?.status ? `Status: ${String(event.data.status)}` : null),
    }),
  ],
  routes: async (app, { db }) => {
    app
      .withTypeProvider<TypeBoxTypeProvider>()
      .get('/testdinge/:id', { schema: { params: IdParams, querystring: Type.Object({}) } }, async (request, reply) => {
        const t = testItems.get(request.params.id);
        if (!t || t.organizationId !== request.ctx.org.id) throw new AppError('not_found');
        const item = asItem(request.params.id, t);
        const options = { kind: 'testding', id: request.params.id, item };
        const follow = await followSection(db, request.ctx, options);
        const comments = await commentsSection(db, request.ctx, options);
        return sendHtml(
          reply,
          <Layout ctx={request.ctx} title={item.title}>
            <h1>{item.title}</h1>
            {follow}
            {comments}
          </Layout>,
        );
      });
  },
});
