// JSON Schemas of GeoReport v2, written from the specification (wiki.open311.org/GeoReport_v2 and
// /Service_Discovery) and FixMyStreet's servicerequestupdates — deliberately not derived from our own code, so
// the contract tests compare our answers with the standard, not with themselves.

const w3c = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
};
const optText = { type: ['string', 'null'] };

export const discovery = {
  type: 'object',
  additionalProperties: false,
  required: ['changeset', 'contact', 'key_service', 'endpoints'],
  properties: {
    changeset: { type: 'string', minLength: 1 },
    contact: { type: 'string', minLength: 1 },
    key_service: { type: 'string', minLength: 1 },
    endpoints: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['specification', 'url', 'changeset', 'type', 'formats'],
        properties: {
          specification: { const: 'http://wiki.open311.org/GeoReport_v2' },
          url: { type: 'string', format: 'uri' },
          changeset: { type: 'string' },
          type: { enum: ['production', 'test'] },
          formats: { type: 'array', minItems: 1, items: { enum: ['text/xml', 'application/json'] } },
        },
      },
    },
  },
} as const;

export const services = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['service_code', 'service_name', 'metadata', 'type'],
    properties: {
      service_code: { type: 'string', minLength: 1 },
      service_name: { type: 'string', minLength: 1 },
      description: optText,
      metadata: { type: 'boolean' },
      type: { enum: ['realtime', 'batch', 'blackbox'] },
      keywords: optText,
      group: optText,
    },
  },
} as const;

export const serviceDefinition = {
  type: 'object',
  additionalProperties: false,
  required: ['service_code', 'attributes'],
  properties: {
    service_code: { type: 'string' },
    attributes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['variable', 'code', 'datatype', 'required', 'order', 'description'],
        properties: {
          variable: { type: 'boolean' },
          code: { type: 'string', minLength: 1 },
          datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
          required: { type: 'boolean' },
          datatype_description: optText,
          order: { type: 'integer', minimum: 1 },
          description: { type: 'string' },
          values: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['key', 'name'],
              properties: { key: { type: 'string' }, name: { type: 'string' } },
            },
          },
        },
      },
    },
  },
} as const;

/** POST Service Request: a realtime server answers with service_request_id and never with a token. */
export const postRequestResponse = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['service_request_id'],
    properties: {
      service_request_id: { type: 'string', minLength: 1 },
      service_notice: optText,
      account_id: optText,
    },
    not: { required: ['token'] },
  },
} as const;

const requestCore = {
  service_request_id: { type: 'string', minLength: 1 },
  status: { enum: ['open', 'closed'] },
  status_notes: optText,
  service_name: { type: 'string' },
  service_code: { type: 'string' },
  description: optText,
  agency_responsible: optText,
  service_notice: optText,
  requested_datetime: w3c,
  updated_datetime: w3c,
  expected_datetime: { anyOf: [w3c, { type: 'null' }] },
  address: optText,
  address_id: optText,
  zipcode: optText,
  lat: { type: 'number', minimum: -90, maximum: 90 },
  long: { type: 'number', minimum: -180, maximum: 180 },
  media_url: { anyOf: [{ type: 'string', format: 'uri' }, { type: 'null' }] },
};

export const requests = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['service_request_id', 'status', 'service_name', 'service_code', 'requested_datetime', 'lat', 'long'],
    properties: requestCore,
  },
} as const;

/** extensions=true (GeoReport v2 Extensions page): attributes, extended_attributes and notes may follow. */
export const requestsExtended = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['service_request_id', 'status', 'service_name', 'service_code', 'requested_datetime', 'lat', 'long', 'extended_attributes', 'notes'],
    properties: {
      ...requestCore,
      attributes: { type: 'array', items: { type: 'object', required: ['code', 'value'] } },
      extended_attributes: { type: 'object' },
      notes: {
        type: 'array',
        items: {
          type: 'object',
          required: ['datetime', 'description', 'type'],
          properties: { datetime: w3c, description: { type: 'string' }, type: { type: 'string' } },
        },
      },
    },
  },
} as const;

export const errors = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['code', 'description'],
    properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } },
  },
} as const;

/** FixMyStreet's GET servicerequestupdates (request_update elements). */
export const updates = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description'],
    properties: {
      update_id: { type: 'string', minLength: 1 },
      service_request_id: { type: 'string', minLength: 1 },
      status: { enum: ['open', 'closed'] },
      updated_datetime: w3c,
      description: { type: 'string' },
      media_url: { anyOf: [{ type: 'string', format: 'uri' }, { type: 'null' }] },
      extended_attributes: { type: 'object' },
    },
  },
} as const;

export const postUpdateResponse = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['update_id'],
    properties: { update_id: { type: 'string', minLength: 1 } },
  },
} as const;

/** RFC 7946 FeatureCollection of Points, as far as our export promises. */
export const geojsonPoints = {
  type: 'object',
  required: ['type', 'features'],
  properties: {
    type: { const: 'FeatureCollection' },
    features: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'geometry', 'properties'],
        properties: {
          type: { const: 'Feature' },
          id: { type: ['string', 'number'] },
          geometry: {
            type: 'object',
            required: ['type', 'coordinates'],
            properties: {
              type: { const: 'Point' },
              coordinates: {
                type: 'array',
                minItems: 2,
                maxItems: 3,
                prefixItems: [
                  { type: 'number', minimum: -180, maximum: 180 },
                  { type: 'number', minimum: -90, maximum: 90 },
                ],
              },
            },
          },
          properties: { type: ['object', 'null'] },
        },
      },
    },
  },
} as const;
