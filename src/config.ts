import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseAllowedHosts } from './platform/http/outbound';

/** Every setting the app reads, validated once at start. Nothing else reads process.env. */
export interface Config {
  mode: 'production' | 'demo' | 'test';
  port: number;
  host: string;
  publicUrl: URL;
  dataDir: string;
  databaseUrl: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  secret: string;
  trustProxy: boolean | string[];
  defaultOrganization: string | null;
  logLevel: string;
  /** Nominatim-compatible search endpoint (base URL); null: address search is off and the form says so. */
  geocoderUrl: URL | null;
  /** Raster tile URL template with {z}, {x}, {y}; fetched only by our server (the tile proxy), never by browsers. */
  mapTileUrl: string | null;
  /** A local PMTiles archive of raster tiles served at /karte/kacheln/ (the city's own Stadtplan, no tile server). */
  mapTilesFile: string | null;
  mapTileAttribution: string;
  /** Licence of the open data feeds (Open311, GeoJSON, CSV, Atom), e.g. dl-de/zero-2-0. */
  openDataLicence: string;
  /** Seconds a shared public answer (map clusters, list counts) is reused from memory; 0: always recomputed. */
  publicCacheSeconds: number;
  /** Hosts of the city's own intranet that outbound requests (Open311 forwarding) may reach at private addresses. */
  outboundAllowedPrivateHosts: string[];
  /**
   * The developer mailbox at /dev/postfach (every mail, sign-in links included, to anyone). Never set from the
   * environment: only the `demo` command turns it on (and never with NODE_ENV=production), so `serve` never has it.
   */
  devMailbox: boolean;
  /** How long personal data is kept (documented on the privacy page; the purge jobs read it). */
  retention: {
    /** Months after a report is closed or fixed until its reporter's name, email and phone are removed. */
    reporterContactMonths: number;
    /** Days used or expired sign-in, confirmation and setup links are kept. */
    linkDays: number;
    /** Days a sent email (address and text) stays in the outbox. */
    mailDays: number;
    /** Hours a rate-limit counter (keyed by IP address or a hash of the email address) is kept. */
    rateLimitHours: number;
  };
  /** A deleted account's public reports, supports and ratings: kept without anything personal, or removed. */
  deletedAccountContributions: 'anonymise' | 'remove';
  session: {
    residentIdleMinutes: number;
    residentAbsoluteHours: number;
    staffIdleMinutes: number;
    staffAbsoluteHours: number;
  };
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** Documented in the README's settings table; keep both in step. */
export const SETTINGS = [
  ['PORT', '3000', 'TCP port of the web server'],
  ['HOST', 'localhost', 'interface to listen on (0.0.0.0 for all)'],
  ['PUBLIC_URL', 'http://localhost:PORT', 'address residents use; links in emails point here; https enables HSTS and __Host- cookies'],
  ['DATA_DIR', './data', 'embedded database, generated secret and uploaded files'],
  ['DATABASE_URL', '(unset: embedded PGlite)', 'postgres://user:pass@host:5432/db to use a PostgreSQL 15+ server'],
  ['SMTP_URL', '(unset: no sending)', 'smtp://user:pass@host:587 — mail stays in the outbox until it is set'],
  ['MAIL_FROM', 'Kümmerer <noreply@localhost>', 'sender address of all emails'],
  [
    'SECRET',
    '(demo: generated in DATA_DIR)',
    'at least 32 characters; required when NODE_ENV=production, where a secret from the source code or with a repeated piece is refused (openssl rand -base64 48)',
  ],
  ['TRUST_PROXY', 'false', 'true, or a comma-separated list of proxy addresses/CIDRs whose X-Forwarded-For is believed'],
  ['DEFAULT_ORGANIZATION', '(demo: dortmund)', 'slug of the city served for host names no city claims'],
  ['LOG_LEVEL', 'info', 'fatal, error, warn, info, debug, trace or silent'],
  [
    'GEOCODER_URL',
    '(unset: no address search)',
    'base URL of a Nominatim-compatible geocoder, e.g. https://nominatim.example.org; only our server contacts it',
  ],
  [
    'MAP_TILE_URL',
    '(unset: plain background)',
    "raster tile URL template with {z}, {x}, {y}; fetched and cached by our server at /karte/kacheln/, never by residents' browsers",
  ],
  [
    'MAP_TILES_FILE',
    '(unset)',
    "path of a PMTiles archive of raster tiles (the city's own Stadtplan) served at /karte/kacheln/ with no tile server and no outside request; instead of MAP_TILE_URL",
  ],
  ['MAP_TILE_ATTRIBUTION', '(empty)', "attribution text shown on the map, e.g. © OpenStreetMap contributors (default for MAP_TILES_FILE: the archive's own)"],
  ['SESSION_RESIDENT_IDLE_MINUTES', '10080', 'residents are signed out after this much inactivity (7 days)'],
  ['SESSION_RESIDENT_ABSOLUTE_HOURS', '720', 'residents sign in again after at most this long (30 days)'],
  ['SESSION_STAFF_IDLE_MINUTES', '30', 'staff are signed out after this much inactivity'],
  ['SESSION_STAFF_ABSOLUTE_HOURS', '12', 'staff sign in again after at most this long'],
  [
    'OPEN_DATA_LICENCE',
    'dl-de/zero-2-0',
    'licence of the open data (Open311, GeoJSON, CSV, Atom feeds), shown on /offene-daten: dl-de/zero-2-0, dl-de/by-2-0, cc-by-4.0, cc0-1.0, odbl-1.0 or another short name',
  ],
  [
    'RETENTION_REPORTER_CONTACT_MONTHS',
    '6',
    "months after a report is closed or fixed until the reporter's name, email and phone are removed from it (1–120); stated on the privacy page",
  ],
  ['RETENTION_LINK_DAYS', '7', 'days used or expired sign-in, confirmation and setup links are kept before they are deleted (1–365)'],
  ['RETENTION_MAIL_DAYS', '30', 'days a sent email (address and text) stays in the outbox before it is deleted (1–3650)'],
  ['RETENTION_RATE_LIMIT_HOURS', '24', 'hours a rate-limit counter (IP address or a hash of the email address) is kept (24–720)'],
  [
    'DELETED_ACCOUNT_CONTRIBUTIONS',
    'anonymise',
    'when a resident deletes their account, their public reports, supports and ratings are kept without anything personal (anonymise) or deleted with it (remove)',
  ],
  [
    'OUTBOUND_ALLOWED_PRIVATE_HOSTS',
    '(empty)',
    "comma-separated host names (e.g. fachverfahren.stadt.intern) that Open311 forwarding may reach although they are internal names or resolve to private, loopback or link-local addresses: the city's own intranet systems; every other such target is refused",
  ],
  ['PUBLIC_CACHE_SECONDS', '30 (test: 0)', 'seconds public map data and list counts are reused from memory before they are recomputed; 0 switches this off'],
  ['NODE_ENV', '(unset: demo)', 'production or test'],
] as const;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function url(name: string, raw: string, protocols: string[]): URL {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${raw}"`);
  }
  return parsed;
}

