import type { Catalogue } from '../../../platform/i18n';
import { ar } from './map.messages.ar';
import { pl } from './map.messages.pl';
import { tr } from './map.messages.tr';
import { uk } from './map.messages.uk';

type Key =
  | 'pickIntro'
  | 'pickIntroNoSearch'
  | 'searchLabel'
  | 'searchHint'
  | 'searchButton'
  | 'searchUnavailable'
  | 'searchNotConfigured'
  | 'searchNone'
  | 'searchResults'
  | 'choose'
  | 'chosenPoint'
  | 'noPointYet'
  | 'useMyLocation'
  | 'locating'
  | 'locateFailed'
  | 'locateFailedNoSearch'
  | 'pinLabel'
  | 'mapLabel'
  | 'staticMapTitle'
  | 'staticMapHelpZoom'
  | 'staticMapHelpPick'
  | 'staticMapAlt'
  | 'zoomIn'
  | 'zoomOut'
  | 'north'
  | 'south'
  | 'east'
  | 'west'
  | 'wholeCity'
  | 'mapControls'
  | 'listTitle'
  | 'listIntro'
  | 'filters'
  | 'filterCategory'
  | 'filterStatus'
  | 'filterDistrict'
  | 'filterFrom'
  | 'filterTo'
  | 'filterDateHint'
  | 'all'
  | 'status.open'
  | 'status.fixed'
  | 'status.closed'
  | 'applyFilters'
  | 'resetFilters'
  | 'count'
  | 'countNone'
  | 'countMore'
  | 'listEnd'
  | 'listNewest'
  | 'listOlder'
  | 'pagingLabel'
  | 'pageNewest'
  | 'pageNewer'
  | 'pageOlder'
  | 'col.id'
  | 'col.category'
  | 'col.status'
  | 'col.district'
  | 'col.date'
  | 'col.place'
  | 'placeDescribed'
  | 'mapTitle'
  | 'mapListNote'
  | 'listMapAlt'
  | 'legend'
  | 'legend.open'
  | 'legend.progress'
  | 'legend.fixed'
  | 'legend.closed'
  | 'popupReport'
  | 'popupDetails'
  | 'clusterLabel'
  | 'reportMapTitle'
  | 'reportMapAlt'
  | 'reportMapApproximate'
  | 'err.number'
  | 'err.status'
  | 'err.date'
  | 'err.range'
  | 'err.page'
  | 'err.bbox'
  | 'err.zoom'
  | 'err.search'
  | 'reportNew'
  | 'noDistrict';

