/** A description split into readable text and the `<example>` blocks some collections embed in it. */
export interface CleanDescription {
  /** Description text with examples removed, literal `\n` turned into spaces and whitespace collapsed. */
  text: string;
  /** Inner text of each `<example>` block, tags inside it removed, as plain text. */
  examples: string[];
}

const EXAMPLE_BLOCK = /<example>([\s\S]*?)(?:<\/example>|$)/gi;
const PSEUDO_TAG = /<\/?[A-Za-z][\w-]*>/g;

/** Separates `<example>` blocks from a description and normalises its whitespace. */
export function cleanDescription(value: unknown): CleanDescription {
  const raw = typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
  const unescaped = raw.replace(/\\n/g, '\n');
  const examples: string[] = [];
  const withoutExamples = unescaped.replace(EXAMPLE_BLOCK, (_, inner: string) => {
    const example = inner
      .replace(PSEUDO_TAG, '')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (example !== '') examples.push(example);
    return ' ';
  });
  return { text: withoutExamples.replace(/\s+/g, ' ').trim(), examples };
}

/** A short summary for cards: the first sentence, cut at a word boundary to at most `max` characters. */
export function summarise(text: string, max = 180): string {
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(text)?.[1] ?? text;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
