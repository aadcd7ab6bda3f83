/** The password policy: long rather than complicated (NCSC guidance), and not guessable from the account. */
export const passwordPolicy = { minLength: 12, maxLength: 256, minDistinctCharacters: 5 } as const;

/** Passwords (and their roots) that lists of breached passwords start with. */
const commonRoots = new Set([
  'password',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'letmein',
  'welcome',
  'changeme',
  'admin',
  'administrator',
  'iloveyou',
  'monkey',
  'dragon',
  'football',
  'abc',
  'abcdef',
  'ferry',
  'nhs',
  'secret',
]);

/**
 * Why a password fails the policy: an empty list when it passes. Reasons never contain the password.
 *
 * @example
 * passwordProblems('Password123!', 'a.user@trust.nhs.uk') // ['is a common password with digits or symbols added']
 */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < passwordPolicy.minLength)
    problems.push(`is shorter than ${passwordPolicy.minLength} characters`);
  if (password.length > passwordPolicy.maxLength)
    problems.push(`is longer than ${passwordPolicy.maxLength} characters`);
  if (new Set(password).size < passwordPolicy.minDistinctCharacters) {
    problems.push(`has fewer than ${passwordPolicy.minDistinctCharacters} different characters`);
  }
  const lower = password.toLowerCase();
  const root = lower.replace(/[^a-z]/g, '');
  if (commonRoots.has(lower) || commonRoots.has(root) || root === '' || /^(0123456789|1234567890|123456)/.test(lower)) {
    problems.push('is a common password with digits or symbols added');
  }
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) problems.push('contains the account name');
  return problems;
}
