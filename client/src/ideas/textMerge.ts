// Inline editing works on a draft; meanwhile someone else may change the same post-it. At commit
// the draft is rebased: my change (base → mine) is applied to the text as it is now (theirs), so a
// concurrent edit elsewhere in the text survives. setIdeaText then writes only the difference, so
// edits arriving at the very same moment merge character by character in Yjs as well.

interface Splice {
  start: number;
  /** End of the replaced range in `base` (exclusive). */
  end: number;
  insert: string;
}

/** The single splice that turns `base` into `next` (common prefix and suffix kept). */
export function spliceBetween(base: string, next: string): Splice {
  const max = Math.min(base.length, next.length);
  let start = 0;
  while (start < max && base[start] === next[start]) start++;
  let suffix = 0;
  while (suffix < max - start && base[base.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  return { start, end: base.length - suffix, insert: next.slice(start, next.length - suffix) };
}

/**
 * Three-way merge of one text: `base` when editing began, `mine` the draft, `theirs` the text now.
 * Non-overlapping changes are both kept; when both changed the same stretch, mine wins (the person
 * who just pressed save sees what they wrote).
 */
export function mergeEdit(base: string, mine: string, theirs: string): string {
  if (theirs === base) return mine;
  if (mine === base) return theirs;
  if (mine === theirs) return mine;
  const a = spliceBetween(base, mine);
  const b = spliceBetween(base, theirs);
  // Overlapping ranges (an insertion strictly inside the other's range included), or two changes
  // starting at the same spot (their order would be a guess): mine wins.
  const overlaps = a.start < b.end && b.start < a.end;
  if (overlaps || a.start === b.start) return mine;
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  return base.slice(0, first.start) + first.insert + base.slice(first.end, second.start) + second.insert + base.slice(second.end);
}
