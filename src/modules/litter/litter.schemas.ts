import { Type } from 'typebox';

// The answer of /api/statistik/muell.json, for the OpenAPI document and its readers.

const Series = {
  monthly: Type.Record(Type.String({ pattern: '^\\d{4}-\\d{2}$' }), Type.Integer(), { description: 'Published litter reports per month (YYYY-MM).' }),
  current_month_so_far: Type.Integer({ description: 'Reports of the running month so far (not in the trend).' }),
  total: Type.Integer(),
  trend_annual_change: Type.Union([Type.Number(), Type.Null()], { description: 'Fitted change over a year (−0.05 is −5 %); null with too little data.' }),
  on_target: Type.Union([Type.Boolean(), Type.Null()]),
};

export const LitterStatistics = Type.Object({
  city: Type.String(),
  generated_at: Type.String({ format: 'date-time' }),
  target_annual_change: Type.Number(),
  target_text: Type.String(),
  method: Type.String(),
  months: Type.Array(Type.String()),
  current_month: Type.String(),
  total: Type.Object(Series),
  districts: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), ...Series })),
});
