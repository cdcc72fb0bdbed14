// What an admin or a user setting a password is told: length first, then anything an attacker would guess
// early (well-known passwords with the usual substitutions, keyboard rows, the account's own email, the
// product's name), with the reason in words.
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../auth/password-policy.js';

const EMAIL = 'jane.doe@example.com';

describe('the password policy', () => {
  it.each([
    ['Password1234!', /close to a well-known password/],
    ['P@ssw0rd12345', /close to a well-known password/],
    ['qwertyuiop123', /easy to guess/],
    ['Countersign2026', /your email or the product's name/],
    ['JaneDoe!2026', /easy to guess/],
    ['aaaaaaaaaaaaaa', /repeats/],
    ['abcdefghijklmnop', /easy to guess/],
  ])('refuses %s as too easy to guess', (password, reason) => {
    expect(passwordProblem(password, EMAIL)).toMatch(reason);
  });

  it('asks for length before anything else, and caps it', () => {
    expect(passwordProblem('Xk9#', EMAIL)).toBe('the password needs at least 12 characters');
    expect(passwordProblem('x'.repeat(257), EMAIL)).toBe('the password may have at most 256 characters');
    expect(passwordProblem('jane.doe@example.com', EMAIL)).toBe('the password must not contain the email address');
  });

  it.each(['correct horse battery staple', 'a much longer passphrase', 'Tulip-Harbor-Nine-Lemon', 'MyDogLikesTea42', 'the brown fox keeps running past every lazy dog in the valley until dusk and beyond'])('accepts %s', (password) => {
    expect(passwordProblem(password, EMAIL)).toBeNull();
  });
});