/** Host names (or IP addresses) as the URL parser writes them; anything else is a typo the operator should see. */
function allowedHosts(raw: string | undefined): string[] {
  const hosts = parseAllowedHosts(raw);
  for (const host of hosts) {
    let parsed = '';
    try {
      parsed = new URL(`https://${host.includes(':') ? `[${host}]` : host}/`).hostname.replace(/^\[|\]$/g, '');
    } catch {
      // reported below
    }
    if (parsed !== host) throw new ConfigError(`OUTBOUND_ALLOWED_PRIVATE_HOSTS must list host names separated by commas, got "${host}"`);
  }
  return hosts;
}

/** Checked at start so a wrong file is an error the operator sees now, not a grey map later. */
function tileArchive(file: string): { file: string; attribution: string } {
  const head = Buffer.alloc(127);
  let read = 0;
  let metadata = Buffer.alloc(0);
  try {
    const fd = openSync(file, 'r');
    try {
      read = readSync(fd, head, 0, 127, 0);
      if (read === 127) {
        // the archive's metadata may carry its attribution (a few hundred bytes; refuse to read absurd lengths)
        metadata = Buffer.alloc(Math.min(Number(head.readBigUInt64LE(32)), 65_536));
        readSync(fd, metadata, 0, metadata.length, Number(head.readBigUInt64LE(24)));
      }
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw new ConfigError(`MAP_TILES_FILE cannot be read: ${(err as Error).message}`);
  }
  if (read < 127 || head.toString('ascii', 0, 7) !== 'PMTiles' || head[7] !== 3) throw new ConfigError(`MAP_TILES_FILE is not a PMTiles v3 archive: ${file}`);
  // tile types 2–5: PNG, JPEG, WebP, AVIF
  const type = head[99] ?? 0;
  if (type < 2 || type > 5) throw new ConfigError(`MAP_TILES_FILE must hold raster tiles (PNG, JPEG, WebP or AVIF); ${file} holds tile type ${type}`);
  let attribution = '';
  try {
    const json = JSON.parse((head[97] === 2 ? gunzipSync(metadata) : metadata).toString('utf8')) as { attribution?: unknown };
    if (typeof json.attribution === 'string') attribution = json.attribution;
  } catch {
    // metadata is optional and may be compressed in ways we do not read: the operator can set MAP_TILE_ATTRIBUTION
  }
  return { file, attribution };
}

/** The secret test mode uses; published here, so production refuses it. */
export const TEST_SECRET = 'test-secret-test-secret-test-secret-0000';

/**
 * Why a secret is unfit for production, or null. Sessions, CSRF tokens, unsubscribe links and the TOTP seeds'
 * key all derive from it, so one copied from the source (ours are built like "test-secret-test-secret-…") or
 * typed by hand lets anyone who read the code forge them.
 */
export function weakSecretReason(secret: string): string | null {
  if (secret.length < 32) return 'is shorter than 32 characters';
  if (secret === TEST_SECRET) return 'is the test secret published in the source code';
  // Eight characters twice: never in a random value (base64 or hex), always in "x".repeat(40) or "name-secret-name-secret…".
  for (let i = 0; i + 8 <= secret.length; i++) {
    const piece = secret.slice(i, i + 8);
    if (secret.indexOf(piece, i + 1) !== -1) return `repeats "${piece}" (a placeholder or a published example, not a random value)`;
  }
  if (new Set(secret).size < 10) return 'uses fewer than 10 different characters';
  return null;
}

function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function openDataLicence(raw: string | undefined): string {
  const value = (raw ?? '').trim() || 'dl-de/zero-2-0';
  if (!/^[A-Za-z0-9][A-Za-z0-9 ./+-]{0,79}$/.test(value))
    throw new ConfigError(`OPEN_DATA_LICENCE must be a short licence name such as dl-de/zero-2-0, got "${value}"`);
  return value;
}

function contributionsOnDeletion(raw: string | undefined): 'anonymise' | 'remove' {
  const value = (raw ?? '').trim() || 'anonymise';
  if (value !== 'anonymise' && value !== 'remove') throw new ConfigError(`DELETED_ACCOUNT_CONTRIBUTIONS must be anonymise or remove, got "${value}"`);
  return value;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const mode = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'demo';
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || 'localhost';
  const publicUrl = url('PUBLIC_URL', env.PUBLIC_URL || `http://localhost:${port}`, ['http:', 'https:']);
  const dataDir = path.resolve(cwd, env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL ? url('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']).href : null;
  const smtpUrl = env.SMTP_URL ? url('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']).href : null;

  let secret = env.SECRET ?? '';
  if (secret === '') {
    if (mode === 'production') throw new ConfigError('SECRET is required when NODE_ENV=production (at least 32 characters)');
    secret = mode === 'test' ? TEST_SECRET : loadOrCreateSecret(dataDir);
  }
  if (secret.length < 32) throw new ConfigError('SECRET must be at least 32 characters long');
  const weak = mode === 'production' ? weakSecretReason(secret) : null;
  if (weak) throw new ConfigError(`SECRET ${weak}; refusing to start in production. Generate one with: openssl rand -base64 48`);

  const proxy = (env.TRUST_PROXY ?? 'false').trim();
  const trustProxy = proxy === 'true' ? true : proxy === 'false' || proxy === '' ? false : proxy.split(',').map((s) => s.trim());

  const logLevel = env.LOG_LEVEL || (mode === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}"`);
  }

  const geocoderUrl = env.GEOCODER_URL ? url('GEOCODER_URL', env.GEOCODER_URL, ['http:', 'https:']) : null;
  const mapTileUrl = env.MAP_TILE_URL || null;
  if (mapTileUrl) {
    url('MAP_TILE_URL', mapTileUrl.replace(/\{[zxy]\}/g, '0'), ['http:', 'https:']);
    for (const p of ['{z}', '{x}', '{y}']) if (!mapTileUrl.includes(p)) throw new ConfigError(`MAP_TILE_URL must contain ${p}, got "${mapTileUrl}"`);
  }
  const archive = env.MAP_TILES_FILE ? tileArchive(path.resolve(cwd, env.MAP_TILES_FILE)) : null;
  if (mapTileUrl && archive) throw new ConfigError('Set either MAP_TILE_URL or MAP_TILES_FILE, not both');

  return {
    mode,
    port,
    host,
    publicUrl,
    dataDir,
    databaseUrl,
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Kümmerer <noreply@localhost>',
    secret,
    trustProxy,
    defaultOrganization: env.DEFAULT_ORGANIZATION || (mode === 'production' ? null : 'dortmund'),
    logLevel,
    geocoderUrl,
    mapTileUrl,
    mapTilesFile: archive?.file ?? null,
    mapTileAttribution: env.MAP_TILE_ATTRIBUTION || archive?.attribution || '',
    openDataLicence: openDataLicence(env.OPEN_DATA_LICENCE),
    publicCacheSeconds: int(env, 'PUBLIC_CACHE_SECONDS', mode === 'test' ? 0 : 30, 0, 3600),
    outboundAllowedPrivateHosts: allowedHosts(env.OUTBOUND_ALLOWED_PRIVATE_HOSTS),
    devMailbox: false,
    retention: {
      reporterContactMonths: int(env, 'RETENTION_REPORTER_CONTACT_MONTHS', 6, 1, 120),
      linkDays: int(env, 'RETENTION_LINK_DAYS', 7, 1, 365),
      mailDays: int(env, 'RETENTION_MAIL_DAYS', 30, 1, 3650),
      // The longest rate-limit window is an hour; a day keeps every counter until its window has passed.
      rateLimitHours: int(env, 'RETENTION_RATE_LIMIT_HOURS', 24, 24, 720),
    },
    deletedAccountContributions: contributionsOnDeletion(env.DELETED_ACCOUNT_CONTRIBUTIONS),
    session: {
      residentIdleMinutes: int(env, 'SESSION_RESIDENT_IDLE_MINUTES', 7 * 24 * 60, 1, 525_600),
      residentAbsoluteHours: int(env, 'SESSION_RESIDENT_ABSOLUTE_HOURS', 30 * 24, 1, 8760),
      staffIdleMinutes: int(env, 'SESSION_STAFF_IDLE_MINUTES', 30, 1, 1440),
      staffAbsoluteHours: int(env, 'SESSION_STAFF_ABSOLUTE_HOURS', 12, 1, 168),
    },
  };
}
