// The server under load: the real app (buildApp, as `kuemmerer serve` builds it) plus, in the same process,
// a bare Fastify instance with one route. Both share one event loop and one CPU budget, so the bare route's
// numbers are the ceiling this machine and Node give any endpoint; the app's ratio to it is what Kümmerer adds.
import Fastify from 'fastify';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/platform/db/connect';

const config = loadConfig(process.env);
const handle = await openDatabase(config);
const app = await buildApp({ config, db: handle.db });
const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({ ok: true }));

await app.listen({ port: config.port, host: '127.0.0.1' });
await bare.listen({ port: Number(process.env.BENCH_BARE_PORT), host: '127.0.0.1' });
process.send?.('ready');

const stop = async () => {
  await Promise.allSettled([app.close(), bare.close()]);
  await handle.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
