import { Type } from 'typebox';

// Answers of the Angsträume JSON routes, for the OpenAPI document and its readers.

export const TAG = 'Angsträume';

const share = (description: string) => Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description });

export const PlacesMap = Type.Object({
  type: Type.Literal('FeatureCollection'),
  clustered: Type.Boolean(),
  truncated: Type.Boolean(),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }) }),
      properties: Type.Object({
        cluster: Type.Boolean(),
        id: Type.Integer(),
        group: Type.String({ description: 'Pin colour group' }),
        change: Type.String({ description: 'How the feeling of safety changed since the last measure' }),
        status: Type.String({ description: 'The change in words, in the requested language' }),
        category: Type.String(),
        overdue: Type.Boolean({ description: 'The city owes news on this place' }),
        measures: Type.Integer(),
        url: Type.String(),
      }),
    }),
  ),
});

export const AngstraumStatistics = Type.Object({
  city: Type.String(),
  generated_at: Type.String({ format: 'date-time' }),
  update_interval_days: Type.Integer(),
  places: Type.Object({ reported: Type.Integer(), reviewed: Type.Integer(), with_measures: Type.Integer(), overdue: Type.Integer() }),
  effect: Type.Object({
    measured: Type.Integer(),
    safer: Type.Integer(),
    same: Type.Integer(),
    less_safe: Type.Integer(),
    safer_share: share('Share of measured places that feel safer'),
  }),
  questionnaire: Type.Object({
    sent: Type.Integer(),
    answered: Type.Integer(),
    yes: Type.Integer(),
    no: Type.Integer(),
    unknown: Type.Integer(),
    yes_share: share('Share of answers saying "safer"'),
  }),
  method: Type.String(),
});
