/**
 * JSON text with every character beyond ASCII written as a `\uXXXX` escape: the same value, in text
 * that JavaScript engines can hold with one byte per character.
 *
 * V8 keeps a string with two bytes per character as soon as one character is beyond Latin-1. Astro's
 * content store is one JSON text, read, quoted into a module, bundled and parsed again as the site builds;
 * at 10,000 agents a few hundred dashes and emoji in the agents' text doubled each of those copies, from
 * 15 MB to 30 MB.
 */
export function asciiJson(json: string): string {
  // Outside its strings, JSON is ASCII, so every match is inside a string, where an escape means the same.
  // Without the u flag the pattern matches UTF-16 code units: an emoji becomes its two escaped surrogates.
  return json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
