import type { Db } from '../../platform/db/connect';
import { ApiKeyInputError, createApiKey, listApiKeys, revokeApiKey } from './api-key.service';

/** `kuemmerer api-key create NAME [--rate N] | list | revoke ID`. A new key is printed once and never again. */
export async function apiKeyCli(
  db: Db,
  organizationId: number,
  sub: string | undefined,
  args: string[],
  rate: string | undefined,
  io: { out(s: string): void },
  usage: (message: string) => Error,
): Promise<number> {
  switch (sub) {
    case 'create': {
      if (args.length !== 1) throw usage('Give the key a name: kuemmerer api-key create NAME [--rate N]');
      try {
        const key = await createApiKey(db, organizationId, { name: args[0]!, ratePerMinute: rate }, null);
        io.out(`API key #${key.id} "${key.name}" (${key.ratePerMinute} requests per minute). Copy it now, it is not shown again:\n${key.key}`);
        return 0;
      } catch (err) {
        if (err instanceof ApiKeyInputError) throw usage(err.message);
        throw err;
      }
    }
    case 'list': {
      if (args.length > 0 || rate !== undefined) throw usage('kuemmerer api-key list takes no arguments');
      const keys = await listApiKeys(db, organizationId);
      if (keys.length === 0) io.out('No API keys.');
      for (const k of keys) {
        const state = k.revoked_at ? `revoked ${new Date(k.revoked_at).toISOString()}` : 'active';
        const used = k.last_used_at ? new Date(k.last_used_at).toISOString() : 'never';
        io.out(`#${k.id}\t${k.key_prefix}…\t${k.rate_per_minute}/min\t${state}\tlast used ${used}\t${k.name}`);
      }
      return 0;
    }
    case 'revoke': {
      if (args.length !== 1 || !/^\d{1,9}$/.test(args[0]!) || rate !== undefined)
        throw usage('Give the key number: kuemmerer api-key revoke ID (see kuemmerer api-key list)');
      const revoked = await revokeApiKey(db, organizationId, Number(args[0]));
      if (!revoked) throw usage(`No active API key #${args[0]}`);
      io.out(`API key #${revoked.id} "${revoked.name}" is revoked.`);
      return 0;
    }
    default:
      throw usage('Use: kuemmerer api-key create NAME [--rate N] | api-key list | api-key revoke ID');
  }
}
