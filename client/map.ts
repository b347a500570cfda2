// Browser islands of the map feature. Each island is an element with data-module="…"; everything it needs
// comes from data- attributes or our own JSON endpoints (CSP: script-src 'self', no inline script).
// Without this file every page still works: the server renders a clickable map, a list and a search.
import L from 'leaflet';

type Data = DOMStringMap;

function text(template: string | undefined, params: Record<string, string | number>): string {
  return (template ?? '').replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

async function getJson<T>(url: string): Promise<T | null> {
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    return res.ok ? ((await res.json()) as T) : null;
  } catch {
    return null;
  }
}

/** A Leaflet map on a plain background; tiles only from our own proxy when the city configured one. */
function createMap(el: HTMLElement, data: Data): L.Map {
  el.hidden = false;
  const map = L.map(el, { zoomSnap: 1, attributionControl: true, zoomControl: false, minZoom: 8, maxZoom: 19 });
  L.control.zoom({ zoomInTitle: data.labelZoomIn ?? 'Zoom in', zoomOutTitle: data.labelZoomOut ?? 'Zoom out' }).addTo(map);
  map.attributionControl.setPrefix(false);
  if (data.tiles) {
    L.tileLayer(data.tiles, { maxZoom: 19, attribution: data.attribution ?? '' }).addTo(map);
  } else {
    el.classList.add('k-map--plain');
  }
  // The map container is focusable for Leaflet's keyboard panning: give it a name.
  if (data.label) el.setAttribute('aria-label', data.label);
  el.setAttribute('role', 'region');
  return map;
}

interface AreaCollection {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; properties: { kind: string; name: string }; geometry: GeoJSON.Geometry }>;
  bbox?: [number, number, number, number];
}

async function addAreas(map: L.Map, url: string | undefined): Promise<L.LatLngBounds | null> {
  if (!url) return null;
  const areas = await getJson<AreaCollection>(url);
  if (!areas || areas.features.length === 0) return null;
  const layer = L.geoJSON(areas as GeoJSON.FeatureCollection, {
    interactive: false,
    style: (f) =>
      f?.properties?.kind === 'stadtgrenze'
        ? { color: '#1d3557', weight: 3, fill: false }
        : { color: '#4a5b6c', weight: 1.5, dashArray: '4 4', fillColor: '#ffffff', fillOpacity: 0.35 },
  }).addTo(map);
  return layer.getBounds();
}

const SHAPES: Record<string, string> = {
  open: '<circle cx="12" cy="12" r="8"/>',
  progress: '<path d="M12 3 21 12 12 21 3 12Z"/>',
  fixed: '<rect x="4" y="4" width="16" height="16"/><path class="k-pin__mark" d="M8 12l3 3 5-6"/>',
  closed: '<path d="M12 3 21 20H3Z"/>',
  pending: '<circle cx="12" cy="12" r="7"/>',
};

function pinIcon(group: string): L.DivIcon {
  return L.divIcon({
    className: `k-pin k-pin--${group}`,
    html: `<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">${SHAPES[group] ?? SHAPES.open}</svg>`,
    iconSize: [24, 24],
    iconAnchor: [12, 12],
    popupAnchor: [0, -10],
  });
}

function chosenIcon(): L.DivIcon {
  return L.divIcon({
    className: 'k-pin k-pin--chosen',
    html: '<svg viewBox="0 0 32 44" width="32" height="44" aria-hidden="true" focusable="false"><path d="M16 1C7.7 1 1 7.7 1 16c0 11 15 27 15 27s15-16 15-27C31 7.7 24.3 1 16 1Z"/><circle class="k-pin__mark" cx="16" cy="16" r="6"/></svg>',
    iconSize: [32, 44],
    iconAnchor: [16, 43],
  });
}

