// Splitting a run of digits back into cells ("713000074" → 71|3|0|0|0|0|74). Only a split that
// satisfies the row's identity is a candidate; the caller reads the row only when exactly one
// candidate exists and reports the row either way.

const MAX_STEPS = 200_000;

/**
 * All splits of `digits` into `parts` numbers (no leading zeros except "0" itself) that pass
 * `check`, up to `limit` (the table's column identities may then narrow them to one). Returns []
 * when the search is too large to finish, which the caller reports as "cannot be split".
 */
export function splitFlattened(digits: string, parts: number, check?: (values: number[]) => boolean, limit = 32, boundaries?: ReadonlySet<number>): number[][] {
  if (digits.length < parts || digits.length > parts * 6) return [];
  const found: number[][] = [];
  const values: number[] = [];
  let steps = 0;
  const walk = (pos: number): boolean => {
    if (++steps > MAX_STEPS) return false;
    const k = values.length;
    if (k === parts) {
      if (pos === digits.length && (!check || check(values))) found.push([...values]);
      return found.length < limit;
    }
    const remainingParts = parts - k;
    const maxLen = Math.min(6, digits.length - pos - (remainingParts - 1));
    for (let len = 1; len <= maxLen; len++) {
      if (len > 1 && digits.charCodeAt(pos) === 48) break; // no leading zero
      // A space the text kept between two digits is a cell boundary: no value spans it.
      if (len > 1 && boundaries?.has(pos + len - 1)) break;
      values.push(Number(digits.slice(pos, pos + len)));
      const go = walk(pos + len);
      values.pop();
      if (!go) return false;
    }
    return true;
  };
  const completed = walk(0);
  if (!completed && found.length < limit && steps > MAX_STEPS) return [];
  return found;
}
