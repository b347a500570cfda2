import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, HOST } from './crash-helpers';

// A PostgreSQL cluster of our own for tests that crash it: the shared server on 5432 serves other test files at
// the same time. initdb refuses to run as root, so as root (CI) the cluster belongs to the postgres user.

const run = promisify(execFile);

export interface ClusterTools {
  bin: string;
  /** Set when running as root: commands run as this user through runuser. */
  asUser: { name: string; uid: number; gid: number; runuser: string } | null;
}

/** The tools for a private cluster, or why there are none. */
export function findClusterTools(): ClusterTools | { problem: string } {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && Number(v) >= 15)
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const bin = process.env.PG_BIN || (versions[0] ? path.join(root, versions[0], 'bin') : '');
  if (!bin || !existsSync(path.join(bin, 'initdb')) || !existsSync(path.join(bin, 'pg_ctl'))) {
    return { problem: `no PostgreSQL 15+ server binaries (initdb, pg_ctl) in ${bin || `${root}/*/bin`}; install the postgresql package or set PG_BIN` };
  }
  if (process.getuid?.() !== 0) return { bin, asUser: null };
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => existsSync(p));
  if (!runuser) return { problem: 'running as root, and runuser is missing (initdb refuses to run as root)' };
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0)
    return { problem: 'running as root, and there is no postgres user to own the cluster (initdb refuses to run as root)' };
  return { bin, asUser: { name: 'postgres', uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), runuser } };
}

export interface PrivateCluster {
  url: string;
  /** `pg_ctl stop -m immediate`: every server process is killed at once, and the next start recovers from WAL. */
  crash(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster (if it runs) and removes its directory; safe to call twice. */
  destroy(): Promise<void>;
  log(): string;
}

export async function startPrivateCluster(tools: ClusterTools): Promise<PrivateCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-pg-'));
  if (tools.asUser) chownSync(dir, tools.asUser.uid, tools.asUser.gid);
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const port = await freePort();
  const as = (cmd: string, args: string[]) =>
    tools.asUser ? run(tools.asUser.runuser, ['-u', tools.asUser.name, '--', path.join(tools.bin, cmd), ...args]) : run(path.join(tools.bin, cmd), args);
  const options = [`-c listen_addresses=${HOST}`, `-c port=${port}`, `-c unix_socket_directories=${dir}`, '-c max_connections=50'].join(' ');
  let running = false;
  const cluster: PrivateCluster = {
    url: `postgres://postgres@${HOST}:${port}/postgres`,
    async crash() {
      await as('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
      running = false;
    },
    async start() {
      await as('pg_ctl', ['start', '-D', data, '-l', logFile, '-w', '-t', '30', '-o', options]);
      running = true;
    },
    async destroy() {
      if (running) await as('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']).catch(() => {});
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
  };
  try {
    // --no-sync only skips flushing the fresh files once; the running server keeps fsync on.
    await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await cluster.start();
  } catch (err) {
    await cluster.destroy();
    throw err;
  }
  return cluster;
}
