/**
 * Characters a reader cannot see or cannot trust: invisible and bidirectional controls (Trojan Source), control
 * characters, lone surrogates, and letters of other scripts that look like ASCII letters. Pure text work for the
 * checks, the pages and the files the site writes (XML, one-line text).
 */

/**
 * Characters that change text without showing: C0 and C1 controls (tab and line breaks aside), soft hyphens,
 * zero-width characters, bidirectional marks, embeddings, overrides and isolates, invisible fillers (U+115F,
 * U+3164, U+FFA0), word joiners, the BOM inside text, interlinear annotations, tag characters, noncharacters
 * U+FFFE and U+FFFF, and lone surrogates (in a `u` expression, a surrogate range matches only unpaired ones).
 * The joiner and the variation selectors that emoji are made of are left alone after an emoji.
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- control characters and lone variation selectors are what this looks for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B\u200C\u200E\u200F\u2028-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB\uFFFE\uFFFF\uD800-\uDFFF\u{E0000}-\u{E007F}]|(?<![\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}]\uFE0F?)\u200D|(?<![\p{Extended_Pictographic}#*0-9\u20E3])[\uFE00-\uFE0F]/gu;

/** The bidirectional controls among them: the characters of Trojan Source. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** A code point as an escape a reader sees: `\u2060`, `\u{E0041}`. */
function escapeCodePoint(char: string): string {
  const code = char.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The hidden characters of a text, once each, as escapes (`\u202E`), in order of first appearance. */
export function hiddenCharacters(text: string): string[] {
  return [...new Set([...text.matchAll(HIDDEN)].map((m) => escapeCodePoint(m[0])))];
}

/** True when a text holds a bidirectional control. */
export function hasBidiControl(text: string): boolean {
  return BIDI.test(text);
}

/**
 * Letters of other scripts that look like ASCII letters or digits, mapped to what they imitate: Cyrillic,
 * Greek, Armenian and a few Latin look-alikes. Full-width forms need no entry: NFKC maps them.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  һ: 'h',
  ɡ: 'g',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  Ү: 'Y',
  // Greek
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ε: 'e',
  γ: 'y',
  η: 'n',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  // Armenian and Latin look-alikes
  օ: 'o',
  ս: 'u',
  ո: 'n',
  ɑ: 'a',
  ı: 'i',
  ȷ: 'j',
  ℓ: 'l',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '−': '-',
  '－': '-',
};

/**
 * What a name looks like to a reader: NFKC (full-width and compatibility forms to their plain letters), look-alike
 * letters to the ASCII letters they imitate, hidden characters removed, lower case. Two names with one skeleton
 * are the same name to a reader, and to a file system that ignores case.
 */
export function nameSkeleton(name: string): string {
  return [...name.normalize('NFKC').replace(HIDDEN, '')]
    .map((char) => LOOKALIKES[char] ?? char)
    .join('')
    .toLowerCase();
}

/**
 * The ASCII name a name imitates, when it is one: its skeleton is plain ASCII, and the name itself, hidden characters
 * aside (hiddenCharacters finds those), is not: it holds look-alike letters or full-width forms.
 */
export function imitatedName(name: string): string | undefined {
  const skeleton = nameSkeleton(name);
  return /^[\x20-\x7E]*$/.test(skeleton) && !/^[\x20-\x7E]*$/.test(name.replace(HIDDEN, '')) ? skeleton : undefined;
}

/**
 * A name as pages show it: hidden characters, and any character outside ASCII in a name that imitates an ASCII
 * one, written as escapes, so `cоde-reviewer` (with a Cyrillic о) reads `c\u043Ede-reviewer`. Other names, such as
 * names in another script, are shown as they are.
 */
export function visibleName(name: string): string {
  const escaped = name.replace(HIDDEN, escapeCodePoint);
  if (imitatedName(name) === undefined) return escaped;
  // Escape what is left outside ASCII: the look-alike letters.
  return [...escaped].map((char) => (char.codePointAt(0)! > 0x7e ? escapeCodePoint(char) : char)).join('');
}

/** Text without hidden characters, for places that show it on one line (titles, comments, list items). */
export function withoutHiddenCharacters(text: string): string {
  return text.replace(HIDDEN, '');
}

/**
 * Text an XML 1.0 document can hold: tab, line feed, carriage return and the characters from U+0020 up, less
 * lone surrogates and U+FFFE and U+FFFF; anything else becomes U+FFFD.
 */
export function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}
