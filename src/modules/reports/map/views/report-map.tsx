import type { RequestContext } from '../../../../platform/http/context';
import { translator } from '../../../../platform/i18n';
import { formatView, viewAround } from '../../../../platform/map/geometry';
import { pinGroup } from '../../../../platform/map/pins';
import { mapMessages } from '../map.messages';
import { MapAssets, type MapSettings, mapData } from './parts';

/** The small map on a report's page: a live map with JavaScript, the server's picture without. */
export function ReportMap({
  ctx,
  report,
  settings,
}: {
  ctx: RequestContext;
  report: { id: number; lat: number; lon: number; location_precise: boolean; status?: string };
  settings: MapSettings;
}) {
  const t = translator(mapMessages, ctx.locale);
  const lat = report.lat.toFixed(6);
  const lon = report.lon.toFixed(6);
  return (
    <section class="k-section" aria-labelledby="report-map-title">
      <h2 id="report-map-title">{t('reportMapTitle')}</h2>
      {report.location_precise ? (
        <div
          data-module="report-map"
          {...mapData(ctx, settings)}
          data-lat={lat}
          data-lon={lon}
          data-group={pinGroup(report.status ?? 'new')}
          data-label={t('reportMapTitle')}
          data-label-pin={t('reportMapAlt', { lat, lon })}
        >
          <div class="k-map k-map--small" data-map hidden />
          <img
            class="k-staticmap__image"
            data-static-map
            src={`/karte/bild.svg?ansicht=${encodeURIComponent(formatView({ ...viewAround(report.lat, report.lon), zoom: 14 }))}&punkt=${lat},${lon}`}
            width={640}
            height={400}
            alt={t('reportMapAlt', { lat, lon })}
          />
          <MapAssets />
        </div>
      ) : (
        <p>{t('reportMapApproximate')}</p>
      )}
    </section>
  );
}
