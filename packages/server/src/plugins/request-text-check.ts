/** Text PostgreSQL cannot store (NUL) or that is not valid Unicode (a lone surrogate of UTF-16). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be accepted, or undefined when it can. */
function problemOf(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character';
  return loneSurrogate.test(text) ? 'contains a lone surrogate (not valid Unicode)' : undefined;
}

/**
 * Every string in a request part (params, query, body) that cannot be stored as text, with its path, e.g.
 * `body.name: contains a NUL character`. Walks objects and arrays to `maxDepth`; never echoes the value.
 *
 * @example
 * unstorableTextIn('body', { name: 'a\u0000b' }) // => [{ path: 'body.name', message: 'contains a NUL character' }]
 */
export function unstorableTextIn(part: string, value: unknown, maxDepth = 32): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = [];
  const walk = (v: unknown, path: string, depth: number): void => {
    if (found.length >= 20) return;
    if (typeof v === 'string') {
      const problem = problemOf(v);
      if (problem) found.push({ path, message: problem });
      return;
    }
    if (depth >= maxDepth || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) walk(item, `${path}.${i}`, depth + 1);
      return;
    }
    for (const [key, item] of Object.entries(v)) {
      const keyProblem = problemOf(key);
      if (keyProblem) found.push({ path: `${path} (a key)`, message: keyProblem });
      walk(item, `${path}.${key}`, depth + 1);
    }
  };
  walk(value, part, 0);
  return found;
}
