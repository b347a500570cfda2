import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

// Requests our server makes to addresses that people configure in the back office (a department's Open311
// system). Such an address must not turn the server into a probe of its own network: loopback, link-local (the
// cloud metadata service at 169.254.169.254), private and carrier-grade NAT ranges, unique-local IPv6, multicast
// and reserved space are refused, as are internal names. It is checked when the address is saved (a message on
// the form) and again when connecting, after DNS resolution, in the lookup that hands the socket its address,
// so the address checked is the address connected to (a name that resolves elsewhere later gains nothing).
// OUTBOUND_ALLOWED_PRIVATE_HOSTS names the hosts of a city's own intranet that may be private.

/** Why a target is refused. */
export type TargetProblem = 'not_http' | 'credentials' | 'internal_name' | 'internal_address';

type Range = readonly [prefix: Uint8Array, bits: number];

function v4(a: number, b: number, c: number, d: number): Uint8Array {
  return Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, a, b, c, d]);
}

function v6(text: string): Uint8Array {
  const bytes = ipv6Bytes(text);
  if (!bytes) throw new Error(`bad range ${text}`);
  return bytes;
}

/** IPv4 ranges as IPv4-mapped IPv6 (::ffff:0:0/96), so one table serves both families. */
const REFUSED: Range[] = [
  [v4(0, 0, 0, 0), 96 + 8], // "this network", 0.0.0.0
  [v4(10, 0, 0, 0), 96 + 8], // private (RFC 1918)
  [v4(100, 64, 0, 0), 96 + 10], // carrier-grade NAT (RFC 6598)
  [v4(127, 0, 0, 0), 96 + 8], // loopback
  [v4(169, 254, 0, 0), 96 + 16], // link-local, cloud metadata
  [v4(172, 16, 0, 0), 96 + 12], // private
  [v4(192, 0, 0, 0), 96 + 24], // IETF protocol assignments
  [v4(192, 0, 2, 0), 96 + 24], // documentation
  [v4(192, 88, 99, 0), 96 + 24], // 6to4 relay anycast
  [v4(192, 168, 0, 0), 96 + 16], // private
  [v4(198, 18, 0, 0), 96 + 15], // benchmarking
  [v4(198, 51, 100, 0), 96 + 24], // documentation
  [v4(203, 0, 113, 0), 96 + 24], // documentation
  [v4(224, 0, 0, 0), 96 + 4], // multicast
  [v4(240, 0, 0, 0), 96 + 4], // reserved, broadcast
  [v6('::'), 96], // unspecified, loopback, IPv4-compatible (deprecated)
  [v6('64:ff9b:1::'), 48], // local-use NAT64
  [v6('100::'), 64], // discard
  [v6('2001::'), 23], // IETF protocol assignments (Teredo among them)
  [v6('2001:db8::'), 32], // documentation
  [v6('fc00::'), 7], // unique-local
  [v6('fe80::'), 10], // link-local
  [v6('fec0::'), 10], // site-local (deprecated)
  [v6('ff00::'), 8], // multicast
];

/** IPv6 forms that carry an IPv4 address which is what is really reached: NAT64 and 6to4. */
function embeddedIpv4(bytes: Uint8Array): Uint8Array | null {
  const nat64 = v6('64:ff9b::');
  if (startsWith(bytes, nat64, 96)) return v4(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return v4(bytes[2]!, bytes[3]!, bytes[4]!, bytes[5]!);
  return null;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array, bits: number): boolean {
  for (let i = 0; i < bits; i++) {
    const mask = 0x80 >> (i % 8);
    if ((bytes[i >> 3]! & mask) !== (prefix[i >> 3]! & mask)) return false;
  }
  return true;
}

/** The 16 bytes of an IPv6 address in any textual form (zone removed, trailing dotted IPv4 allowed), or null. */
function ipv6Bytes(text: string): Uint8Array | null {
  const address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(address) !== 6) return null;
  let head = address;
  const tail: number[] = [];
  const dotted = address.match(/:(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    tail.push(...dotted[1]!.split('.').map(Number));
    head = `${address.slice(0, -dotted[1]!.length)}0:0`;
  }
  const [left = '', right] = head.split('::');
  const groups = (part: string) => (part ? part.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const l = groups(left);
  const r = right === undefined ? [] : groups(right);
  const words = [...l, ...Array<number>(8 - l.length - r.length).fill(0), ...r];
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => {
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 0xff;
  });
  if (tail.length === 4) bytes.set(tail, 12);
  return bytes;
}

function addressBytes(address: string): Uint8Array | null {
  if (isIP(address) === 4) {
    const [a, b, c, d] = address.split('.').map(Number) as [number, number, number, number];
    return v4(a, b, c, d);
  }
  return ipv6Bytes(address);
}

/**
 * Is this IP address one we never connect to? IPv4 in dotted form or IPv6 in any form (IPv4-mapped, NAT64 and
 * 6to4 addresses are judged by the IPv4 address inside). Anything that is not an IP address counts as refused.
 */
export function isRefusedAddress(address: string): boolean {
  const bytes = addressBytes(address);
  if (!bytes) return true;
  const inner = embeddedIpv4(bytes);
  return [bytes, ...(inner ? [inner] : [])].some((b) => REFUSED.some(([prefix, bits]) => startsWith(b, prefix, bits)));
}

/** Names that only mean something inside a network: no dot, localhost, and the suffixes used for internal zones. */
const INTERNAL_SUFFIXES = ['localhost', 'local', 'internal', 'intern', 'intranet', 'lan', 'home', 'corp', 'localdomain', 'home.arpa'];

export function isInternalName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.+$/, '');
  if (!name.includes('.')) return true;
  return INTERNAL_SUFFIXES.some((s) => name === s || name.endsWith(`.${s}`));
}

