import { type Static, Type } from 'typebox';
import { Page, PageSize } from '../../platform/http/schemas';
import { BBOX_PATTERN, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './open311';

// Schemas of the Open311 routes: TypeBox for what comes in (validated, typed for the handlers), JSON Schema for
// the answers, which Fastify serialises with them (so a field not listed here can never leave). The OpenAPI
// document is generated from both.

const str = (description: string, extra: Record<string, unknown> = {}) => Type.String({ description, ...extra });
const nullableStr = (description: string) => ({ type: ['string', 'null'], description });

export const W3C_PATTERN = '^\\s*\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+ -]\\d{2}:\\d{2}))?\\s*$';

const jurisdiction = str('The city’s slug (e.g. "dortmund") or host name. Optional: every host serves one city.', { maxLength: 200 });
const apiKey = str('API key (also accepted as the X-Api-Key header).', { maxLength: 200 });

const common = {
  jurisdiction_id: Type.Optional(jurisdiction),
  api_key: Type.Optional(apiKey),
  lang: Type.Optional(Type.Union([Type.Literal('de'), Type.Literal('en')], { description: 'Language of names and texts: de (default) or en.' })),
};
const paging = {
  page: Type.Optional(Page),
  page_size: Type.Optional(PageSize({ maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT })),
};
const flag = (description: string) =>
  Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false'), Type.Literal('1'), Type.Literal('0')], { description }));
const EXTENSIONS = 'true adds attributes (answers), extended_attributes (detailed status, district, photos) and notes (the public timeline).';

export const commonQuery = Type.Object(common);

export const requestsQuery = Type.Object({
  ...common,
  service_request_id: Type.Optional(str('Comma-separated ids; overrides every other filter.', { pattern: '^\\s*\\d{1,9}(\\s*,\\s*\\d{1,9}){0,999}\\s*$' })),
  service_code: Type.Optional(str('Comma-separated service codes.', { maxLength: 2000, pattern: '^[a-z0-9,\\s-]*$' })),
  start_date: Type.Optional(
    str('Earliest requested_datetime (W3C, e.g. 2024-05-01T00:00:00Z). Without start_date and end_date: the last 90 days.', { pattern: W3C_PATTERN }),
  ),
  end_date: Type.Optional(str('Latest requested_datetime, exclusive (W3C).', { pattern: W3C_PATTERN })),
  status: Type.Optional(str('open, closed, or both comma-separated.', { pattern: '^\\s*(open|closed)(\\s*,\\s*(open|closed))?\\s*$' })),
  bbox: Type.Optional(str('Bounding box min_long,min_lat,max_long,max_lat (WGS84).', { pattern: BBOX_PATTERN })),
  ...paging,
  extensions: flag(EXTENSIONS),
});
export type RequestsQuery = Static<typeof requestsQuery>;

export const requestQuery = Type.Object({ ...common, extensions: flag(EXTENSIONS) });

export const updatesQuery = Type.Object({
  ...common,
  start_date: Type.Optional(str('Earliest update time (W3C). Default: 90 days ago.', { pattern: W3C_PATTERN })),
  end_date: Type.Optional(str('Latest update time, exclusive (W3C).', { pattern: W3C_PATTERN })),
  ...paging,
  extensions: flag('true adds extended_attributes (event type, detailed status).'),
});
export type UpdatesQuery = Static<typeof updatesQuery>;

export const serviceCodeParams = Type.Object({ service_code: str('A service_code.', { maxLength: 200 }) });
/** Not an integer schema: an id that is no number is "not found" (404), as for any unknown id. */
export const requestIdParams = Type.Object({ service_request_id: str('A service_request_id.', { maxLength: 200 }) });

const formValue = Type.Union([Type.String(), Type.Array(Type.String())]);

// Form bodies: the service reads and checks each field (with GeoReport's own error texts); the schema bounds sizes
// and documents the fields.
export const createRequestBody = Type.Object(
  {
    api_key: apiKey,
    jurisdiction_id: Type.Optional(jurisdiction),
    service_code: str('A service_code from GET services.', { maxLength: 100 }),
    lat: Type.Optional(str('Latitude, WGS84 (send with long).', { maxLength: 30 })),
    long: Type.Optional(str('Longitude, WGS84 (send with lat).', { maxLength: 30 })),
    address_string: Type.Optional(str('Where, in words. Required without lat/long; the city then sets the exact point.', { maxLength: 1000 })),
    email: Type.Optional(str('Reporter’s email: stored for the city only, never published; the reporter follows the report.', { maxLength: 320 })),
    first_name: Type.Optional(str('Stored for the city only, never published.', { maxLength: 200 })),
    last_name: Type.Optional(str('Stored for the city only, never published.', { maxLength: 200 })),
    phone: Type.Optional(str('Stored for the city only, never published.', { maxLength: 100 })),
    description: Type.Optional(str('What is wrong (required, at most 5000 characters).', { maxLength: 20000 })),
    media_url: Type.Optional(str('Link to a photo; kept for the city, not republished (photos are checked before publication).', { maxLength: 4000 })),
    device_id: Type.Optional(str('Stored for the city only.', { maxLength: 1000 })),
    account_id: Type.Optional(str('Stored for the city only.', { maxLength: 1000 })),
  },
  {
    patternProperties: {
      '^attribute\\[': { ...formValue, description: 'attribute[CODE]=value, or attribute[CODE][]=value for several values.' },
    },
  },
);

export const pushUpdateBody = Type.Object({
  api_key: apiKey,
  jurisdiction_id: Type.Optional(jurisdiction),
  service_request_id: str('The service request (report) id.', { maxLength: 20 }),
  update_id: Type.Optional(str('Your id of this update (update_id_ext is accepted too): the same id is applied once.', { maxLength: 200 })),
  update_id_ext: Type.Optional(str('Alias of update_id.', { maxLength: 200 })),
  status: Type.Optional(
    str(
      'open or closed, or a detailed state: new, confirmed, investigating, in_progress, action_scheduled, fixed, duplicate, not_councils_responsibility, no_further_action.',
      { maxLength: 60 },
    ),
  ),
  description: Type.Optional(str('Public text shown on the report’s timeline (at most 5000 characters).', { maxLength: 20000 })),
  updated_datetime: Type.Optional(str('When it happened (W3C); kept with the update.', { maxLength: 60 })),
  media_url: Type.Optional(str('Ignored.', { maxLength: 4000 })),
});

const service = {
  type: 'object',
  required: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
  properties: {
    service_code: { type: 'string' },
    service_name: { type: 'string' },
    description: { type: 'string' },
    metadata: { type: 'boolean' },
    type: { type: 'string', enum: ['realtime', 'batch', 'blackbox'] },
    keywords: { type: 'string' },
    group: { type: 'string' },
  },
} as const;

export const servicesResponse = { type: 'array', items: service } as const;

export const serviceDefinitionResponse = {
  type: 'object',
  required: ['service_code', 'attributes'],
  properties: {
    service_code: { type: 'string' },
    attributes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'],
        properties: {
          variable: { type: 'boolean' },
          code: { type: 'string' },
          datatype: {
            type: 'string',
            enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'],
          },
          required: { type: 'boolean' },
          datatype_description: { type: ['string', 'null'] },
          order: { type: 'integer' },
          description: { type: 'string' },
          values: {
            type: 'array',
            items: {
              type: 'object',
              required: ['key', 'name'],
              properties: { key: { type: 'string' }, name: { type: 'string' } },
            },
          },
        },
      },
    },
  },
} as const;

