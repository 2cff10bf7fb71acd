import type { AgentFacts as Agent } from '../catalog/agent.ts';

/** How many agents "More like this" shows. */
export const RELATED_COUNT = 5;
/** How many neighbours in each shared tag or category are considered, so large groups cost the same as small ones. */
const CANDIDATES_PER_GROUP = 60;

/** The members of a group (ascending indexes) nearest to `self` in catalogue order, found by binary search. */
function neighbours(group: readonly number[], self: number): readonly number[] {
  if (group.length <= CANDIDATES_PER_GROUP) return group;
  let low = 0;
  let high = group.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (group[mid]! < self) low = mid + 1;
    else high = mid;
  }
  const start = Math.max(0, Math.min(low - CANDIDATES_PER_GROUP / 2, group.length - CANDIDATES_PER_GROUP));
  return group.slice(start, start + CANDIDATES_PER_GROUP);
}

function groupBy(agents: readonly Agent[], keysOf: (agent: Agent) => readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  agents.forEach((agent, index) => {
    for (const key of keysOf(agent)) {
      const group = groups.get(key);
      if (group) group.push(index);
      else groups.set(key, [index]);
    }
  });
  return groups;
}

/**
 * "More like this" for every agent: others that share its tags, then its category, scored by tags in
 * common (two points each) plus one for the same category, ties by catalogue order. Twins (same name)
 * are left out: the page links them already. Work per agent is bounded, so the whole is linear.
 */
export function relatedAgents(agents: readonly Agent[]): string[][] {
  const byTag = groupBy(agents, (a) => a.tags);
  const byCategory = groupBy(agents, (a) => [`${a.sourceId}\0${a.categoryId}`]);
  return agents.map((agent, self) => {
    const scores = new Map<number, number>();
    const add = (indexes: readonly number[] | undefined, points: number) => {
      for (const other of neighbours(indexes ?? [], self)) {
        if (other !== self && agents[other]!.name !== agent.name) scores.set(other, (scores.get(other) ?? 0) + points);
      }
    };
    for (const tag of agent.tags) add(byTag.get(tag), 2);
    add(byCategory.get(`${agent.sourceId}\0${agent.categoryId}`), 1);
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, RELATED_COUNT)
      .map(([index]) => agents[index]!.slug);
  });
}
