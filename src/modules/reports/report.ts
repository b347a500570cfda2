import type { CloseReason, QuestionDatatype, ReportStatus } from '../../db-schema';

// Pure rules of the reports module: no I/O here.

export const LIMITS = {
  descriptionMax: 5000,
  addressMax: 300,
  nameMax: 100,
  phoneMax: 40,
  noteMax: 5000,
  photosMax: 5,
  photoBytesMax: 15 * 1024 * 1024,
  /** All photos of one report together, as uploaded. */
  photosBytesTotal: 50 * 1024 * 1024,
  nearbyMeters: 250,
} as const;

export const OPEN_STATUSES: ReportStatus[] = ['new', 'confirmed', 'in_progress'];
export const PUBLIC_STATUSES: ReportStatus[] = ['new', 'confirmed', 'in_progress', 'fixed', 'closed'];

/** Which status a staff member may move a report to from a given status. Reopening is allowed. */
const TRANSITIONS: Record<ReportStatus, ReportStatus[]> = {
  unconfirmed: ['new', 'closed'],
  new: ['confirmed', 'in_progress', 'fixed', 'closed'],
  confirmed: ['in_progress', 'fixed', 'closed'],
  in_progress: ['confirmed', 'fixed', 'closed'],
  fixed: ['in_progress', 'closed'],
  closed: ['confirmed', 'in_progress'],
};

export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: ReportStatus): ReportStatus[] {
  return TRANSITIONS[from];
}

export function isOpen(status: ReportStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Open311 knows only open and closed; the detailed status travels in extended attributes. */
export function open311Status(status: ReportStatus): 'open' | 'closed' {
  return status === 'fixed' || status === 'closed' ? 'closed' : 'open';
}

export function isPublic(report: { status: ReportStatus; hidden: boolean }): boolean {
  return report.status !== 'unconfirmed' && !report.hidden;
}

export type PublicState = ReportStatus | `closed:${CloseReason}`;

/** The state residents see: a closed report says why it was closed. */
export function publicState(report: { status: ReportStatus; close_reason: CloseReason | null }): PublicState {
  return report.status === 'closed' && report.close_reason ? `closed:${report.close_reason}` : report.status;
}

const EARTH_RADIUS_M = 6_371_008.8;

export function distanceMeters(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box that certainly contains the circle; the exact distance filters afterwards. */
export function boxAround(lat: number, lon: number, meters: number) {
  const dLat = meters / 111_320;
  const dLon = meters / (111_320 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

export function parseCoordinate(raw: string, kind: 'lat' | 'lon'): number | null {
  const s = raw.trim().replace(',', '.');
  if (!/^-?\d{1,3}(\.\d{1,12})?$/.test(s)) return null;
  const n = Number(s);
  const max = kind === 'lat' ? 90 : 180;
  return Number.isFinite(n) && Math.abs(n) <= max ? n : null;
}

export interface Question {
  code: string;
  datatype: QuestionDatatype;
  label: string;
  required: boolean;
  options: Array<{ key: string; label: string }>;
}

export type AnswerValue = string | number | string[];
export type AnswerError = 'required' | 'number' | 'choice' | 'date' | 'tooLong';

/** Validates answers to a category's extra questions; unknown codes are dropped, never stored. */
export function validateAnswers(
  questions: Question[],
  raw: Record<string, string | string[] | undefined>,
): { answers: Record<string, AnswerValue>; errors: Record<string, AnswerError> } {
  const answers: Record<string, AnswerValue> = {};
  const errors: Record<string, AnswerError> = {};
  for (const q of questions) {
    const value = raw[q.code];
    const list = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => v.trim()).filter(Boolean);
    if (list.length === 0) {
      if (q.required) errors[q.code] = 'required';
      continue;
    }
    const keys = new Set(q.options.map((o) => o.key));
    switch (q.datatype) {
      case 'text':
        if (list[0]!.length > 1000) errors[q.code] = 'tooLong';
        else answers[q.code] = list[0]!;
        break;
      case 'number': {
        const n = Number(list[0]!.replace(',', '.'));
        if (!/^-?\d+([.,]\d+)?$/.test(list[0]!) || !Number.isFinite(n)) errors[q.code] = 'number';
        else answers[q.code] = n;
        break;
      }
      case 'singlevaluelist':
        if (list.length !== 1 || !keys.has(list[0]!)) errors[q.code] = 'choice';
        else answers[q.code] = list[0]!;
        break;
      case 'multivaluelist':
        if (list.some((v) => !keys.has(v))) errors[q.code] = 'choice';
        else answers[q.code] = [...new Set(list)];
        break;
      case 'datetime':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(list[0]!) || Number.isNaN(Date.parse(list[0]!))) errors[q.code] = 'date';
        else answers[q.code] = list[0]!;
        break;
    }
  }
  return { answers, errors };
}
