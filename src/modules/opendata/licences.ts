// The licences an open-data export can carry, by the ids the setting OPEN_DATA_LICENCE accepts.

export const LICENCES: Record<string, { name: string; url: string }> = {
  'dl-de/zero-2-0': {
    name: 'Datenlizenz Deutschland – Zero – Version 2.0',
    url: 'https://www.govdata.de/dl-de/zero-2-0',
  },
  'dl-de/by-2-0': {
    name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
    url: 'https://www.govdata.de/dl-de/by-2-0',
  },
  'cc-by-4.0': {
    name: 'Creative Commons Namensnennung 4.0 International (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  'cc0-1.0': {
    name: 'CC0 1.0 Universell (Public Domain Dedication)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
  },
  'odbl-1.0': {
    name: 'Open Data Commons Open Database License (ODbL) 1.0',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
  },
};

export function licence(id: string): { id: string; name: string; url?: string } {
  const known = LICENCES[id.toLowerCase()];
  return known ? { id, ...known } : { id, name: id };
}