export const createRequestResponse = {
  type: 'array',
  items: {
    type: 'object',
    required: ['service_request_id'],
    properties: { service_request_id: { type: 'string' }, service_notice: { type: 'string' } },
  },
} as const;

export const requestSchema = {
  type: 'object',
  required: ['service_request_id', 'status', 'service_name', 'service_code', 'description', 'requested_datetime', 'updated_datetime', 'lat', 'long'],
  properties: {
    service_request_id: { type: 'string' },
    status: { type: 'string', enum: ['open', 'closed'] },
    status_notes: nullableStr('The latest public text of the city on this request.'),
    service_name: { type: 'string' },
    service_code: { type: 'string' },
    description: { type: 'string' },
    agency_responsible: nullableStr('The department in charge.'),
    requested_datetime: { type: 'string' },
    updated_datetime: { type: 'string' },
    address: nullableStr('The place in words, if given.'),
    lat: { type: 'number' },
    long: { type: 'number' },
    media_url: nullableStr('The first published photo.'),
    attributes: {
      type: 'array',
      description: 'extensions=true: the answers to the service’s questions.',
      items: {
        type: 'object',
        required: ['code', 'label', 'value', 'name'],
        properties: {
          code: { type: 'string' },
          label: { type: 'string' },
          value: { type: 'string' },
          name: { type: 'string' },
        },
      },
    },
    extended_attributes: {
      type: 'object',
      description: 'extensions=true.',
      required: [
        'detailed_status',
        'detailed_status_label',
        'district',
        'supporters_count',
        'location_precise',
        'duplicate_of',
        'reporter_name',
        'url',
        'photos',
      ],
      properties: {
        detailed_status: {
          type: 'string',
          enum: ['new', 'confirmed', 'in_progress', 'fixed', 'closed', 'closed:done', 'closed:rejected', 'closed:duplicate', 'closed:not_responsible'],
        },
        detailed_status_label: { type: 'string' },
        district: { type: ['string', 'null'] },
        supporters_count: { type: 'integer' },
        location_precise: { type: 'boolean' },
        duplicate_of: { type: ['string', 'null'] },
        reporter_name: { type: ['string', 'null'], description: 'Only when the reporter chose to show it.' },
        url: { type: 'string' },
        photos: {
          type: 'array',
          items: {
            type: 'object',
            required: ['media_url', 'width', 'height'],
            properties: {
              media_url: { type: 'string' },
              width: { type: 'integer' },
              height: { type: 'integer' },
            },
          },
        },
      },
    },
    notes: {
      type: 'array',
      description: 'extensions=true: the public timeline, oldest first.',
      items: {
        type: 'object',
        required: ['update_id', 'datetime', 'type', 'description', 'body', 'from_status', 'to_status'],
        properties: {
          update_id: { type: 'string' },
          datetime: { type: 'string' },
          type: { type: 'string' },
          description: { type: 'string' },
          body: { type: ['string', 'null'] },
          from_status: { type: ['string', 'null'] },
          to_status: { type: ['string', 'null'] },
        },
      },
    },
  },
} as const;

