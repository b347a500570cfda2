import { isIP, isIPv6 } from 'node:net';

/**
 * The key a rate limit counts under. IPv6 clients get a whole /64 from their provider, so counting single
 * addresses would let one household rotate through billions of them.
 */
export function clientKey(ip: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4mapped) return v4mapped[1]!;
  // With TRUST_PROXY=true the address comes from a header and can be any text; one shared bucket for all
  // such junk keeps "a new made-up address per request" from opening a new counter each time.
  if (isIP(ip) === 0) return 'not-an-ip';
  if (!isIPv6(ip)) return ip;
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(ip: string): string[] {
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((part) => part.toLowerCase().replace(/^0+(?=.)/, ''));
}
