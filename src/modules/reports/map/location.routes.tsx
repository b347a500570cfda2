import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Geocoder, GeocoderAnswer } from '../../../platform/geo/geocoder';
import { clientKey } from '../../../platform/http/client-ip';
import { AppError } from '../../../platform/http/errors';
import { asForm, field } from '../../../platform/http/form';
import { enforce } from '../../../platform/http/rate-limit';
import { Id } from '../../../platform/http/schemas';
import { formatView, type MapAction, type MapView, mapAction, mapClick, parseView, viewAround } from '../../../platform/map/geometry';
import { sendHtml } from '../../../platform/views/render';
import { LIMITS, parseCoordinate } from '../report';
import * as rq from '../report.queries';
import { locate } from '../report.service';
import { draftFrom, hasDraft } from '../report-form-input';
import { Step1Page, type Step1Values, type Step2Draft } from '../views/report-form';
import * as mq from './map.queries';
import type { MapDeps } from './map.routes';
import { ViewText } from './map.schemas';
import { cityView } from './map-http';
import { chosenPoint, LocationPicker, PICKER_ACTION, type PickerState } from './views/location-picker';
import type { MapSettings } from './views/parts';

const MAP_ACTIONS: MapAction[] = ['in', 'out', 'north', 'south', 'east', 'west', 'city'];
const SEARCH_LIMIT = { name: 'geocode:ip', max: 30, windowSeconds: 60 };
const SEARCH_MAX = 200;

/**
 * The picker page after a redirect: step one's fields as the person typed them (lat and lon are checked at
 * "Weiter", like the rest of the form), the server map's view and the address search.
 */
const PickerQuery = Type.Object({
  kategorie: Type.Optional(Id),
  lat: Type.Optional(Type.String()),
  lon: Type.Optional(Type.String()),
  ort: Type.Optional(Type.String({ maxLength: LIMITS.addressMax })),
  ansicht: Type.Optional(ViewText),
  suche: Type.Optional(Type.String({ maxLength: SEARCH_MAX })),
});

function pickerUrl(values: Step1Values, extra: { view?: MapView | null; search?: string }): string {
  const params = new URLSearchParams();
  if (values.categoryId) params.set('kategorie', values.categoryId);
  if (values.lat) params.set('lat', values.lat);
  if (values.lon) params.set('lon', values.lon);
  if (values.address) params.set('ort', values.address.slice(0, LIMITS.addressMax));
  if (extra.view) params.set('ansicht', formatView(extra.view));
  if (extra.search) params.set('suche', extra.search);
  return `${PICKER_ACTION}?${params.toString()}`;
}

