import { Type } from 'typebox';
import { JsonError } from '../../../platform/http/schemas';

// The answers of the map's JSON routes (GeoJSON, RFC 7946), as documented; the bodies are sent pre-serialised.

const Point = Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }) });

const Pin = Type.Object({
  cluster: Type.Literal(false),
  id: Type.Integer(),
  group: Type.String({ description: 'open, progress, fixed or closed: the colour of the pin' }),
  status: Type.String(),
  category: Type.String(),
  title: Type.String({ description: 'A short title: the category and the place, or the first words of the description' }),
  url: Type.String(),
});
const Cluster = Type.Object({ cluster: Type.Literal(true), count: Type.Integer({ minimum: 2 }) });

const MapDataCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({ type: Type.Literal('Feature'), geometry: Point, properties: Type.Union([Pin, Cluster]) })),
  clustered: Type.Boolean({ description: 'True when the features are grid cells with counts (low zoom or a dense view)' }),
  truncated: Type.Boolean({ description: 'True when there were more features than one answer carries' }),
  zoom: Type.Integer(),
});

const AreaCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.Integer(),
      properties: Type.Object({ kind: Type.String({ description: 'city or district' }), name: Type.String() }),
      geometry: Type.Object({ type: Type.String(), coordinates: Type.Array(Type.Unknown()) }),
    }),
  ),
});

const geojson = <T>(schema: T) => ({ content: { 'application/geo+json': { schema } } });

export const MapAreasAnswer = geojson(AreaCollection);
export const MapDataAnswer = geojson(MapDataCollection);

/** A bad request: every bad field with a message in the visitor's language. */
const BadFilters = Type.Object({
  error: Type.Object({ code: Type.Literal('bad_request'), message: Type.String(), fields: Type.Record(Type.String(), Type.String()) }),
});

/**
 * A 400 names every bad field in the visitor's language; a request refused before the route's own check (a NUL in
 * the query, found by fuzzing) gets the platform's plain JSON error. Both must serialise, or Fastify answers 500.
 */
export const MapDataError = Type.Union([BadFilters, JsonError]);
