import { describe, expect, it } from 'vitest';
import type { Organization } from '../../db-schema';
import { cityLookup, organizationsChanged } from './city-lookup';

const city = (name: string): Organization => ({ id: 1, slug: name.toLowerCase(), name, hosts: ['localhost'], contact_email: 'a@b.de', created_at: new Date() });

function counted(answer: (host: string) => Organization | null) {
  const asked: string[] = [];
  return {
    asked,
    find: async (host: string) => {
      asked.push(host);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return answer(host);
    },
  };
}

describe('the city of a host name', () => {
  it('is asked once while remembered, unknown host names included, and once for a crowd arriving together', async () => {
    const db = counted((host) => (host === 'dortmund.example' ? city('Dortmund') : null));
    const lookup = cityLookup(db.find, 60_000);
    const crowd = await Promise.all(Array.from({ length: 20 }, () => lookup('dortmund.example')));
    expect(crowd.every((c) => c?.name === 'Dortmund')).toBe(true);
    expect(await lookup('dortmund.example')).toMatchObject({ name: 'Dortmund' });
    expect(await lookup('unknown.example')).toBeNull();
    expect(await lookup('unknown.example')).toBeNull();
    expect(db.asked).toEqual(['dortmund.example', 'unknown.example']);
  });

  it('is asked again after a change in this process, and every time when nothing may be remembered', async () => {
    let name = 'Dortmund';
    const db = counted(() => city(name));
    const lookup = cityLookup(db.find, 60_000);
    expect(await lookup('localhost')).toMatchObject({ name: 'Dortmund' });
    name = 'Dortmund (neu)';
    expect(await lookup('localhost')).toMatchObject({ name: 'Dortmund' });
    organizationsChanged();
    expect(await lookup('localhost')).toMatchObject({ name: 'Dortmund (neu)' });
    expect(db.asked).toHaveLength(2);

    const uncached = counted(() => city('Bochum'));
    const always = cityLookup(uncached.find, 0);
    await always('localhost');
    await always('localhost');
    expect(uncached.asked).toHaveLength(2);
  });

  it('forgets after its time, so a change made by another process arrives', async () => {
    let name = 'Dortmund';
    const db = counted(() => city(name));
    const lookup = cityLookup(db.find, 30);
    await lookup('localhost');
    name = 'Dortmund (neu)';
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await lookup('localhost')).toMatchObject({ name: 'Dortmund (neu)' });
  });
});