export const mapMessages: Catalogue<Key> = {
  de: {
    pickIntro: 'Wählen Sie den Ort auf der Karte, suchen Sie eine Adresse, geben Sie Koordinaten ein oder beschreiben Sie den Ort in Worten.',
    pickIntroNoSearch: 'Wählen Sie den Ort auf der Karte, geben Sie Koordinaten ein oder beschreiben Sie den Ort in Worten.',
    searchLabel: 'Adresse suchen',
    searchHint: 'Straße und Hausnummer oder ein bekannter Ort, z. B. „Marktplatz“.',
    searchButton: 'Suchen',
    searchUnavailable:
      'Die Adresssuche ist gerade nicht erreichbar. Bitte wählen Sie den Ort auf der Karte oder beschreiben Sie ihn unten in Worten – Ihre Meldung kommt trotzdem an.',
    searchNotConfigured:
      'Eine Adresssuche gibt es hier nicht. Bitte wählen Sie den Ort auf der Karte oder beschreiben Sie ihn unten in Worten – Ihre Meldung kommt trotzdem an.',
    searchNone: 'Keine Treffer für „{query}“ in {city}. Versuchen Sie eine andere Schreibweise oder beschreiben Sie den Ort unten.',
    searchResults: 'Treffer für „{query}“',
    choose: 'Diesen Ort wählen',
    chosenPoint: 'Gewählter Ort: {lat}, {lon}',
    noPointYet: 'Noch kein Punkt gewählt.',
    useMyLocation: 'Meinen Standort verwenden',
    locating: 'Standort wird ermittelt …',
    locateFailed: 'Der Standort konnte nicht ermittelt werden. Bitte wählen Sie den Ort auf der Karte oder suchen Sie eine Adresse.',
    locateFailedNoSearch: 'Der Standort konnte nicht ermittelt werden. Bitte wählen Sie den Ort auf der Karte oder beschreiben Sie ihn.',
    pinLabel: 'Markierung des gewählten Orts. Mit den Pfeiltasten verschieben, mit Umschalt in größeren Schritten.',
    mapLabel:
      'Karte zur Auswahl des Orts. Klicken Sie auf die Karte, um die Markierung zu setzen, oder drücken Sie die Eingabetaste oder Leertaste: Die Markierung erscheint in der Kartenmitte, die Pfeiltasten verschieben sie.',
    staticMapTitle: 'Ort auf der Karte wählen',
    staticMapHelpZoom: 'Klicken Sie in die Karte, um die Stelle zu vergrößern. Wenn die Karte nah genug ist, wählt ein Klick den Punkt.',
    staticMapHelpPick: 'Klicken Sie auf die Stelle, an der das Problem ist. Die blaue Markierung zeigt den gewählten Punkt.',
    staticMapAlt: 'Karte von {city} (Maßstab {zoom}). Klick in die Karte: {action}',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    north: 'Nach Norden',
    south: 'Nach Süden',
    east: 'Nach Osten',
    west: 'Nach Westen',
    wholeCity: 'Ganze Stadt',
    mapControls: 'Kartenausschnitt ändern',
    listTitle: 'Meldungen',
    listIntro: 'Alle veröffentlichten Meldungen in {city}: auf der Karte und als Liste mit denselben Einträgen.',
    filters: 'Meldungen filtern',
    filterCategory: 'Kategorie',
    filterStatus: 'Status',
    filterDistrict: 'Bezirk',
    filterFrom: 'Gemeldet ab',
    filterTo: 'Gemeldet bis',
    filterDateHint: 'Datum als JJJJ-MM-TT',
    all: 'Alle',
    'status.open': 'Offen (neu, bestätigt, in Bearbeitung)',
    'status.fixed': 'Erledigt',
    'status.closed': 'Abgeschlossen',
    applyFilters: 'Filter anwenden',
    resetFilters: 'Alle Filter zurücksetzen',
    count: '{n} Meldungen',
    countNone: 'Keine Meldungen für diese Filter.',
    countMore: 'Mehr als {n} Meldungen',
    listEnd: 'Keine weiteren Meldungen für diese Filter.',
    listNewest: 'Die neuesten Meldungen',
    listOlder: 'Ältere Meldungen',
    pagingLabel: 'Weitere Meldungen',
    pageNewest: 'Neueste Meldungen',
    pageNewer: 'Neuere Meldungen',
    pageOlder: 'Ältere Meldungen',
    'col.id': 'Nr.',
    'col.category': 'Kategorie',
    'col.status': 'Status',
    'col.district': 'Bezirk',
    'col.date': 'Gemeldet am',
    'col.place': 'Ort',
    placeDescribed: 'nur beschrieben',
    mapTitle: 'Karte',
    mapListNote: 'Die Liste unter der Karte enthält dieselben Meldungen.',
    listMapAlt: 'Karte von {city} mit {n} Meldungen. Dieselben Meldungen stehen in der Liste unten.',
    legend: 'Zeichen auf der Karte',
    'legend.open': 'Kreis: offen',
    'legend.progress': 'Raute: in Bearbeitung',
    'legend.fixed': 'Quadrat mit Haken: erledigt',
    'legend.closed': 'Dreieck: abgeschlossen',
    popupReport: 'Meldung #{id}: {category}',
    popupDetails: 'Meldung ansehen',
    clusterLabel: '{n} Meldungen – klicken zum Vergrößern',
    reportMapTitle: 'Ort der Meldung',
    reportMapAlt: 'Karte mit dem Ort der Meldung bei {lat}, {lon}',
    reportMapApproximate: 'Der Ort wurde nur beschrieben; die Stadt ergänzt den genauen Punkt.',
    'err.number': 'Bitte wählen Sie einen Eintrag aus der Liste.',
    'err.status': 'Bitte wählen Sie offen, erledigt oder abgeschlossen.',
    'err.date': 'Bitte geben Sie ein gültiges Datum als JJJJ-MM-TT ein, z. B. 2025-03-31.',
    'err.range': 'Das Enddatum muss nach dem Anfangsdatum liegen.',
    'err.page': 'Diese Seite gibt es nicht.',
    'err.bbox': 'bbox must be minLon,minLat,maxLon,maxLat in WGS84 degrees with min < max',
    'err.zoom': 'zoom must be a whole number from 0 to 22',
    'err.search': 'Bitte geben Sie eine Adresse oder einen Ort ein.',
    reportNew: 'Problem melden',
    noDistrict: '–',
  },
  en: {
    pickIntro: 'Choose the place on the map, search for an address, type coordinates or describe the place in words.',
    pickIntroNoSearch: 'Choose the place on the map, type coordinates or describe the place in words.',
    searchLabel: 'Search for an address',
    searchHint: 'Street and house number or a well-known place, e.g. “Marktplatz”.',
    searchButton: 'Search',
    searchUnavailable:
      'The address search cannot be reached right now. Please choose the place on the map or describe it below in words – your report still gets through.',
    searchNotConfigured: 'There is no address search here. Please choose the place on the map or describe it below in words – your report still gets through.',
    searchNone: 'Nothing found for “{query}” in {city}. Try another spelling or describe the place below.',
    searchResults: 'Results for “{query}”',
    choose: 'Choose this place',
    chosenPoint: 'Chosen place: {lat}, {lon}',
    noPointYet: 'No point chosen yet.',
    useMyLocation: 'Use my location',
    locating: 'Finding your location …',
    locateFailed: 'Your location could not be found. Please choose the place on the map or search for an address.',
    locateFailedNoSearch: 'Your location could not be found. Please choose the place on the map or describe it.',
    pinLabel: 'Marker of the chosen place. Move it with the arrow keys, with Shift in larger steps.',
    mapLabel:
      'Map to choose the place. Click on the map to set the marker, or press Enter or Space: the marker appears in the centre of the map and the arrow keys move it.',
    staticMapTitle: 'Choose the place on the map',
    staticMapHelpZoom: 'Click on the map to zoom in on that spot. Once the map is close enough, a click chooses the point.',
    staticMapHelpPick: 'Click on the spot where the problem is. The blue marker shows the chosen point.',
    staticMapAlt: 'Map of {city} (scale {zoom}). Click on the map: {action}',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    north: 'Move north',
    south: 'Move south',
    east: 'Move east',
    west: 'Move west',
    wholeCity: 'Whole city',
    mapControls: 'Change the map view',
    listTitle: 'Reports',
    listIntro: 'All published reports in {city}: on the map and as a list with the same entries.',
    filters: 'Filter reports',
    filterCategory: 'Category',
    filterStatus: 'Status',
    filterDistrict: 'District',
    filterFrom: 'Reported from',
    filterTo: 'Reported until',
    filterDateHint: 'Date as YYYY-MM-DD',
    all: 'All',
    'status.open': 'Open (new, confirmed, in progress)',
    'status.fixed': 'Fixed',
    'status.closed': 'Closed',
    applyFilters: 'Apply filters',
    resetFilters: 'Reset all filters',
    count: '{n} reports',
    countNone: 'No reports for these filters.',
    countMore: 'More than {n} reports',
    listEnd: 'No more reports for these filters.',
    listNewest: 'The newest reports',
    listOlder: 'Older reports',
    pagingLabel: 'More reports',
    pageNewest: 'Newest reports',
    pageNewer: 'Newer reports',
    pageOlder: 'Older reports',
    'col.id': 'No.',
    'col.category': 'Category',
    'col.status': 'Status',
    'col.district': 'District',
    'col.date': 'Reported on',
    'col.place': 'Place',
    placeDescribed: 'described only',
    mapTitle: 'Map',
    mapListNote: 'The list below the map contains the same reports.',
    listMapAlt: 'Map of {city} with {n} reports. The same reports are in the list below.',
    legend: 'Symbols on the map',
    'legend.open': 'Circle: open',
    'legend.progress': 'Diamond: in progress',
    'legend.fixed': 'Square with tick: fixed',
    'legend.closed': 'Triangle: closed',
    popupReport: 'Report #{id}: {category}',
    popupDetails: 'View report',
    clusterLabel: '{n} reports – click to zoom in',
    reportMapTitle: 'Place of the report',
    reportMapAlt: 'Map with the place of the report at {lat}, {lon}',
    reportMapApproximate: 'The place was only described; the city will add the exact point.',
    'err.number': 'Please choose an entry from the list.',
    'err.status': 'Please choose open, fixed or closed.',
    'err.date': 'Please enter a valid date as YYYY-MM-DD, e.g. 2025-03-31.',
    'err.range': 'The end date must be after the start date.',
    'err.page': 'This page does not exist.',
    'err.bbox': 'bbox must be minLon,minLat,maxLon,maxLat in WGS84 degrees with min < max',
    'err.zoom': 'zoom must be a whole number from 0 to 22',
    'err.search': 'Please enter an address or a place.',
    reportNew: 'Report a problem',
    noDistrict: '–',
  },
  tr,
  ar,
  uk,
  pl,
};
