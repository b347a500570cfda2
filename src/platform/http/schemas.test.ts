import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { IdParams, IsoDate, LatLon, PagedQuery, schemaValidatorCompiler, TokenParams, validationMessage } from './schemas';

async function probe() {
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(schemaValidatorCompiler);
  const query = Type.Object({
    ...PagedQuery({ maximum: 50, default: 20 }).properties,
    day: Type.Optional(IsoDate),
    flag: Type.Optional(Type.Boolean()),
    tag: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 9 }))),
  });
  app.get('/n/:id', { schema: { params: IdParams, querystring: query } }, async (request) => ({ params: request.params, query: request.query }));
  app.get('/t/:token', { schema: { params: TokenParams } }, async (request) => request.params);
  app.get('/p', { schema: { querystring: LatLon } }, async (request) => request.query);
  await app.ready();
  return app;
}

describe('schemaValidatorCompiler', () => {
  it('brings text to the schema types, fills defaults and keeps parameters the schema does not name', async () => {
    const app = await probe();
    const res = await app.inject('/n/42?page=3&lang=en&utm_source=x&flag=true&tag=2&day=2024-02-29');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ params: { id: 42 }, query: { page: 3, page_size: 20, lang: 'en', utm_source: 'x', flag: true, tag: [2], day: '2024-02-29' } });
    expect((await app.inject('/p?lat=51.5&lon=-7.25')).json()).toEqual({ lat: 51.5, lon: -7.25 });
  });

  it('takes JSON numbers and booleans where a schema asks for text, as Ajv did', async () => {
    const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
    app.setValidatorCompiler(schemaValidatorCompiler);
    app.post(
      '/b',
      { schema: { body: Type.Object({ lat: Type.String({ maxLength: 30 }), flag: Type.Optional(Type.String()) }) } },
      async (request) => request.body,
    );
    const res = await app.inject({ method: 'POST', url: '/b', payload: { lat: 51.5, flag: true } });
    expect(res.json()).toEqual({ lat: '51.5', flag: 'true' });
    expect((await app.inject({ method: 'POST', url: '/b', payload: { lat: { x: 1 } } })).statusCode).toBe(400);
  });

  it('says which parameter was wrong and what it must be, for infinite and overflowing numbers too', async () => {
    const app = await probe();
    const cases: Array<[string, string]> = [
      ['/n/1?page=1e400', 'querystring/page must be a whole number from 1 to 10000'],
      ['/n/1?page=-Infinity', 'querystring/page must be a whole number from 1 to 10000'],
      ['/n/1?page_size=NaN', 'querystring/page_size must be a whole number from 1 to 50'],
      ['/n/1?day=2024-02-30', 'querystring/day must be a date (YYYY-MM-DD)'],
      ['/n/1?tag=10', 'querystring/tag must be one or more values, each a whole number from 1 to 9'],
      ['/p?lat=1e400&lon=0', 'querystring/lat must be a finite number from -90 to 90'],
    ];
    for (const [url, message] of cases) expect((await app.inject(url)).json().message, url).toBe(message);
    expect(validationMessage([{ instancePath: '/page', message: 'must be a whole number from 1 to 10000' }])).toBe(
      'page must be a whole number from 1 to 10000',
    );
  });

  it.each([
    '/n/0',
    '/n/2147483648',
    '/n/abc',
    '/n/1.5',
    '/n/0x10',
    '/n/1?page=-Infinity',
    '/n/1?page=Infinity',
    '/n/1?page=1e400',
    '/n/1?page=NaN',
    '/n/1?page=',
    '/n/1?page=0',
    '/n/1?page=10001',
    '/n/1?page=2&page=3',
    '/n/1?page_size=51',
    '/n/1?day=2024-02-30',
    '/n/1?flag=yes',
    '/n/1?tag=10',
    '/t/short',
    '/t/aaaaaaaaaaaaaaaaaaaaaaa.b',
    '/p?lat=91&lon=0',
    '/p?lat=1e400&lon=0',
    '/p?lat=1',
  ])('refuses %s with a 400', async (url) => {
    const app = await probe();
    const res = await app.inject(url);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FST_ERR_VALIDATION');
  });
});
