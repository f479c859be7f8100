// A small glob matcher for ignore lists (Node 20 has none built in): `**` any path, `*` any name
// part, `?` one character; a pattern without a slash matches a name anywhere (as .gitignore does).
// Matched by dynamic programming over the pattern and the path, not by a regular expression: a
// pattern from a repository's config file ("*" twenty times, then "zz") costs pattern × path
// steps, never an exponential backtrack.

type Step = { kind: 'char'; ch: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'any' } | { kind: 'dirs' };

interface Compiled {
  steps: Step[];
}

/** Patterns and paths longer than this match nothing (a hostile config; no real glob is this long). */
const MAX_PATTERN = 1000;
const MAX_PATH = 4096;

const cache = new Map<string, Compiled>();

export function compileGlob(glob: string): Compiled {
  let c = cache.get(glob);
  if (c) return c;
  const g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  const steps: Step[] = [];
  const anywhere = !g.includes('/') || g.startsWith('**/');
  if (anywhere && !g.startsWith('**/')) steps.push({ kind: 'dirs' });
  for (let i = 0; i < g.length && g.length <= MAX_PATTERN; i++) {
    const ch = g[i] as string;
    if (ch === '*') {
      if (g[i + 1] === '*') {
        // "**/" matches zero or more folders; a "**" elsewhere matches everything.
        if (g[i + 2] === '/') {
          steps.push({ kind: 'dirs' });
          i += 2;
        } else {
          steps.push({ kind: 'any' });
          i += 1;
        }
      } else if (steps[steps.length - 1]?.kind !== 'star') steps.push({ kind: 'star' });
    } else if (ch === '?') steps.push({ kind: 'one' });
    else steps.push({ kind: 'char', ch });
  }
  c = { steps: g.length > MAX_PATTERN ? [{ kind: 'char', ch: '\u0000' }] : steps };
  if (cache.size > 1000) cache.clear();
  cache.set(glob, c);
  return c;
}

/** Does the path match the glob (a matched folder matches everything below it too)? */
export function globMatch(glob: string, relativePath: string): boolean {
  const p = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  if (p.length > MAX_PATH) return false;
  const { steps } = compileGlob(glob);
  const n = p.length;
  // can[j]: the steps so far match p[0..j).
  let can = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  can[0] = 1;
  for (const step of steps) {
    let seen = 0; // some can[j'] with j' <= j
    for (let j = 0; j <= n; j++) {
      const prev = p.charCodeAt(j - 1);
      switch (step.kind) {
        case 'char':
          next[j] = j > 0 && can[j - 1] && p[j - 1] === step.ch ? 1 : 0;
          break;
        case 'one':
          next[j] = j > 0 && can[j - 1] && prev !== 47 ? 1 : 0;
          break;
        case 'star':
          next[j] = can[j] || (j > 0 && next[j - 1] && prev !== 47) ? 1 : 0;
          break;
        case 'any':
          seen = seen || (can[j] as number);
          next[j] = seen ? 1 : 0;
          break;
        case 'dirs':
          // Nothing, or anything that ends with "/".
          next[j] = can[j] || (j > 0 && prev === 47 && seen) ? 1 : 0;
          seen = seen || (can[j] as number);
          break;
      }
    }
    [can, next] = [next, can];
  }
  if (can[n]) return true;
  // "(?:/.*)?": a folder that matches matches what is inside it.
  for (let j = 0; j < n; j++) if (can[j] && p.charCodeAt(j) === 47) return true;
  return false;
}

/** Does the path (relative, with / or \) match any of the globs? */
export function matchesAny(relativePath: string, globs: readonly string[]): boolean {
  return globs.some((g) => globMatch(g, relativePath));
}
