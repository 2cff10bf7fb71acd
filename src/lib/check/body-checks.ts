/**
 * Finds explicit requests in an agent's prompt that its tools cannot carry out. These are heuristics
 * over English prose, tuned to miss rather than to cry wolf: they look only for direct instructions
 * ("Run `npm test`", "create a new file"), skip any sentence that carries a negation ("never create
 * files"), and ignore fenced code, which is usually an example of output rather than an instruction.
 */

/** Where in the body a request was found: the 0-based line index and the words that matched. */
export interface BodyRequest {
  lineIndex: number;
  text: string;
}

// Every pattern below is anchored on a literal word and uses bounded repetition, so none can backtrack
// on long input.
const RUN_COMMAND = /\b(?:run|runs|running|execute|executes|re-run|rerun)\s+`[^`\n]{1,200}`/i;
const CREATE_FILE =
  /\b(?:create|creates|creating)\s+(?:(?:a|an|the|new|one|each|every|its|this|that)\s+){0,3}(?:[\w.-]{1,40}\s+){0,2}?files?\b/i;
const NEW_FILE = /\b(?:write|writes|writing|add|adds|adding)\s+(?:(?:a|an|the|one)\s+)?new\s+(?:[\w.-]{1,40}\s+){0,2}?files?\b/i;
const NEW_ARTEFACT =
  /\b(?:write|writes|writing|add|adds|adding)\s+(?:a|an)\s+(?:(?:new|failing|regression|small|smallest|minimal|short)\s+){0,3}(?:script|benchmark|migration|changelog|test)s?\b/i;
const WRITE_TOOL = /\b(?:with|using|use)\s+(?:the\s+)?`?Write`?(?:\s+tool)?\b(?!\s*\()/;
const NEGATION = /\b(?:not|never|no|don't|doesn't|do not|does not|without|nor|instead of|rather than|unless)\b/i;

/** Splits a line into sentences, keeping their offsets simple: a sentence ends at `. `, `; ` or `: `. */
function sentencesOf(line: string): string[] {
  return line.split(/(?<=[.;!?])\s+/);
}

/** How far before a request a negation still turns it around. */
const NEGATION_WINDOW = 120;

/** The first request in a prompt that matches one of the patterns. Linear in the prompt: each sentence is tried once per pattern. */
function findRequest(body: string, patterns: readonly RegExp[]): BodyRequest | undefined {
  let inFence = false;
  const lines = body.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^\s{0,3}(?:```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    for (const sentence of sentencesOf(line)) {
      for (const pattern of patterns) {
        const match = pattern.exec(sentence);
        if (!match) continue;
        // A negation before the verb ("never create files", "do not run `x`") turns the request around.
        if (NEGATION.test(sentence.slice(Math.max(0, match.index - NEGATION_WINDOW), match.index))) continue;
        return { lineIndex: index, text: match[0] };
      }
    }
  }
  return undefined;
}

/** The first sentence that tells the agent to run a command, written as "run `<command>`". */
export function commandRequest(body: string): BodyRequest | undefined {
  return findRequest(body, [RUN_COMMAND]);
}

/** The first sentence that tells the agent to create a file (a new file, a script, a test, a migration), or to use the Write tool. */
export function fileCreationRequest(body: string): BodyRequest | undefined {
  return findRequest(body, [CREATE_FILE, NEW_FILE, NEW_ARTEFACT, WRITE_TOOL]);
}
