import FindMyWay from 'find-my-way';

/**
 * Fastify answers an unknown method on a known path with 404. HTTP says 405 with an Allow header, so we
 * mirror every route into a second router that only answers "which methods exist for this URL".
 */
export function createMethodIndex() {
  const router = FindMyWay();
  const methods = new Set<string>();
  const noop = () => {};
  return {
    add(method: string | string[], url: string) {
      for (const m of Array.isArray(method) ? method : [method]) {
        if (m === 'HEAD') continue;
        methods.add(m);
        router.on(m as 'GET', url, noop);
      }
    },
    allowed(url: string): string[] {
      const path = url.split('?')[0] ?? '/';
      const found = [...methods].filter((m) => router.find(m as 'GET', path) !== null);
      if (found.includes('GET')) found.push('HEAD');
      return found;
    },
  };
}
