/** Something computed from other values: its id and the ids it reads. */
export interface DependencyNode {
  readonly id: string;
  readonly reads: readonly string[];
}

/** An evaluation order, or the ids of one cycle (in reading order) when none exists. */
export type DependencyOrder<T> = { ok: true; order: T[] } | { ok: false; cycle: string[] };

/**
 * Order nodes so that every node comes after the nodes it reads (Kahn's algorithm; ties keep the
 * given order). Reads of ids that are not nodes are plain values and impose nothing.
 */
export function dependencyOrder<T extends DependencyNode>(nodes: readonly T[]): DependencyOrder<T> {
  const byId = new Map<string, T>();
  for (const node of nodes) byId.set(node.id, node);
  const pending = new Map<string, number>();
  const readers = new Map<string, T[]>();
  for (const node of nodes) {
    const deps = new Set(node.reads.filter((id) => byId.has(id)));
    pending.set(node.id, deps.size);
    for (const dep of deps) {
      const list = readers.get(dep);
      if (list === undefined) readers.set(dep, [node]);
      else list.push(node);
    }
  }
  const position = new Map<string, number>(nodes.map((node, i) => [node.id, i]));
  const ready = nodes.filter((node) => pending.get(node.id) === 0);
  const order: T[] = [];
  while (ready.length > 0) {
    // Take the earliest ready node so the order is stable for a given field list.
    ready.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
    const node = ready.shift();
    if (node === undefined) break;
    order.push(node);
    for (const reader of readers.get(node.id) ?? []) {
      const left = (pending.get(reader.id) ?? 0) - 1;
      pending.set(reader.id, left);
      if (left === 0) ready.push(reader);
    }
  }
  if (order.length === nodes.length) return { ok: true, order };
  return { ok: false, cycle: findCycle(byId, pending) };
}

/** Walk from a node left unordered along reads of other unordered nodes until one repeats. */
function findCycle<T extends DependencyNode>(
  byId: ReadonlyMap<string, T>,
  pending: ReadonlyMap<string, number>,
): string[] {
  const left = (id: string): boolean => (pending.get(id) ?? 0) > 0;
  const path: string[] = [];
  const seenAt = new Map<string, number>();
  let current = [...pending.keys()].find(left);
  while (current !== undefined && !seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    current = byId.get(current)?.reads.find(left);
  }
  return current === undefined ? path : path.slice(seenAt.get(current));
}
