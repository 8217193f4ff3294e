// Long Danish words on the wall break at syllables with a hyphen ("papiransøg-ninger"), never
// mid-syllable and never without one. Browsers hyphenate `hyphens: auto` only where they have a
// dictionary for the language (Chromium on Linux has none offline), so soft hyphens are put in
// here from the Danish TeX patterns (the hyphen package) and the CSS uses `hyphens: manual`.
// Board content is Danish whatever the UI language, so Danish patterns are used for it.

import { hyphenateSync } from 'hyphen/da';

const cache = new Map<string, string>();
const CACHE_LIMIT = 2000;

/** The text with soft hyphens (U+00AD) at the Danish break points of words of 7 letters or more. */
export function hyphenate(text: string): string {
  let result = cache.get(text);
  if (result === undefined) {
    result = hyphenateSync(text, { minWordLength: 7 });
    // A wall runs for weeks: keep the cache bounded (oldest entries go first).
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(text, result);
  }
  return result;
}
