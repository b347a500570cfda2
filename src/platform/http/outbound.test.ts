import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedLookup, isInternalName, isRefusedAddress, OutboundError, outboundRequest, parseAllowedHosts, type Resolver, targetProblem } from './outbound';

describe('isRefusedAddress', () => {
  const refused = [
    '127.0.0.1',
    '127.255.255.254',
    '0.0.0.0',
    '0.1.2.3',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '100.127.255.255',
    '169.254.169.254',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '240.0.0.1',
    '198.18.0.1',
    '192.0.2.10',
    '::',
    '::1',
    '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
    '::127.0.0.1',
    '64:ff9b::7f00:1',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::1',
    '2002:c0a8:101::',
    'fc00::1',
    'fd12:3456:789a::1',
    'fe80::1',
    'fe80::1%eth0',
    'febf::1',
    'ff02::1',
    '2001:db8::1',
    '2001::1',
    'kein-ip',
    '',
  ];
  const allowed = [
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '172.15.255.255',
    '100.128.0.1',
    '192.169.0.1',
    '11.0.0.1',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ];
  it.each(refused)('refuses %s', (address) => expect(isRefusedAddress(address)).toBe(true));
  it.each(allowed)('allows %s', (address) => expect(isRefusedAddress(address)).toBe(false));
});

describe('targetProblem', () => {
  const table: Array<[string, ReturnType<typeof targetProblem>]> = [
    ['https://open311.stadt.example/v2/', null],
    ['https://93.184.216.34/v2/', null],
    ['https://[2a00:1450:4001:80b::200e]/v2/', null],
    ['https://169.254.169.254/latest/meta-data/', 'internal_address'],
    ['https://[::1]:5432/', 'internal_address'],
    ['https://10.0.0.1/', 'internal_address'],
    ['https://2130706433/', 'internal_address'], // 127.0.0.1 written as one number
    ['https://0177.0.0.1/', 'internal_address'], // octal
    ['https://0x7f.1/', 'internal_address'], // hexadecimal, short form
    ['https://127.1/', 'internal_address'],
    ['https://[::ffff:127.0.0.1]/', 'internal_address'],
    ['https://[::ffff:a9fe:a9fe]/', 'internal_address'],
    ['https://[0:0:0:0:0:ffff:7f00:1]/', 'internal_address'],
    ['https://%31%32%37.0.0.1/', 'internal_address'], // percent-encoded
    ['https://0.0.0.0/', 'internal_address'],
    ['https://100.64.1.1/', 'internal_address'],
    ['https://[fd00::1]/', 'internal_address'],
    ['https://[fe80::1]/', 'internal_address'],
    ['https://224.0.0.251/', 'internal_address'],
    ['https://localhost/', 'internal_name'],
    ['https://LOCALHOST./', 'internal_name'],
    ['https://api.localhost/', 'internal_name'],
    ['https://postgres/', 'internal_name'],
    ['https://postgres:5432/', 'internal_name'],
    ['https://drucker.local/', 'internal_name'],
    ['https://metadata.google.internal/', 'internal_name'],
    ['https://nas.home.arpa/', 'internal_name'],
    ['https://user:pw@open311.stadt.example/', 'credentials'],
    ['ftp://open311.stadt.example/', 'not_http'],
    ['file:///etc/passwd', 'not_http'],
    ['nicht einmal eine Adresse', 'not_http'],
  ];
  it.each(table)('%s → %s', (url, problem) => expect(targetProblem(url, [])).toBe(problem));

  it("lets the hosts of a city's own intranet through when the setting names them, and only those", () => {
    const allowed = parseAllowedHosts(' Fachverfahren.Intern.Stadt.Example. , fachverfahren, 10.1.2.3,[fd00::5] ,');
    expect(allowed).toEqual(['fachverfahren.intern.stadt.example', 'fachverfahren', '10.1.2.3', 'fd00::5']);
    expect(targetProblem('https://fachverfahren.intern.stadt.example/v2/', allowed)).toBeNull();
    expect(targetProblem('https://fachverfahren/v2/', allowed)).toBeNull();
    expect(targetProblem('https://10.1.2.3/', allowed)).toBeNull();
    expect(targetProblem('https://[fd00::5]/', allowed)).toBeNull();
    expect(targetProblem('https://10.1.2.4/', allowed)).toBe('internal_address');
    expect(targetProblem('https://anderes.intern/', allowed)).toBe('internal_name');
  });

  it('names internal names', () => {
    expect(isInternalName('open311.dortmund.de')).toBe(false);
    expect(isInternalName('corp.example.com')).toBe(false);
    expect(isInternalName('x.corp')).toBe(true);
  });
});

