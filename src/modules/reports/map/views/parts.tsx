import type { RequestContext } from '../../../../platform/http/context';
import { translator } from '../../../../platform/i18n';
import type { PinGroup } from '../../../../platform/map/pins';
import { PinShape } from '../../../../platform/map/static-map';
import { mapMessages } from '../map.messages';

/** Where an island finds its data and labels; the same on every map of a page. */
export interface MapSettings {
  /** Our own tile proxy URL template, when the city configured a tile source. */
  tiles: string | null;
  attribution: string;
}

export const AREAS_URL = '/api/karte/gebiete';

/** The bundle and its stylesheet: our own files, loaded where a map is (a <link> in the body is valid HTML). */
export function MapAssets() {
  return (
    <>
      <link rel="stylesheet" href="/static/js/map-style.css" />
      <script src="/static/js/map.js" defer />
    </>
  );
}

export function mapData(ctx: RequestContext, settings: MapSettings): Record<string, string> {
  const t = translator(mapMessages, ctx.locale);
  return {
    'data-areas': AREAS_URL,
    ...(settings.tiles ? { 'data-tiles': settings.tiles, 'data-attribution': settings.attribution } : {}),
    'data-label-report': t('popupReport', { id: '{id}', category: '{category}' }),
    'data-label-details': t('popupDetails'),
    'data-label-cluster': t('clusterLabel', { n: '{n}' }),
    'data-label-zoom-in': t('zoomIn'),
    'data-label-zoom-out': t('zoomOut'),
  };
}

/** Shapes and words of the pins, so colour is never the only signal. */
export function Legend({ ctx }: { ctx: RequestContext }) {
  const t = translator(mapMessages, ctx.locale);
  const groups = ['open', 'progress', 'fixed', 'closed'] as const satisfies readonly PinGroup[];
  return (
    <>
      <p class="k-hint" id="map-legend-title">
        {t('legend')}
      </p>
      <ul class="k-legend" aria-labelledby="map-legend-title">
        {groups.map((g) => (
          <li>
            <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
              <PinShape group={g} x={10} y={10} r={7} />
            </svg>
            {t(`legend.${g}`)}
          </li>
        ))}
      </ul>
    </>
  );
}
