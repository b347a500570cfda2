import type { Limit } from '../../platform/http/rate-limit';

// Per IP (IPv6 per /64) and per account, so neither one address nor one botnet can hammer one mailbox.
export const LIMITS = {
  magicLinkIp: { name: 'magic-link:ip', max: 10, windowSeconds: 15 * 60 },
  magicLinkEmail: { name: 'magic-link:email', max: 5, windowSeconds: 60 * 60 },
  loginIp: { name: 'login:ip', max: 20, windowSeconds: 15 * 60 },
  loginAccount: { name: 'login:account', max: 10, windowSeconds: 15 * 60 },
  codeAccount: { name: 'code:account', max: 10, windowSeconds: 15 * 60 },
  resetIp: { name: 'reset:ip', max: 10, windowSeconds: 60 * 60 },
  resetEmail: { name: 'reset:email', max: 3, windowSeconds: 60 * 60 },
} satisfies Record<string, Limit>;