// A TCP listener on 127.0.0.1 that counts who connects: the proof that a refused target is never reached.
let probe: Server;
let probePort: number;
let connections = 0;
beforeAll(async () => {
  probe = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  probePort = (probe.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => probe.close(resolve)));

const resolvingTo =
  (address: string, calls: string[] = []): Resolver =>
  async (host) => {
    calls.push(host);
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };

const post = (url: string, allowedPrivateHosts: string[] = [], resolve?: Resolver) =>
  outboundRequest(url, { method: 'POST', body: 'a=1', timeoutMs: 3000 }, { allowedPrivateHosts, ...(resolve ? { resolve } : {}) });

describe('outboundRequest', () => {
  it('never connects to a refused address, however it is written', async () => {
    connections = 0;
    for (const url of [
      `https://127.0.0.1:${probePort}/`,
      `https://[::ffff:127.0.0.1]:${probePort}/`,
      `https://2130706433:${probePort}/`,
      `http://localhost:${probePort}/`,
    ]) {
      const err = await post(url).catch((e: unknown) => e);
      expect(err, url).toBeInstanceOf(OutboundError);
      expect((err as OutboundError).kind).toBe('refused');
    }
    expect(connections).toBe(0);
  });

  it('checks the address a name resolves to, in the lookup the socket connects with', async () => {
    connections = 0;
    const calls: string[] = [];
    const err = await post(`https://open311.boese.example:${probePort}/`, [], resolvingTo('127.0.0.1', calls)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboundError);
    expect((err as OutboundError).kind).toBe('refused');
    expect((err as OutboundError).detail).toBe('open311.boese.example resolves to 127.0.0.1');
    expect(err instanceof Error && err.message).toBe('target not allowed');
    // One resolution, checked and used: there is no second one for a rebinding DNS server to answer differently.
    expect(calls).toEqual(['open311.boese.example']);
    expect(connections).toBe(0);
  });

  it('refuses a name when any of its addresses is refused', async () => {
    const mixed: Resolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    const lookup = guardedLookup(false, mixed);
    const answer = await new Promise<unknown>((resolve) => lookup('beides.example', { all: true }, (err) => resolve(err)));
    expect(answer).toBeInstanceOf(OutboundError);
  });

  it("reaches a private host the setting names, and says only 'failed' when the connection breaks", async () => {
    const server = createHttpServer((_req, res) => res.end('[{"service_request_id":"1"}]'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const answer = await post(`http://fachverfahren.intern:${port}/requests.json`, ['fachverfahren.intern'], resolvingTo('127.0.0.1'));
      expect(answer).toEqual({ status: 200, text: '[{"service_request_id":"1"}]' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // TLS spoken to a plain TCP listener: the technical reason stays in `detail`.
    const err = await post(`https://fachverfahren.intern:${probePort}/`, ['fachverfahren.intern'], resolvingTo('127.0.0.1')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboundError);
    expect((err as OutboundError).kind).toBe('failed');
    expect((err as Error).message).toBe('connection failed');
    expect((err as OutboundError).detail).not.toBe('');
  });
});
