import { type Static, Type } from 'typebox';
import { ID_MAX, JsonError, Page } from '../../platform/http/schemas';
import { BBOX_PATTERN } from '../open311';

// Schemas of the open-data exports: TypeBox for the query (validated, typed), JSON Schema for the GeoJSON answer.

export const EXPORT_LIMIT_DEFAULT = 1000;
export const GEOJSON_LIMIT_MAX = 10_000;
export const CSV_LIMIT_MAX = 100_000;
export const TAG = 'Open data';

export function exportQuery(max: number) {
  return Type.Object({
    bbox: Type.Optional(Type.String({ description: 'min_lon,min_lat,max_lon,max_lat (WGS84).', pattern: BBOX_PATTERN })),
    category: Type.Optional(Type.String({ description: 'A category code (service_code).', pattern: '^[a-z0-9-]{1,60}$' })),
    district: Type.Optional(Type.Integer({ minimum: 1, maximum: ID_MAX, description: 'A district id (see /offene-daten).' })),
    status: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('fixed'), Type.Literal('closed')], {
        description: 'open (new, confirmed, in progress), fixed or closed.',
      }),
    ),
    from: Type.Optional(Type.String({ description: 'Reported on or after (YYYY-MM-DD or W3C date-time).', maxLength: 40 })),
    to: Type.Optional(Type.String({ description: 'Reported before (YYYY-MM-DD or W3C date-time).', maxLength: 40 })),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: max, default: EXPORT_LIMIT_DEFAULT, description: `Reports per page (newest first), at most ${max}.` }),
    ),
    page: Type.Optional(Page),
  });
}
export type ExportQuery = Static<ReturnType<typeof exportQuery>>;

/** What an /api/ route can refuse: a malformed parameter (400) and too many requests (429, with Retry-After). */
export const apiErrors = {
  400: { description: 'A parameter is malformed', ...JsonError },
  429: { description: 'Too many requests: see the Retry-After header', ...JsonError },
};

export const geojsonResponse = {
  type: 'object',
  required: ['type', 'features'],
  properties: {
    type: { const: 'FeatureCollection' },
    features: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'id', 'geometry', 'properties'],
        properties: {
          type: { const: 'Feature' },
          id: { type: 'integer' },
          geometry: {
            type: 'object',
            required: ['type', 'coordinates'],
            properties: {
              type: { const: 'Point' },
              coordinates: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
            },
          },
          properties: {
            type: 'object',
            required: ['id', 'url', 'status', 'detailed_status', 'status_label', 'category_code', 'category', 'created_at', 'updated_at'],
            properties: {
              id: { type: 'integer' },
              url: { type: 'string' },
              status: { type: 'string', enum: ['open', 'closed'] },
              detailed_status: { type: 'string' },
              status_label: { type: 'string' },
              category_code: { type: 'string' },
              category: { type: 'string' },
              district: { type: ['string', 'null'] },
              department: { type: ['string', 'null'] },
              address: { type: ['string', 'null'] },
              description: { type: 'string' },
              location_precise: { type: 'boolean' },
              supporters: { type: 'integer' },
              created_at: { type: 'string' },
              updated_at: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const;
