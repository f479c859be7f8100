// A small glob matcher for ignore lists (Node 20 has none built in): `**` any path, `*` any name
// part, `?` one character; a pattern without a slash matches a name anywhere (as .gitignore does).

export function globToRegExp(glob: string): RegExp {
  const g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i] as string;
    if (c === '*') {
      if (g[i + 1] === '*') {
        // "**/" matches zero or more folders; a trailing "**" matches everything below.
        if (g[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const anywhere = !g.includes('/') || g.startsWith('**/');
  return new RegExp(`^${anywhere && !g.startsWith('**/') ? '(?:.*/)?' : ''}${re}(?:/.*)?$`);
}

/** Does the path (relative, with / or \) match any of the globs? */
export function matchesAny(relativePath: string, globs: readonly string[]): boolean {
  const p = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  return globs.some((g) => globToRegExp(g).test(p));
}
