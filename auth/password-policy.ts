// NIST SP 800-63B's advice: length over composition rules, and no passwords known to be popular.
const MIN_LENGTH = 12;
// argon2 hashes whatever it is given; the cap keeps a megabyte "password" from costing a megabyte of work.
const MAX_LENGTH = 256;
const WELL_KNOWN = new Set([
  'password1234', 'password12345', 'password123456', '123456789012', '1234567890123', 'qwertyuiop12', 'qwertyuiopas',
  'iloveyou1234', 'changeme1234', 'letmein12345', 'welcome12345', 'administrator', 'countersign1', 'countersign123',
  'aaaaaaaaaaaa', '111111111111', '000000000000', 'abcdefghijkl', 'abc123abc123', 'passwordpassword',
]);

/** Why `password` is not acceptable for the account `email`, or null when it is. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_LENGTH) return `the password needs at least ${MIN_LENGTH} characters`;
  if (password.length > MAX_LENGTH) return `the password may have at most ${MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (lower === email.toLowerCase() || (local.length >= 4 && lower.includes(local))) return 'the password must not contain the email address';
  if (WELL_KNOWN.has(lower) || new Set(lower).size < 4) return 'the password is too easy to guess; a few unrelated words make a good one';
  return null;
}