/** A host name as the URL parser gives it, without brackets or trailing dots, lower case. */
function bareHost(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '')
    .toLowerCase();
}

/** The setting's list, normalised like host names: lower case, no trailing dot, brackets removed. */
export function parseAllowedHosts(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, '')
        .replace(/\.+$/, ''),
    )
    .filter(Boolean);
}

/**
 * What is wrong with this target, before any connection: not http(s), credentials in it, an internal name, or an
 * IP address in a refused range. The URL parser has already read every way of writing an address (2130706433,
 * 0177.0.0.1, 0x7f.1, [::ffff:127.0.0.1] …) as the address it is. Hosts named in `allowedPrivateHosts` pass.
 */
export function targetProblem(target: string | URL, allowedPrivateHosts: readonly string[]): TargetProblem | null {
  let url: URL;
  try {
    url = typeof target === 'string' ? new URL(target) : target;
  } catch {
    return 'not_http';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not_http';
  if (url.username || url.password) return 'credentials';
  const host = bareHost(url);
  if (allowedPrivateHosts.includes(host)) return null;
  if (isIP(host)) return isRefusedAddress(host) ? 'internal_address' : null;
  return isInternalName(host) ? 'internal_name' : null;
}

/** A refused or failed outbound request. `message` is safe to show to staff; `detail` belongs in the server log. */
export class OutboundError extends Error {
  constructor(
    readonly kind: 'refused' | 'failed' | 'too_large',
    readonly detail: string,
  ) {
    super(kind === 'refused' ? 'target not allowed' : kind === 'too_large' ? 'answer too large' : 'connection failed');
  }
}

export type Resolver = (host: string, family: number) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (host, family) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, family }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

/**
 * A `lookup` for sockets that refuses a name resolving to any refused address. Node connects to exactly the
 * addresses this hands back, so there is no second resolution between check and connection.
 */
export function guardedLookup(allowPrivate: boolean, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0))
      .then((addresses) => {
        const refused = allowPrivate ? undefined : addresses.find((a) => isRefusedAddress(a.address));
        if (refused) throw new OutboundError('refused', `${hostname} resolves to ${refused.address}`);
        const first = addresses[0];
        if (!first) throw Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      })
      .catch((err: NodeJS.ErrnoException) => callback(err, '', 0));
  };
}

export interface OutboundRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Longer answers are cut off as an error (an Open311 answer is a few hundred bytes). */
  maxBytes?: number;
}

export interface OutboundOptions {
  allowedPrivateHosts: readonly string[];
  /** DNS resolution; tests give their own. */
  resolve?: Resolver;
}

/**
 * One request to a configured address, checked as described above; redirects are not followed (they would
 * lead past the check). Every failure is an OutboundError: `refused` for a target not allowed, `failed` for
 * anything on the way (DNS, connection, TLS, timeout), with the technical reason in `detail` only.
 */
export function outboundRequest(target: string, request: OutboundRequest, options: OutboundOptions): Promise<{ status: number; text: string }> {
  const problem = targetProblem(target, options.allowedPrivateHosts);
  if (problem) return Promise.reject(new OutboundError('refused', `${problem}: ${target}`));
  const url = new URL(target);
  const allowPrivate = options.allowedPrivateHosts.includes(bareHost(url));
  const maxBytes = request.maxBytes ?? 256 * 1024;
  return new Promise((resolve, reject) => {
    const fail = (err: unknown) =>
      reject(err instanceof OutboundError ? err : new OutboundError('failed', err instanceof Error ? `${err.message}` : String(err)));
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: request.method,
        headers: request.headers,
        lookup: guardedLookup(allowPrivate, options.resolve),
        // A socket of its own: a kept-alive socket from the shared agent would skip the lookup.
        agent: false,
        signal: AbortSignal.timeout(request.timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            req.destroy(new OutboundError('too_large', `more than ${maxBytes} bytes from ${url.host}`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(request.body);
  });
}