export const requestsResponse = { type: 'array', items: requestSchema } as const;

export const updatesResponse = {
  type: 'array',
  items: {
    type: 'object',
    required: ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description', 'media_url'],
    properties: {
      update_id: { type: 'string' },
      service_request_id: { type: 'string' },
      status: { type: 'string', enum: ['open', 'closed'] },
      updated_datetime: { type: 'string' },
      description: { type: 'string' },
      media_url: { type: ['string', 'null'] },
      extended_attributes: {
        type: 'object',
        required: ['type', 'detailed_status'],
        properties: { type: { type: 'string' }, detailed_status: { type: 'string' } },
      },
    },
  },
} as const;

export const pushUpdateResponse = {
  type: 'array',
  items: { type: 'object', required: ['update_id'], properties: { update_id: { type: 'string' } } },
} as const;

export const discoveryResponse = {
  type: 'object',
  required: ['changeset', 'contact', 'key_service', 'endpoints'],
  properties: {
    changeset: { type: 'string' },
    contact: { type: 'string' },
    key_service: { type: 'string' },
    endpoints: {
      type: 'array',
      items: {
        type: 'object',
        required: ['specification', 'url', 'changeset', 'type', 'formats'],
        properties: {
          specification: { type: 'string' },
          url: { type: 'string' },
          changeset: { type: 'string' },
          type: { type: 'string', enum: ['production', 'test'] },
          formats: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;

export const errorsResponse = {
  type: 'array',
  items: {
    type: 'object',
    required: ['code', 'description'],
    properties: { code: { type: 'integer' }, description: { type: 'string' } },
  },
} as const;
