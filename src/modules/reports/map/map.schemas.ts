import { Type } from 'typebox';

// Query parameters the map's routes share.

/**
 * The filter fields of the public list (a GET form), also carried by the map's data and picture URLs. They are
 * checked by parseFilters, which names each bad field (the list marks it on the form with the input kept), so
 * the schema takes any text here.
 */
export const FilterFields = {
  kategorie: Type.Optional(Type.String({ description: 'Category id' })),
  status: Type.Optional(Type.String({ description: 'open, fixed or closed' })),
  bezirk: Type.Optional(Type.String({ description: 'District id' })),
  von: Type.Optional(Type.String({ description: 'From this day on, YYYY-MM-DD' })),
  bis: Type.Optional(Type.String({ description: 'Up to and including this day, YYYY-MM-DD' })),
};

/** A map view as the server map writes it, zoom/lat/lon (parseView checks the ranges). */
export const ViewText = Type.String({ pattern: '^\\d{1,2}/-?\\d{1,2}(\\.\\d{1,8})?/-?\\d{1,3}(\\.\\d{1,8})?$', description: 'zoom/lat/lon' });
