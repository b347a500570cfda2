import type { RequestContext } from '../../../../platform/http/context';
import { formatDate, translator } from '../../../../platform/i18n';
import { DescriptionList, StatusBadge } from '../../../../platform/views/components';
import { Layout } from '../../../../platform/views/layout';
import type { Children } from '../../../../platform/views/render';
import type { EligibilityRules } from '../../eligibility/rule';
import { describeRule, describeRules, type RuleNames } from '../describe-rules';
import { processMessages } from '../messages';
import { isPhaseKind, KIND_ACTION, PHASE_KINDS } from '../process';
import type { PhaseRow } from '../process.queries';
import type { PublicProcess } from '../process.service';
import { day, fileSize, imageHref, ProcessStyles, stateVocabulary, topicName } from './process-parts';

/** What a resident can do in the current phase: each kind it offers, and who may for those a rule governs. */
function NowSection({ ctx, p, rules, names }: { ctx: RequestContext; p: PublicProcess; rules: EligibilityRules; names: RuleNames }) {
  const t = translator(processMessages, ctx.locale);
  const phase = p.current;
  return (
    <section class="k-section k-proc-now" aria-labelledby="jetzt">
      <h2 id="jetzt">{t('page.now')}</h2>
      {phase ? (
        <>
          <p>
            <strong>{phase.title}</strong> · {t('phase.dates', { start: day(phase.starts_on, ctx.locale), end: day(phase.ends_on, ctx.locale) })}
          </p>
          <ul class="k-list">
            {PHASE_KINDS.filter((k) => phase.kinds.includes(k)).map((kind) => {
              const action = KIND_ACTION[kind];
              const rule = action ? rules[action] : undefined;
              return (
                <li>
                  {t(`kind.${kind}`)}
                  {rule && <span class="k-proc-now__who">{t('kind.who', { who: describeRule(rule, names, ctx.locale) })}</span>}
                </li>
              );
            })}
          </ul>
        </>
      ) : p.state === 'finished' ? (
        <p>{t('page.finished')}</p>
      ) : (
        <p>
          {t('page.nothingNow')}
          {p.next && ` ${t('page.next', { phase: p.next.title, date: day(p.next.starts_on, ctx.locale) })}`}
        </p>
      )}
    </section>
  );
}

/** The phases as a timeline, the current one marked in words (aria-current and "Aktuelle Phase"), not by colour. */
export function PhaseTimeline({ ctx, phases, current }: { ctx: RequestContext; phases: PhaseRow[]; current: PhaseRow | null }) {
  const t = translator(processMessages, ctx.locale);
  return (
    <ol class="k-proc-phases">
      {phases.map((ph) => {
        const isCurrent = ph.id === current?.id;
        return (
          <li id={`phase-${ph.id}`} class={isCurrent ? 'k-proc-phase k-proc-phase--current' : 'k-proc-phase'} aria-current={isCurrent ? 'step' : undefined}>
            <p class="k-proc-phase__when">
              {t('phase.dates', { start: day(ph.starts_on, ctx.locale), end: day(ph.ends_on, ctx.locale) })}
              {isCurrent && <strong class="k-proc-phase__mark"> · {t('phase.current')}</strong>}
            </p>
            <h3 class="k-proc-phase__title" dir="auto">
              {ph.title}
            </h3>
            {ph.description && (
              <p class="k-pre" dir="auto">
                {ph.description}
              </p>
            )}
            {ph.kinds.length > 0 && (
              <p class="k-hint">
                {ph.kinds
                  .filter(isPhaseKind)
                  .map((k) => t(`kind.${k}`))
                  .join(' · ')}
              </p>
            )}
            {ph.ended_early_at && (
              <p class="k-proc-phase__ended">
                {t('phase.endedEarly', { date: formatDate(ph.ended_early_at, ctx.locale, 'long'), reason: ph.ended_early_reason ?? '' })}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function ProcessPage({ ctx, p, names, conversation }: { ctx: RequestContext; p: PublicProcess; names: RuleNames; conversation?: Children }) {
  const t = translator(processMessages, ctx.locale);
  const { process } = p;
  const rules = process.rules ?? {};
  const ruleLines = describeRules(rules, names, ctx.locale);
  return (
    <Layout ctx={ctx} title={process.title}>
      <ProcessStyles />
      <p>
        <a href="/beteiligung">{t('page.back')}</a>
      </p>
      <h1 dir="auto">{process.title}</h1>
      <p class="k-proc-lead" dir="auto">
        {process.summary}
      </p>
      {process.image_key && <img class="k-proc-image" src={imageHref(process.id, 'large')} alt={process.image_alt} />}
      <NowSection ctx={ctx} p={p} rules={rules} names={names} />
      <section class="k-section" aria-labelledby="auf-einen-blick">
        <h2 id="auf-einen-blick">{t('page.facts')}</h2>
        <DescriptionList
          items={[
            { label: t('page.state'), value: <StatusBadge status={p.state} vocabulary={stateVocabulary(ctx.locale)} /> },
            { label: t('page.topic'), value: topicName(process.topic, ctx.locale) },
            { label: t('page.responsible'), value: process.responsible_name ?? '' },
            { label: t('page.area'), value: p.districts.length === 0 ? t('page.wholeCity') : p.districts.map((d) => d.name).join(', ') },
          ]}
        />
      </section>
      {process.body_html && (
        // Sanitised with the allowlist when saved (rich-text.ts).
        <div class="k-proc-body" dir="auto" dangerouslySetInnerHTML={{ __html: process.body_html }} />
      )}
      <section class="k-section" aria-labelledby="ablauf">
        <h2 id="ablauf">{t('page.phases')}</h2>
        <PhaseTimeline ctx={ctx} phases={p.phases} current={p.current} />
      </section>
      {ruleLines.length > 0 && (
        <section class="k-section" aria-labelledby="wer">
          <h2 id="wer">{t('page.who')}</h2>
          <ul class="k-list">
            {ruleLines.map((line) => (
              <li>{line.text}</li>
            ))}
          </ul>
        </section>
      )}
      {p.documents.length > 0 && (
        <section class="k-section" aria-labelledby="unterlagen">
          <h2 id="unterlagen">{t('page.documents')}</h2>
          <ul class="k-list">
            {p.documents.map((d) => (
              <li>
                <a href={`/beteiligung/${process.id}/dokumente/${d.id}`} type="application/pdf">
                  {t('page.document', { title: d.title, size: fileSize(d.size_bytes, ctx.locale) })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {conversation}
    </Layout>
  );
}
