import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('password policy', () => {
  it('requires 12 characters, counted as people see them', () => {
    expect(passwordProblem('kurz', 'a@b.de')).toBe('tooShort');
    expect(passwordProblem('äöüäöüäöüäö', 'a@b.de')).toBe('tooShort');
    expect(passwordProblem('äöüäöüäöüäöü', 'a@b.de')).toBeNull();
  });
  it('refuses common passwords and trivial patterns', () => {
    for (const p of ['password1234', '123456789012', 'qwertyuiop12', 'aaaaaaaaaaaa', 'iloveyou1234']) {
      expect(passwordProblem(p, 'a@b.de'), p).toBe('common');
    }
  });
  it('accepts long passphrases with spaces and umlauts', () => {
    expect(passwordProblem('Grüne Bäume am Phoenix-See blühen', 'a@b.de')).toBeNull();
    expect(passwordProblem('korrekt pferd batterie heftklammer', 'a@b.de')).toBeNull();
  });
  it('refuses the email name inside the password', () => {
    expect(passwordProblem('erika.mustermann2024!', 'erika.mustermann@dortmund.de')).toBe('containsEmail');
  });
  it('hashes with argon2id and verifies', async () => {
    const stored = await hashPassword('Grüne Bäume am Phoenix-See');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(stored, 'Grüne Bäume am Phoenix-See')).toBe(true);
    expect(await verifyPassword(stored, 'Grune Baume am Phoenix-See')).toBe(false);
    expect(await verifyPassword(null, 'anything at all')).toBe(false);
  });
});