function clusterIcon(count: number): L.DivIcon {
  const size = count < 10 ? 34 : count < 100 ? 40 : 48;
  return L.divIcon({ className: 'k-cluster', html: `<span>${count}</span>`, iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
}

interface MapFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { cluster: boolean; count?: number; id?: number; group?: string; status?: string; category?: string; title?: string; url?: string };
}

/** What a pin is: the report's short title (category and place) where the source sends one, else number and category. */
function pinTitle(p: MapFeature['properties'], data: Data): string {
  return p.title || text(data.labelReport, { id: p.id ?? '', category: p.category ?? '' });
}

function popupContent(p: MapFeature['properties'], data: Data): HTMLElement {
  const box = document.createElement('div');
  const title = document.createElement('p');
  title.className = 'k-popup__title';
  title.textContent = pinTitle(p, data);
  const status = document.createElement('p');
  status.textContent = p.status ?? '';
  const link = document.createElement('a');
  link.href = p.url ?? `/meldungen/${p.id}`;
  link.textContent = data.labelDetails ?? '';
  box.append(title, status, link);
  return box;
}

/**
 * Public reports from /api/reports/map, one 256-px tile at a time (/api/reports/map/z/x/y with the same filters, when
 * the element has data-tiled),
 * loaded after each move for the tiles in view. A tile's answer is the same for every view that shows it, so panning
 * back and forth asks the browser's cache, and the server counts whole tiles from its maintained aggregates.
 */
function reportsLayer(map: L.Map, src: string, data: Data, interactive = true): { reload(): void } {
  const layer = L.layerGroup().addTo(map);
  const [path, query = ''] = src.split('?');
  const params = new URLSearchParams(query);
  params.set('lang', document.documentElement.lang);
  const shown = new Map<string, L.LayerGroup>();
  let shownZoom = -1;

  function draw(group: L.LayerGroup, fc: { features: MapFeature[] }) {
    for (const f of fc.features) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      if (p.cluster) {
        const m = L.marker([lat, lon], { icon: clusterIcon(p.count ?? 0), keyboard: false, interactive, title: text(data.labelCluster, { n: p.count ?? 0 }) });
        if (interactive) m.on('click', () => map.setView([lat, lon], Math.min(map.getZoom() + 2, 19)));
        group.addLayer(m);
      } else {
        const m = L.marker([lat, lon], { icon: pinIcon(p.group ?? 'open'), keyboard: false, interactive, title: `${pinTitle(p, data)} – ${p.status ?? ''}` });
        if (interactive) m.bindPopup(() => popupContent(p, data));
        group.addLayer(m);
      }
    }
  }

  // A source without tiles (the Angsträume, a few hundred places) answers for the visible box, reloaded after each move.
  let seq = 0;
  async function reloadBox() {
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(',');
    const box = new URLSearchParams(params);
    box.set('bbox', bbox);
    box.set('zoom', String(map.getZoom()));
    const mine = ++seq;
    const fc = await getJson<{ features: MapFeature[] }>(`${path}?${box}`);
    if (!fc || mine !== seq) return;
    layer.clearLayers();
    draw(L.layerGroup().addTo(layer), fc);
  }

  function reload() {
    if (data.tiled === undefined) return void reloadBox();
    const z = map.getZoom();
    if (z !== shownZoom) {
      layer.clearLayers();
      shown.clear();
      shownZoom = z;
    }
    const b = map.getPixelBounds();
    const last = 2 ** z - 1;
    const tile = (v: number) => Math.max(0, Math.min(last, Math.floor(v / 256)));
    const wanted = new Set<string>();
    for (let x = tile(b.min!.x); x <= tile(b.max!.x - 1); x++) {
      for (let y = tile(b.min!.y); y <= tile(b.max!.y - 1); y++) {
        const key = `${z}/${x}/${y}`;
        wanted.add(key);
        if (shown.has(key)) continue;
        const group = L.layerGroup().addTo(layer);
        shown.set(key, group);
        void getJson<{ features: MapFeature[] }>(`${path}/${key}?${params}`).then((fc) => {
          // The map may have moved on while the tile was on its way.
          if (fc && shown.get(key) === group) draw(group, fc);
        });
      }
    }
    for (const [key, group] of shown) {
      if (!wanted.has(key)) {
        layer.removeLayer(group);
        shown.delete(key);
      }
    }
  }
  map.on('moveend', reload);
  return { reload };
}

