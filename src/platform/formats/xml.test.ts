import { describe, expect, it } from 'vitest';
import { escapeXml, toXml } from './xml';

describe('XML writer', () => {
  it('escapes text and drops characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u001fc\ud800d')).toBe('a\ufffdb\ufffdc\ufffdd');
    expect(toXml('services', [{ service_code: '<x>', metadata: true, group: null }], () => 'service')).toBe(
      '<services><service><service_code>&lt;x&gt;</service_code><metadata>true</metadata><group/></service></services>',
    );
    expect(() => toXml('bad name', 'x', () => 'i')).toThrow();
  });
});
