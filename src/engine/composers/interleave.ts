// Orders cards so two cards of one topic rarely follow each other (interleaving helps recall and discrimination).

/**
 * Keeps the given priority order but, at each step, takes the first remaining item whose topic differs from the
 * previous one (falling back to the first item when only one topic remains). Used for due cards.
 */
export function interleaveInOrder<T>(
  items: readonly T[],
  topicOf: (item: T) => string,
  previous?: string,
): T[] {
  const rest = items.slice();
  const out: T[] = [];
  let prev = previous;
  while (rest.length > 0) {
    let k = rest.findIndex((it) => topicOf(it) !== prev);
    if (k < 0) k = 0;
    const [picked] = rest.splice(k, 1);
    out.push(picked!);
    prev = topicOf(picked!);
  }
  return out;
}

/**
 * Spreads topics as evenly as possible: each step takes the topic with the most items left (other than the
 * previous one), ties going to the topic that comes first in priority order. Used for new cards.
 */
export function interleaveSpread<T>(
  items: readonly T[],
  topicOf: (item: T) => string,
  previous?: string,
): T[] {
  const queues = new Map<string, T[]>();
  for (const it of items) {
    const t = topicOf(it);
    const q = queues.get(t);
    if (q) q.push(it);
    else queues.set(t, [it]);
  }
  const order = [...queues.keys()];
  const out: T[] = [];
  let prev = previous;
  while (out.length < items.length) {
    let best: string | undefined;
    for (const t of order) {
      const left = queues.get(t)!.length;
      if (left === 0 || t === prev) continue;
      if (best === undefined || left > queues.get(best)!.length) best = t;
    }
    best ??= order.find((t) => queues.get(t)!.length > 0)!;
    out.push(queues.get(best)!.shift()!);
    prev = best;
  }
  return out;
}

/** How many neighbours share a topic (0 is perfect). */
export function sameTopicNeighbours<T>(items: readonly T[], topicOf: (item: T) => string): number {
  let n = 0;
  for (let i = 1; i < items.length; i++) if (topicOf(items[i]!) === topicOf(items[i - 1]!)) n++;
  return n;
}