function fitTo(map: L.Map, bounds: L.LatLngBounds | null, data: Data) {
  if (bounds?.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
  else map.setView([Number(data.lat ?? 51.5), Number(data.lon ?? 7.5)], 12);
}

// ---------------------------------------------------------------------------------------------------------
// Step one of the report form: click, drag or move the pin with the arrow keys; or use my location.

async function locationPicker(el: HTMLElement) {
  const data = el.dataset;
  const form = el.closest('form');
  const latInput = form?.querySelector<HTMLInputElement>('input[name="lat"]');
  const lonInput = form?.querySelector<HTMLInputElement>('input[name="lon"]');
  if (!form || !latInput || !lonInput) return;
  const mapEl = el.querySelector<HTMLElement>('[data-map]');
  const status = el.querySelector<HTMLElement>('[data-status]');
  if (!mapEl) return;
  // The server's clickable map is not needed now: the live map does its job.
  for (const s of form.querySelectorAll<HTMLElement>('[data-static-map]')) s.hidden = true;
  const map = createMap(mapEl, data);
  const bounds = await addAreas(map, data.areas);
  let marker: L.Marker | null = null;

  const announce = (lat: number, lon: number) => {
    if (status) status.textContent = text(data.labelChosen, { lat: lat.toFixed(5), lon: lon.toFixed(5) });
  };
  const setPoint = (ll: L.LatLng, speak = true) => {
    const lat = Math.round(ll.lat * 1e6) / 1e6;
    const lon = Math.round(ll.lng * 1e6) / 1e6;
    latInput.value = String(lat);
    lonInput.value = String(lon);
    if (!marker) {
      marker = L.marker(ll, { icon: chosenIcon(), draggable: true, keyboard: true, title: data.labelPin ?? '', autoPan: true }).addTo(map);
      const icon = marker.getElement();
      if (icon) {
        icon.setAttribute('aria-label', data.labelPin ?? '');
        icon.setAttribute('aria-describedby', status?.id ?? '');
        icon.addEventListener('keydown', onKey);
      }
      marker.on('dragend', () => marker && setPoint(marker.getLatLng()));
    } else {
      marker.setLatLng(ll);
    }
    if (speak) announce(lat, lon);
  };
  const onKey = (ev: KeyboardEvent) => {
    const step = ev.shiftKey ? 50 : 10;
    const delta: Record<string, [number, number]> = { ArrowUp: [0, -step], ArrowDown: [0, step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] };
    const d = delta[ev.key];
    if (!d || !marker) return;
    ev.preventDefault();
    ev.stopPropagation();
    const p = map.latLngToContainerPoint(marker.getLatLng()).add(L.point(d[0], d[1]));
    setPoint(map.containerPointToLatLng(p));
    if (!map.getBounds().pad(-0.1).contains(marker.getLatLng())) map.panTo(marker.getLatLng());
  };

  const lat = Number(latInput.value.replace(',', '.'));
  const lon = Number(lonInput.value.replace(',', '.'));
  if (latInput.value && lonInput.value && Number.isFinite(lat) && Number.isFinite(lon)) {
    map.setView([lat, lon], 17);
    setPoint(L.latLng(lat, lon), false);
  } else {
    fitTo(map, bounds, data);
  }
  // Existing reports are context here: a click anywhere, also on them, places the pin.
  if (data.reports) reportsLayer(map, data.reports, data, false).reload();

  map.on('click', (ev: L.LeafletMouseEvent) => setPoint(ev.latlng));
  // Keyboard on the map itself (its label says so): Enter or Space drops the pin at the centre, then the arrows
  // move the pin instead of the map. Capture phase, so Leaflet's own panning does not run as well.
  mapEl.addEventListener(
    'keydown',
    (ev) => {
      if (ev.target !== mapEl || ev.altKey || ev.ctrlKey || ev.metaKey) return;
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        ev.stopImmediatePropagation();
        // The centre pixel, so that the arrows' pixel steps keep the other coordinate exactly.
        setPoint(map.containerPointToLatLng(map.getSize().divideBy(2).round()));
      } else if (marker && ev.key.startsWith('Arrow')) {
        ev.stopImmediatePropagation();
        onKey(ev);
      }
    },
    { capture: true },
  );
  // Typed coordinates move the pin too.
  const fromInputs = () => {
    const a = Number(latInput.value.replace(',', '.'));
    const b = Number(lonInput.value.replace(',', '.'));
    if (latInput.value && lonInput.value && Number.isFinite(a) && Number.isFinite(b) && Math.abs(a) <= 90 && Math.abs(b) <= 180) {
      setPoint(L.latLng(a, b), false);
      map.panTo([a, b]);
    }
  };
  latInput.addEventListener('change', fromInputs);
  lonInput.addEventListener('change', fromInputs);

  const locate = el.querySelector<HTMLButtonElement>('[data-geolocate]');
  if (locate && 'geolocation' in navigator) {
    locate.hidden = false;
    locate.addEventListener('click', () => {
      if (status) status.textContent = data.labelLocating ?? '';
      navigator.geolocation.getCurrentPosition(
        (pos) => {
          const ll = L.latLng(pos.coords.latitude, pos.coords.longitude);
          map.setView(ll, 17);
          setPoint(ll);
        },
        () => {
          if (status) status.textContent = data.labelLocateFailed ?? '';
        },
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
      );
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// The public map beside the list, and the small map on a report's page.

async function reportsMap(el: HTMLElement) {
  const data = el.dataset;
  const mapEl = el.querySelector<HTMLElement>('[data-map]') ?? el;
  for (const s of el.querySelectorAll<HTMLElement>('[data-static-map]')) s.hidden = true;
  const map = createMap(mapEl, data);
  const bounds = await addAreas(map, data.areas);
  fitTo(map, bounds, data);
  if (data.src) reportsLayer(map, data.src, data).reload();
}

async function reportMap(el: HTMLElement) {
  const data = el.dataset;
  const mapEl = el.querySelector<HTMLElement>('[data-map]') ?? el;
  for (const s of el.querySelectorAll<HTMLElement>('[data-static-map]')) s.hidden = true;
  const map = createMap(mapEl, data);
  await addAreas(map, data.areas);
  const lat = Number(data.lat);
  const lon = Number(data.lon);
  // Without a base map, a wider view keeps district lines in sight for orientation.
  map.setView([lat, lon], data.tiles ? 17 : 14);
  L.marker([lat, lon], { icon: chosenIcon(), keyboard: false, interactive: false, title: data.labelPin ?? '' }).addTo(map);
}

const MODULES: Record<string, (el: HTMLElement) => Promise<void>> = {
  'location-picker': locationPicker,
  'reports-map': reportsMap,
  'report-map': reportMap,
};

for (const el of document.querySelectorAll<HTMLElement>('[data-module]')) {
  const init = MODULES[el.dataset.module ?? ''];
  if (init) init(el).catch((err) => console.warn('map island failed', err));
}
