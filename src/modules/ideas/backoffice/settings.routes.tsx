import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../../platform/http/errors';
import { asForm, field } from '../../../platform/http/form';
import { currentUser, staffOnly } from '../../../platform/http/guards';
import { knownNotice, NoticeQuery } from '../../../platform/http/schemas';
import { translator } from '../../../platform/i18n';
import type { ModuleServices } from '../../../platform/module';
import { AdminFormPage } from '../../../platform/views/components';
import { Select, TextInput } from '../../../platform/views/forms';
import { sendHtml } from '../../../platform/views/render';
import type { EligibilityRule, EligibilityRules } from '../../participation';
import * as ideas from '../idea.service';
import * as q from '../ideas.queries';
import { staffMessages } from './backoffice.messages';
import * as bq from './backoffice.queries';

const ACTIONS = ['propose', 'support', 'comment'] as const;
// Every action on an idea needs an account (an idea's author is told of answers, a support is one per account, the
// comments core takes posts from accounts only), so the choice is between any account and verified residents.
const WHO = ['signed_in', 'verified'] as const;
type Values = Record<string, string>;

function ruleOf(who: string): EligibilityRule | null {
  if (who === 'signed_in') return { who };
  if (who === 'verified') return { who: 'verified', districtIds: [], ageMin: null, ageMax: null, referenceDate: null };
  return null;
}

const whole = (raw: string, min: number, max: number) => (/^\d{1,7}$/.test(raw.trim()) && Number(raw) >= min && Number(raw) <= max ? Number(raw) : null);

/** /verwaltung/ideen/einstellungen (admins): threshold, deadline, and who may take part. */
export async function settingsRoutes(app: FastifyInstance, { db }: ModuleServices): Promise<void> {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();
  const admin = { preHandler: staffOnly('admin') };

  async function page(request: FastifyRequest, reply: FastifyReply, values: Values | null, errors?: FieldErrors, notice?: string) {
    const { ctx } = request;
    const t = translator(staffMessages, ctx.locale);
    const now = new Date();
    const [s, active] = await Promise.all([ideas.ideaSettings(db, ctx.org.id, now), q.activeAccounts(db, ctx.org.id, now)]);
    const v: Values = values ?? {
      permille: String(s.permille),
      floor: String(s.floor),
      weeks: String(s.answerWeeks),
      ...Object.fromEntries(ACTIONS.map((a) => [`rule.${a}`, ideas.ruleFor(s, a).who])),
    };
    return sendHtml(
      reply,
      <AdminFormPage
        ctx={ctx}
        title={t('settingsTitle')}
        intro={<p>{t('settingsIntro', { active, threshold: s.threshold })}</p>}
        notice={notice}
        errors={errors}
        action="/verwaltung/ideen/einstellungen"
        submitLabel={t('settings.submit')}
      >
        <TextInput name="permille" label={t('settings.permille')} value={v.permille} error={errors?.permille} inputMode="numeric" width="short" />
        <TextInput name="floor" label={t('settings.floor')} value={v.floor} error={errors?.floor} inputMode="numeric" width="short" />
        <TextInput name="weeks" label={t('settings.weeks')} value={v.weeks} error={errors?.weeks} inputMode="numeric" width="short" />
        {ACTIONS.map((a) => (
          <Select
            name={`rule.${a}`}
            label={t(`settings.rule.${a}`)}
            value={v[`rule.${a}`]}
            error={errors?.[`rule.${a}`]}
            options={WHO.map((w) => ({ value: w, label: t(`rule.${w}`) }))}
          />
        ))}
      </AdminFormPage>,
      errors ? 422 : 200,
    );
  }

  routes.get('/verwaltung/ideen/einstellungen', { ...admin, schema: { querystring: NoticeQuery } }, async (request, reply) => {
    const ok = knownNotice(['saved'] as const, request.query.ok);
    return page(request, reply, null, undefined, ok ? translator(staffMessages, request.ctx.locale)('ok.saved') : undefined);
  });

  routes.post('/verwaltung/ideen/einstellungen', admin, async (request, reply) => {
    const { ctx } = request;
    const t = translator(staffMessages, ctx.locale);
    const body = asForm(request.body);
    const values: Values = Object.fromEntries(['permille', 'floor', 'weeks', ...ACTIONS.map((a) => `rule.${a}`)].map((k) => [k, field(body, k)]));
    const errors: FieldErrors = {};
    const permille = whole(values.permille ?? '', 0, 1000);
    const floor = whole(values.floor ?? '', 1, 1_000_000);
    const weeks = whole(values.weeks ?? '', 1, 52);
    if (permille === null) errors.permille = t('err.permille');
    if (floor === null) errors.floor = t('err.floor');
    if (weeks === null) errors.weeks = t('err.weeks');
    const rules: EligibilityRules = {};
    for (const a of ACTIONS) {
      const rule = ruleOf(values[`rule.${a}`] ?? '');
      if (rule) rules[a] = rule;
      else errors[`rule.${a}`] = t('err.rule');
    }
    if (Object.keys(errors).length > 0) return page(request, reply, values, errors);
    await q.saveSettings(db, ctx.org.id, { rules, permille: permille!, floor: floor!, answerWeeks: weeks! });
    await bq.audit(db, {
      organizationId: ctx.org.id,
      actorUserId: currentUser(request).id,
      action: 'ideas.settings',
      subject: 'settings',
      details: { permille, floor, weeks, rules },
    });
    return reply.redirect('/verwaltung/ideen/einstellungen?ok=saved', 303);
  });
}
