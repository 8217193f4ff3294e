// The hyphen package ships no types; this is the part of its API we use (hyphen/da, hyphen/en-gb).
declare module 'hyphen/da' {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