/** Step one without JavaScript: the picker's buttons post here; the answer redirects to a GET page. */
export function locationRoutes(app: FastifyInstance, { db }: MapDeps, geocoder: Geocoder, settings: MapSettings): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  // A form post of the whole step one: the body is read by the form code, never refused as a whole.
  app.post(PICKER_ACTION, async (request, reply) => {
    const body = asForm(request.body);
    const values: Step1Values = { categoryId: field(body, 'categoryId'), lat: field(body, 'lat'), lon: field(body, 'lon'), address: field(body, 'address') };
    const view = parseView(field(body, 'ansicht'));
    const action = field(body, 'karte_aktion') as MapAction;
    const search = field(body, 'suche').slice(0, SEARCH_MAX);
    // After "Ort oder Kategorie ändern" the form carries step two's input (description, email …): a redirect would
    // put it into an address (logs, history), so the next picker page is the answer to this post itself.
    const draft = draftFrom(body);
    const next = (chosen: Step1Values, extra: { view?: MapView | null; search?: string }) =>
      hasDraft(draft) ? pickerPage(request, reply, chosen, extra.view ?? null, extra.search ?? '', draft) : reply.redirect(pickerUrl(chosen, extra), 303);

    const hit = field(body, 'treffer');
    if (hit) {
      const [coords = '', ...label] = hit.split('|');
      const [rawLat = '', rawLon = ''] = coords.split(',');
      const lat = parseCoordinate(rawLat, 'lat');
      const lon = parseCoordinate(rawLon, 'lon');
      if (lat === null || lon === null) throw new AppError('bad_request');
      const chosen = { ...values, lat: String(lat), lon: String(lon), address: values.address || label.join('|').slice(0, LIMITS.addressMax) };
      return next(chosen, { view: viewAround(lat, lon) });
    }
    if (MAP_ACTIONS.includes(action)) {
      const city = await cityView(db, request.ctx.org.id);
      return next(values, { view: mapAction(view ?? city, action, city), search });
    }
    const x = field(body, 'karte.x');
    const y = field(body, 'karte.y');
    if (/^\d{1,5}$/.test(x) && /^\d{1,5}$/.test(y)) {
      const point = chosenPoint(values);
      const current = view ?? (point ? viewAround(point.lat, point.lon) : await cityView(db, request.ctx.org.id));
      const outcome = mapClick(current, Number(x), Number(y));
      return next(outcome.kind === 'pick' ? { ...values, lat: String(outcome.lat), lon: String(outcome.lon) } : values, { view: outcome.view, search });
    }
    if (field(body, 'aktion') === 'suchen' && search) {
      return next(values, { view, search });
    }
    // Enter in a text field presses the first button, the search: with nothing to search, it means "continue".
    return reply.redirect('/melden/ort', 307);
  });

  routes.get(PICKER_ACTION, { schema: { querystring: PickerQuery } }, async (request, reply) => {
    const query = request.query;
    const values: Step1Values = {
      categoryId: query.kategorie === undefined ? '' : String(query.kategorie),
      lat: query.lat?.trim() ?? '',
      lon: query.lon?.trim() ?? '',
      address: query.ort?.trim() ?? '',
    };
    return pickerPage(request, reply, values, parseView(query.ansicht), query.suche?.trim() ?? '', null);
  });

  /** Step one with the picker in a given state: the GET page after a redirect, or the answer to a post with a draft. */
  async function pickerPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Step1Values,
    view: MapView | null,
    searchQuery: string,
    draft: Step2Draft | null,
  ) {
    const { ctx } = request;
    let search: PickerState['search'] = null;
    if (searchQuery) {
      await enforce(db, [[SEARCH_LIMIT, clientKey(request.ip)]]);
      const box = await mq.cityBox(db, ctx.org.id);
      let answer: GeocoderAnswer = await geocoder.search(searchQuery, { bbox: box ?? undefined, language: ctx.locale, limit: 5 });
      if (answer.ok) {
        // Only places inside the city: anything else would be refused at "Weiter".
        const inside = await Promise.all(answer.results.map((r) => locate(db, ctx.org.id, r.lat, r.lon)));
        answer = { ok: true, results: answer.results.filter((_, i) => inside[i]!.inside) };
      }
      if (!answer.ok) request.log.warn({ reason: answer.reason }, 'geocoder failed');
      search = { query: searchQuery, answer };
    }
    const categories = await rq.listCategories(db, ctx.org.id);
    const options = categories.map((c) => ({
      id: c.id,
      name: ctx.locale === 'de' ? c.name_de : c.name_en,
      description: ctx.locale === 'de' ? c.description_de : c.description_en,
    }));
    const state: PickerState = { view, search, geocoderConfigured: geocoder.configured };
    // With step two's input in hidden fields (an email address, a name) the page is personal: kept by no cache.
    if (draft) reply.header('Cache-Control', 'no-store');
    return sendHtml(
      reply,
      <Step1Page
        ctx={ctx}
        categories={options}
        values={values}
        extra={<LocationPicker ctx={ctx} values={values} state={state} settings={settings} />}
        draft={draft}
      />,
    );
  }
}
