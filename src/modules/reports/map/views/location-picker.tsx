import type { GeocoderAnswer } from '../../../../platform/geo/geocoder';
import type { RequestContext } from '../../../../platform/http/context';
import { translator } from '../../../../platform/i18n';
import { formatView, type MapAction, type MapView, PICK_ZOOM, viewAround } from '../../../../platform/map/geometry';
import { fieldId } from '../../../../platform/views/forms';
import { parseCoordinate } from '../../report';
import type { Step1Values } from '../../views/report-form';
import { mapMessages } from '../map.messages';
import { MapAssets, type MapSettings, mapData } from './parts';

export const PICKER_ACTION = '/melden/ortswahl';

export interface PickerState {
  /** The server map's view; null: the whole city (or around the chosen point). */
  view: MapView | null;
  search: { query: string; answer: GeocoderAnswer | null; error?: string } | null;
  geocoderConfigured: boolean;
}

/** The chosen point, if the form holds a valid one. */
export function chosenPoint(values: Pick<Step1Values, 'lat' | 'lon'>): { lat: number; lon: number } | null {
  const lat = values.lat ? parseCoordinate(values.lat, 'lat') : null;
  const lon = values.lon ? parseCoordinate(values.lon, 'lon') : null;
  return lat !== null && lon !== null ? { lat, lon } : null;
}

/**
 * The place part of step one (inside the report form): address search, the live map (JavaScript), and the
 * clickable server map (no JavaScript). Its buttons post the whole form to /melden/ortswahl (formaction), so
 * the chosen category and description travel along; the answer is a redirect to a plain GET page.
 */
export function LocationPicker({ ctx, values, state, settings }: { ctx: RequestContext; values: Step1Values; state: PickerState; settings: MapSettings }) {
  const t = translator(mapMessages, ctx.locale);
  const point = chosenPoint(values);
  const view = state.view ?? (point ? viewAround(point.lat, point.lon) : null);
  const picking = (view?.zoom ?? 0) >= PICK_ZOOM;
  const svgParams = new URLSearchParams({ meldungen: 'offen' });
  if (view) svgParams.set('ansicht', formatView(view));
  if (point) svgParams.set('punkt', `${point.lat},${point.lon}`);
  const search = state.search;
  const answer = search?.answer;
  const searchId = fieldId('suche');
  const actionButton = (action: MapAction, label: string) => (
    <button type="submit" class="k-button k-button--secondary" name="karte_aktion" value={action} formaction={PICKER_ACTION} formnovalidate>
      {label}
    </button>
  );
  return (
    <div
      class="k-map-picker"
      data-module="location-picker"
      {...mapData(ctx, settings)}
      data-reports="/api/reports/map?status=open"
      data-tiled="1"
      data-label={t('mapLabel')}
      data-label-pin={t('pinLabel')}
      data-label-chosen={t('chosenPoint', { lat: '{lat}', lon: '{lon}' })}
      data-label-locating={t('locating')}
      data-label-locate-failed={t(state.geocoderConfigured ? 'locateFailed' : 'locateFailedNoSearch')}
    >
      {/* Every way to give the place that this installation has, and no address search where there is none. */}
      <p class="k-hint">{t(state.geocoderConfigured ? 'pickIntro' : 'pickIntroNoSearch')}</p>

      {state.geocoderConfigured ? (
        <div class={search?.error ? 'k-field k-field--error' : 'k-field'}>
          <label class="k-label" for={searchId}>
            {t('searchLabel')}
          </label>
          <p class="k-hint" id={`${searchId}-hint`}>
            {t('searchHint')}
          </p>
          {search?.error && (
            <p class="k-field__error" id={`${searchId}-error`}>
              {search.error}
            </p>
          )}
          <div class="k-map-picker__search">
            <input
              class="k-input"
              type="search"
              id={searchId}
              name="suche"
              value={search?.query ?? ''}
              maxLength={200}
              autocomplete="street-address"
              aria-describedby={`${searchId}-hint${search?.error ? ` ${searchId}-error` : ''}`}
              aria-invalid={search?.error ? 'true' : undefined}
            />
            {/* The first submit button of the form: Enter in any field lands here; an empty search continues. */}
            <button type="submit" class="k-button k-button--secondary" name="aktion" value="suchen" formaction={PICKER_ACTION} formnovalidate>
              {t('searchButton')}
            </button>
          </div>
        </div>
      ) : (
        <>
          {/* Enter in a text field must continue, not press a map button: this is the form's default button. */}
          <button type="submit" hidden tabIndex={-1}>
            {t('searchButton')}
          </button>
          <div class="k-notice k-notice--info">{t('searchNotConfigured')}</div>
        </>
      )}
      {answer && !answer.ok && answer.reason !== 'not_configured' && (
        <div class="k-notice k-notice--info" role="status">
          {t('searchUnavailable')}
        </div>
      )}
      {answer?.ok && answer.results.length === 0 && (
        <div class="k-notice k-notice--info" role="status">
          {t('searchNone', { query: search?.query ?? '', city: ctx.org.name })}
        </div>
      )}
      {answer?.ok && answer.results.length > 0 && (
        <div role="status">
          <p class="k-label" id="search-results-title">
            {t('searchResults', { query: search?.query ?? '' })}
          </p>
          <ul class="k-map-picker__results" aria-labelledby="search-results-title">
            {answer.results.map((r) => (
              <li>
                <button
                  type="submit"
                  class="k-button k-button--secondary"
                  name="treffer"
                  value={`${r.lat},${r.lon}|${r.label}`}
                  formaction={PICKER_ACTION}
                  formnovalidate
                >
                  {r.label}
                  <span class="k-visually-hidden"> – {t('choose')}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div class="k-map" data-map hidden />
      <button type="button" class="k-button k-button--secondary" data-geolocate hidden>
        {t('useMyLocation')}
      </button>
      <p class="k-map__status" id="map-status" role="status" data-status>
        {point ? t('chosenPoint', { lat: point.lat.toFixed(5), lon: point.lon.toFixed(5) }) : ''}
      </p>

      <div class="k-staticmap" data-static-map>
        <p class="k-label">{t('staticMapTitle')}</p>
        <p class="k-hint" id="static-map-help">
          {picking ? t('staticMapHelpPick') : t('staticMapHelpZoom')}
        </p>
        <input type="hidden" name="ansicht" value={view ? formatView(view) : ''} />
        <input
          type="image"
          class="k-staticmap__image"
          name="karte"
          src={`/karte/bild.svg?${svgParams.toString()}`}
          alt={t('staticMapAlt', { city: ctx.org.name, zoom: view?.zoom ?? '–', action: picking ? t('staticMapHelpPick') : t('staticMapHelpZoom') })}
          width={640}
          height={400}
          formaction={PICKER_ACTION}
          formmethod="post"
          formnovalidate
        />
        <div class="k-staticmap__controls" role="group" aria-label={t('mapControls')}>
          {actionButton('in', t('zoomIn'))}
          {actionButton('out', t('zoomOut'))}
          {actionButton('north', t('north'))}
          {actionButton('south', t('south'))}
          {actionButton('west', t('west'))}
          {actionButton('east', t('east'))}
          {actionButton('city', t('wholeCity'))}
        </div>
      </div>
      <MapAssets />
    </div>
  );
}
