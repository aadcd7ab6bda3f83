import zxcvbnCore from '@zxcvbn-ts/core';
import zxcvbnCommon from '@zxcvbn-ts/language-common';
import zxcvbnEn from '@zxcvbn-ts/language-en';

/**
 * The password policy: long rather than complicated (NCSC guidance), not guessable from the account, and at least
 * 10^10 guesses by zxcvbn's estimate (score 4), whose dictionaries ship the common and breached passwords lists, common
 * English words, names and keyboard patterns (no network at run time).
 */
export const passwordPolicy = { minLength: 12, maxLength: 256, minDistinctCharacters: 5, minGuessesLog10: 10 } as const;

let estimator: InstanceType<typeof zxcvbnCore.ZxcvbnFactory> | undefined;

/** zxcvbn with the common and English dictionaries, built on first use (loading them takes a moment). */
function strengthEstimator(): InstanceType<typeof zxcvbnCore.ZxcvbnFactory> {
  estimator ??= new zxcvbnCore.ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
  });
  return estimator;
}

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
  if (problems.length === 0 && password.length <= passwordPolicy.maxLength) {
    const userInputs = ['ferry', 'nhs', 'trust', ...(local ? [local, ...local.split(/[._-]/)] : [])];
    const { guessesLog10 } = strengthEstimator().check(password, userInputs);
    if (guessesLog10 < passwordPolicy.minGuessesLog10) {
      problems.push('is too easy to guess (common words, names, dates or patterns): use a longer phrase');
    }
  }
  return problems;
}
