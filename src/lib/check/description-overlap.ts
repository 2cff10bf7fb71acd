import { nameSkeleton } from '../text/unicode.ts';

/**
 * Finds pairs of agents that Claude could not tell apart. Claude picks a subagent for a task from the descriptions
 * alone, so two agents of one collection that do the same work, with nothing in either description that says when to
 * pick which, leave the choice to chance. A pair is reported when:
 *
 * - both come from the same source: a user installs one collection, and its agents meet in one `.claude/agents`;
 * - they cover the same ground: the cosine of their term weights (each word of the name and the description, plus
 *   {@link PROMPT_WEIGHT} of each word of the prompt's opening, weighted by how rare it is in the source) is at least
 *   {@link OVERLAP_THRESHOLD}. The prompt counts because a generalist's description (`backend-developer`: "server-side
 *   APIs") often shares few words with a specialist's ("Django") while their prompts do the same work;
 * - neither description names the other agent, which is how a description says when to pick it over a neighbour;
 * - they are not siblings: agents that each name a technology of their own name that the other never mentions
 *   (`vue-developer` and `svelte-developer`, `aws-architect` and `gcp-architect`), which any task tells apart.
 *
 * Cost is near-linear in the number of agents: only words held by at most {@link CANDIDATE_TERM_LIMIT} agents of a
 * source propose pairs, so each agent meets a bounded number of others, and only its {@link CANDIDATES_PER_AGENT}
 * likeliest get a full score.
 */

/** What the rule needs of an agent. */
export interface OverlapCandidate {
  name: string;
  /** The description without examples. */
  description: string;
  /** The prompt; only its first {@link PROMPT_CHARS} characters are read. */
  prompt: string;
  sourceId: string;
}

/** Two agents, by index in the input, `first < second`, with their score and the words that weigh most in it, as written. */
export interface DescriptionOverlap {
  first: number;
  second: number;
  score: number;
  sharedWords: string[];
}

/** Lowest score reported. Tuned on labelled pairs (tests/unit/check/description-overlap.test.ts). */
export const OVERLAP_THRESHOLD = 0.3;

/** How much a word of the prompt weighs against a word of the name or description. */
export const PROMPT_WEIGHT = 0.5;

/** How much of the prompt is read: its opening says what the agent does, and the cap bounds the cost. */
export const PROMPT_CHARS = 4000;

/** Words held by more agents of a source than this propose no candidate pairs (they still count in the score). */
export const CANDIDATE_TERM_LIMIT = 64;

/** Fewer shared words than this is not the same ground, whatever the score: two short descriptions that share `tools`. */
export const MIN_SHARED_WORDS = 4;

/** How many likely neighbours of an agent get a full score. */
export const CANDIDATES_PER_AGENT = 12;

/** How many of an agent's closest agents count as its neighbours; a pair must be neighbours both ways. */
export const NEIGHBOURS = 3;

// Words any agent may use, whatever work it does.
const STOP_WORDS = new Set(
  (
    'a an and any are as at be been but by can do does for from has have how if in into is it its may must need needs of on ' +
    'one or our so such than that the their them then there these they this those to use used uses using via was we ' +
    'what when where whether which while who why will with within without you your also each every other new own more ' +
    'most only all not no just like want wants agent expert specialist senior proactively'
  ).split(' '),
);

/** Light English stemming, enough that plurals and -ing forms meet their stem. */
export function stemOf(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed') && !word.endsWith('eed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}+#]*(?:\.[\p{L}\p{N}]+)*/gu;

/**
 * Calls `use` with each content word of a text, lower case, as written and stemmed; hyphens split words, dots inside
 * one are kept (`next.js`).
 */
function eachWord(text: string, use: (stem: string, written: string) => void): void {
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (word.length < 2) continue;
    const stem = stemOf(word);
    if (!STOP_WORDS.has(stem)) use(stem, word);
  }
}

/** Content words of a text, lower case and stemmed. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  eachWord(text, (stem) => words.push(stem));
  return words;
}

// Words that say what an agent is rather than what it works on, left out of the technologies its name holds.
const ROLE_WORDS = new Set(
  (
    'developer engineer specialist expert pro writer author reviewer architect designer builder planner guide lead ' +
    'manager tuner hunter doctor keeper auditor analyst assistant helper agent coder maker master consultant'
  ).split(' '),
);

/**
 * Technologies an agent's name holds that its description writes as a proper name (a capital or a digit), such as
 * `vue` for `vue-developer` ("Vue 3 apps"), or `postgres` for `postgres-query-tuner` ("PostgreSQL").
 */
