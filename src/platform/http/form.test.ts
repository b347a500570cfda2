import { describe, expect, it } from 'vitest';
import { field, fieldList, normaliseEmail, safeReturnPath } from './form';

describe('form helpers', () => {
  it('reads fields and tolerates tampered arrays', () => {
    expect(field({ a: '  x ' }, 'a')).toBe('x');
    expect(field({ a: ['y', 'z'] }, 'a')).toBe('y');
    expect(field({}, 'a')).toBe('');
    expect(fieldList({ a: ['1', ' ', '2'] }, 'a')).toEqual(['1', '2']);
    expect(fieldList({ a: '3' }, 'a')).toEqual(['3']);
  });
  it('normalises emails and rejects junk', () => {
    expect(normaliseEmail(' Ada@Example.DE ')).toBe('ada@example.de');
    expect(normaliseEmail('jürgen@müller.de')).toBe('jürgen@müller.de');
    for (const bad of ['', 'a@b', 'no at.de', 'a@b.c', '<x>@y.de', 'a b@c.de']) expect(normaliseEmail(bad)).toBeNull();
  });
  it('allows only local return paths', () => {
    expect(safeReturnPath('/konto?x=1')).toBe('/konto?x=1');
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil', '/a\r\nSet-Cookie: x']) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });
});
