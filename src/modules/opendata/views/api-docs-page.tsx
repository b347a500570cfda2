import type { RequestContext } from '../../../platform/http/context';
import { translator } from '../../../platform/i18n';
import { Layout } from '../../../platform/views/layout';
import { operationText } from '../api-texts';
import { messages } from '../messages';

const STATUS_WORDS = ['400', '403', '404', '422', '429'] as const;

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
}

interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: {
    content: Record<
      string,
      {
        schema: {
          properties?: Record<string, Record<string, unknown>>;
          required?: string[];
          patternProperties?: Record<string, Record<string, unknown>>;
        };
      }
    >;
  };
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
}

export interface ApiDocsProps {
  ctx: RequestContext;
  title: string;
  openApiUrl: string;
  serverUrl: string;
  paths: Record<string, Record<string, Operation>>;
}

/** A one-value member of a union: `const`, or a single-value `enum` (as @fastify/swagger writes a const). */
function constOf(schema: Record<string, unknown>): unknown {
  if ('const' in schema) return schema.const;
  return Array.isArray(schema.enum) && schema.enum.length === 1 ? schema.enum[0] : undefined;
}

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.anyOf)) {
    const members = schema.anyOf as Array<Record<string, unknown>>;
    const values = members.map(constOf);
    if (values.every((v) => v !== undefined)) return `${typeof values[0]} (${values.join(', ')})`;
    return members.map(typeOf).join(' | ');
  }
  const type = schema.type;
  const items = schema.items as Record<string, unknown> | undefined;
  const base = Array.isArray(type) ? type.join(' | ') : type === 'array' && items ? `${typeOf(items)}[]` : typeof type === 'string' ? type : '–';
  const extras: string[] = [];
  if (Array.isArray(schema.enum)) extras.push((schema.enum as unknown[]).join(', '));
  if (typeof schema.minimum === 'number' || typeof schema.maximum === 'number') extras.push(`${schema.minimum ?? ''}–${schema.maximum ?? ''}`);
  return extras.length > 0 ? `${base} (${extras.join('; ')})` : base;
}

export function ApiDocsPage({ ctx, title, openApiUrl, serverUrl, paths }: ApiDocsProps) {
  const t = translator(messages, ctx.locale);
  // The schemas' own words are English: marked so screen readers pronounce them as such (WCAG 3.1.2).
  const english = ctx.locale === 'en' ? undefined : 'en';
  const summaryOf = (method: string, path: string, op: Operation) => operationText(method, path, ctx.locale)?.summary ?? op.summary;
  const responseWords = (status: string, description: string, text: ReturnType<typeof operationText>) => {
    if (status === '200' && text) return t('status.200', { text: text.ok });
    return (STATUS_WORDS as readonly string[]).includes(status) ? t(`status.${status as (typeof STATUS_WORDS)[number]}`) : description;
  };
  const operations = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const groups = new Map<string, typeof operations>();
  for (const o of operations) {
    const tag = o.op.tags?.[0] ?? 'API';
    groups.set(tag, [...(groups.get(tag) ?? []), o]);
  }
  return (
    <Layout ctx={ctx} title={title} wide>
      <h1>{title}</h1>
      <p>
        {t('docsPageIntro')}{' '}
        <a href={openApiUrl}>
          <code class="k-pre">{openApiUrl}</code>
        </a>
      </p>
      {ctx.locale !== 'en' && <p>{t('technicalEnglish')}</p>}
      <nav aria-labelledby="toc-title">
        <h2 id="toc-title">{t('contents')}</h2>
        <ul class="k-list">
          {[...groups.entries()].map(([tag, ops]) => (
            <li>
              {tag}
              <ul class="k-list">
                {ops.map((o) => (
                  <li>
                    <a href={`#${o.op.operationId}`}>
                      {o.method.toUpperCase()} {o.path}
                    </a>
                    {summaryOf(o.method, o.path, o.op) && <> – {summaryOf(o.method, o.path, o.op)}</>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      {[...groups.entries()].map(([tag, ops]) => (
        <section class="k-section">
          <h2>{tag}</h2>
          {ops.map(({ path, method, op }) => {
            const body = op.requestBody?.content['application/x-www-form-urlencoded']?.schema;
            const bodyFields = body
              ? [
                  ...Object.entries(body.properties ?? {}),
                  ...Object.entries(body.patternProperties ?? {}).map(([k, v]) => [`${k.replace(/^\^/, '').replace(/\\\[/g, '[')}CODE]`, v] as const),
                ]
              : [];
            const text = operationText(method, path, ctx.locale);
            const example =
              method === 'get'
                ? `curl '${serverUrl.replace(/\/$/, '')}${path.replace(/\{(\w+)\}/g, (_, n: string) => (n === 'service_code' ? 'CODE' : '1'))}'`
                : `curl -X POST '${serverUrl.replace(/\/$/, '')}${path}' -d api_key=KEY …`;
            return (
              <section class="k-section" aria-labelledby={op.operationId}>
                <h3 id={op.operationId}>
                  <code class="k-pre">
                    {method.toUpperCase()} {path}
                  </code>
                </h3>
                {text ? (
                  <p lang={text.lang === ctx.locale ? undefined : text.lang}>
                    <strong>{text.summary}</strong>
                  </p>
                ) : (
                  op.summary && (
                    <p lang={english}>
                      <strong>{op.summary}</strong>
                    </p>
                  )
                )}
                {op.description && <p lang={english}>{op.description}</p>}
                {op.parameters && op.parameters.length > 0 && (
                  <div class="k-table-wrap">
                    <table class="k-table">
                      <caption>
                        {t('parameters')}: {method.toUpperCase()} {path}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('paramName')}</th>
                          <th scope="col">{t('paramIn')}</th>
                          <th scope="col">{t('paramType')}</th>
                          <th scope="col">{t('paramRequired')}</th>
                          <th scope="col">{t('paramDescription')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {op.parameters.map((p) => (
                          <tr>
                            <th scope="row">
                              <code>{p.name}</code>
                            </th>
                            <td>{p.in}</td>
                            <td>{typeOf(p.schema)}</td>
                            <td>{p.required ? t('yes') : t('no')}</td>
                            <td lang={english}>{p.description ?? ''}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {bodyFields.length > 0 && (
                  <div class="k-table-wrap">
                    <table class="k-table">
                      <caption>
                        {t('requestBody')}: {method.toUpperCase()} {path}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('paramName')}</th>
                          <th scope="col">{t('paramType')}</th>
                          <th scope="col">{t('paramRequired')}</th>
                          <th scope="col">{t('paramDescription')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {bodyFields.map(([name, schema]) => (
                          <tr>
                            <th scope="row">
                              <code>{name}</code>
                            </th>
                            <td>{typeOf(schema as Record<string, unknown>)}</td>
                            <td>{body?.required?.includes(name) ? t('yes') : t('no')}</td>
                            <td lang={english}>{String((schema as { description?: string }).description ?? '')}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                <p>
                  {t('responses')}:{' '}
                  {Object.entries(op.responses)
                    .map(([status, r]) => `${status} ${responseWords(status, r.description, text)} (${Object.keys(r.content ?? {}).join(', ')})`)
                    .join(' · ')}
                </p>
                <p>
                  {t('example')}: <code class="k-pre">{example}</code>
                </p>
              </section>
            );
          })}
        </section>
      ))}
    </Layout>
  );
}