function ownTechnologies(name: string, description: string): string[] {
  const proper = (description.match(/\b[\p{Lu}\p{N}][\p{L}\p{N}+#.]*/gu) ?? []).map((word) => word.toLowerCase());
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((part) => part.length > 1 && !ROLE_WORDS.has(part) && proper.some((word) => word.startsWith(part)));
}

/** Whether a lower-case description names the agent called `name`, as written or with spaces for its hyphens. */
function names(lowerDescription: string, name: string): boolean {
  const target = name.toLowerCase();
  if (target.length < 4) return false;
  return lowerDescription.includes(target) || (target.includes('-') && lowerDescription.includes(target.replaceAll('-', ' ')));
}

// A clause that sends some work elsewhere: "not for CHANGELOG.md upkeep", "for a known slow query, pick …".
const CONTRAST = /\b(?:not|never|pick|prefer|goes to|go to|instead|rather than|hands?|belongs?|leaves?|unless|except|other than|over)\b/;

/** Words of the clauses of a lower-case description that send work elsewhere. */
function contrastWords(lowerDescription: string): Set<string> {
  const clauses = lowerDescription.split(/[.;:()\u2014]|, (?=pick|not|for)/);
  return new Set(clauses.filter((clause) => CONTRAST.test(clause)).flatMap((clause) => wordsOf(clause)));
}

/** The words of a name that say what the agent works on. */
function subjectWords(name: string): string[] {
  return wordsOf(name.replaceAll('-', ' ')).filter((word) => word.length > 2 && !ROLE_WORDS.has(word));
}

/** An agent's term weights, scaled to length 1, as term ids in ascending order with their weights. */
interface Vector {
  terms: Int32Array;
  weights: Float64Array;
}

/** What tells two close agents apart, read only for pairs that are close. */
interface Traits {
  /** Each stem of the name and description as first written there, for messages. */
  written: Map<string, string>;
  technologies: string[];
  lowerDescription: string;
  /** The name as a reader sees it, as twins are found: `Code-Reviewer` and `code-reviewer` are one name. */
  nameKey: string;
  /** Words of the clauses that send work elsewhere. */
  contrast: Set<string>;
  subject: string[];
}

function traitsOf(agent: OverlapCandidate): Traits {
  const written = new Map<string, string>();
  eachWord(`${agent.name.replaceAll('-', ' ')} ${agent.description}`, (stem, word) => {
    if (!written.has(stem)) written.set(stem, word);
  });
  const lowerDescription = agent.description.toLowerCase();
  return {
    written,
    technologies: ownTechnologies(agent.name, agent.description),
    lowerDescription,
    nameKey: nameSkeleton(agent.name),
    contrast: contrastWords(lowerDescription),
    subject: subjectWords(agent.name),
  };
}

/** One source's agents as vectors; rarity is measured within the source, as the agents meet there. */
function vectorsOf(agents: readonly OverlapCandidate[], members: readonly number[]): { vectors: Vector[]; vocabulary: string[] } {
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  const idOf = (word: string) => {
    let id = ids.get(word);
    if (id === undefined) {
      id = vocabulary.length;
      ids.set(word, id);
      vocabulary.push(word);
    }
    return id;
  };
  // Per agent, term id → [count in the name and description, count in the prompt].
  const counted = members.map((index) => {
    const agent = agents[index]!;
    const counts = new Map<number, [number, number]>();
    eachWord(`${agent.name.replaceAll('-', ' ')} ${agent.description}`, (word) => {
      const id = idOf(word);
      const entry = counts.get(id);
      if (entry) entry[0]++;
      else counts.set(id, [1, 0]);
    });
    eachWord(agent.prompt.slice(0, PROMPT_CHARS), (word) => {
      const id = idOf(word);
      const entry = counts.get(id);
      if (entry) entry[1]++;
      else counts.set(id, [0, 1]);
    });
    return counts;
  });
  const documentFrequency = new Int32Array(vocabulary.length);
  for (const counts of counted) for (const id of counts.keys()) documentFrequency[id]!++;
  const strength = (count: number) => (count ? 1 + Math.log(count) : 0);
  const vectors = counted.map((counts): Vector => {
    const terms = Int32Array.from(counts.keys()).sort();
    const weights = new Float64Array(terms.length);
    let squares = 0;
    terms.forEach((id, position) => {
      const [own, prompt] = counts.get(id)!;
      const weight = (strength(own) + PROMPT_WEIGHT * strength(prompt)) * Math.log(members.length / documentFrequency[id]!);
      weights[position] = weight;
      squares += weight * weight;
    });
    const norm = Math.sqrt(squares) || 1;
    for (let position = 0; position < weights.length; position++) weights[position]! /= norm;
    return { terms, weights };
  });
  return { vectors, vocabulary };
}

/** Calls `use` with each term two vectors share and the product of their weights of it: the products sum to the cosine. */
function eachSharedTerm(a: Vector, b: Vector, use: (term: number, product: number) => void): void {
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) use(x, a.weights[i++]! * b.weights[j++]!);
    else if (x < y) i++;
    else j++;
  }
}

function scoreOf(a: Vector, b: Vector): number {
  let score = 0;
  eachSharedTerm(a, b, (_, product) => (score += product));
  return score;
}

/**
 * Every {@link DescriptionOverlap} of a catalogue, closest first: pairs of agents each among the other's
 * {@link NEIGHBOURS} closest, with a score of at least {@link OVERLAP_THRESHOLD}, that no description tells apart.
 * Neighbours are ranked before the exemptions, so a description that names its closest neighbours clears them and
 * exposes no one further down.
 */
export function findDescriptionOverlaps(
  agents: readonly OverlapCandidate[],
  { threshold = OVERLAP_THRESHOLD, neighbours = NEIGHBOURS } = {},
): DescriptionOverlap[] {
  const bySource = new Map<string, number[]>();
  agents.forEach((agent, index) => {
    const members = bySource.get(agent.sourceId);
    if (members) members.push(index);
    else bySource.set(agent.sourceId, [index]);
  });
  const found: DescriptionOverlap[] = [];
  for (const members of bySource.values()) {
    if (members.length < 2) continue;
    const { vectors, vocabulary } = vectorsOf(agents, members);
    const closest = closestNeighbours(vectors, neighbours);
    const traits = new Map<number, Traits>();
    const traitsAt = (local: number) => {
      let known = traits.get(local);
      if (!known) traits.set(local, (known = traitsOf(agents[members[local]!]!)));
      return known;
    };
    closest.forEach((near, local) => {
      for (const [other, score] of near) {
        if (other < local || score < threshold || !closest[other]!.has(local)) continue;
        const shared: [number, number][] = [];
        eachSharedTerm(vectors[local]!, vectors[other]!, (term, product) => shared.push([term, product]));
        shared.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
        if (shared.length < MIN_SHARED_WORDS) continue;
        const a = traitsAt(local);
        const b = traitsAt(other);
        if (toldApart(a, b, agents[members[local]!]!.name, agents[members[other]!]!.name)) continue;
        const sharedWords = shared.slice(0, 4).map(([id]) => {
          const stem = vocabulary[id]!;
          return a.written.get(stem) ?? b.written.get(stem) ?? stem;
        });
        found.push({ first: members[local]!, second: members[other]!, score, sharedWords });
      }
    });
  }
  return found.sort((x, y) => y.score - x.score || x.first - y.first || x.second - y.second);
}

/** Terms of an agent that propose candidates: its weightiest, so the work per agent is bounded. */
const PROPOSING_TERMS = 40;

/** The `count` items of `items` with the highest `score`, highest first, ties to the lower item; linear in `items`. */
function topBy(items: Iterable<number>, score: (item: number) => number, count: number): number[] {
  const top: number[] = [];
  for (const item of items) {
    const value = score(item);
    if (top.length === count && (value < score(top[count - 1]!) || (value === score(top[count - 1]!) && item > top[count - 1]!))) continue;
    let at = top.length === count ? count - 1 : top.length;
    while (at > 0 && (score(top[at - 1]!) < value || (score(top[at - 1]!) === value && top[at - 1]! > item))) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = item;
    if (top.length > count) top.length = count;
  }
  return top;
}

/** Each agent's `count` closest agents of its source, by position in `vectors`, with their scores. */
function closestNeighbours(vectors: readonly Vector[], count: number): Map<number, number>[] {
  // For each term, the agents that hold it and their weight of it, interleaved.
  const postings: number[][] = [];
  vectors.forEach((vector, local) => {
    vector.terms.forEach((term, position) => (postings[term] ??= []).push(local, vector.weights[position]!));
  });
  const partial = new Float64Array(vectors.length);
  return vectors.map((vector, local) => {
    // The dot product over the agent's weightiest rare words only: cheap, and enough to pick whom to score in full.
    // Interleaved, so a term held by n agents has 2n entries.
    const rare = [...vector.terms.keys()].filter((position) => postings[vector.terms[position]!]!.length / 2 <= CANDIDATE_TERM_LIMIT);
    const proposing = topBy(rare, (position) => vector.weights[position]!, PROPOSING_TERMS);
    const touched: number[] = [];
    for (const position of proposing) {
      const weight = vector.weights[position]!;
      const holders = postings[vector.terms[position]!]!;
      for (let at = 0; at < holders.length; at += 2) {
        const other = holders[at]!;
        if (other === local) continue;
        if (partial[other] === 0) touched.push(other);
        partial[other]! += weight * holders[at + 1]!;
      }
    }
    const likeliest = topBy(touched, (other) => partial[other]!, CANDIDATES_PER_AGENT);
    for (const other of touched) partial[other] = 0;
    const scored = likeliest
      .map((other): [number, number] => [other, scoreOf(vector, vectors[other]!)])
      .sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    return new Map(scored.slice(0, count));
  });
}

/** Whether two close agents are told apart: one name, a description that names the other or sends its work elsewhere, or siblings. */
function toldApart(a: Traits, b: Traits, nameA: string, nameB: string): boolean {
  if (a.nameKey === b.nameKey) return true;
  if (names(a.lowerDescription, nameB) || names(b.lowerDescription, nameA)) return true;
  if (b.subject.some((word) => a.contrast.has(word)) || a.subject.some((word) => b.contrast.has(word))) return true;
  const ownA = a.technologies.filter((tech) => !b.lowerDescription.includes(tech));
  const ownB = b.technologies.filter((tech) => !a.lowerDescription.includes(tech));
  return ownA.length > 0 && ownB.length > 0;
}
