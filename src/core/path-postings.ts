/**
 * Tag key → paths, for a vault with thousands of tag keys of which a session reads few (a
 * coverage report reads none). A build appends paths to plain arrays; a key's Set is made the
 * first time the key is read or changed, and kept up to date from then on.
 *
 * The index never adds a path to a key twice without removing it in between (a note's tag keys
 * are unique, and every re-insert of a path is preceded by its removal), so the arrays hold no
 * repeats.
 */
export class PathPostings {
  private readonly appended = new Map<string, string[]>();
  private readonly sets = new Map<string, Set<string>>();

  /** True when the key had no paths before. */
  add(key: string, path: string): boolean {
    const set = this.sets.get(key);
    if (set) {
      set.add(path);
      return false;
    }
    const paths = this.appended.get(key);
    if (paths) {
      paths.push(path);
      return false;
    }
    this.appended.set(key, [path]);
    return true;
  }

  /** True when the key has no paths left. */
  remove(key: string, path: string): boolean {
    const set = this.get(key);
    if (!set?.delete(path) || set.size > 0) return false;
    this.sets.delete(key);
    return true;
  }

  /** Every key with paths, as a snapshot: reading a key while iterating moves it between the two maps. */
  keys(): IterableIterator<string> {
    return [...this.appended.keys(), ...this.sets.keys()].values();
  }

  /** How many paths each key has, without making any key's Set. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [key, paths] of this.appended) counts.set(key, paths.length);
    for (const [key, set] of this.sets) counts.set(key, set.size);
    return counts;
  }

  get(key: string): Set<string> | undefined {
    const set = this.sets.get(key);
    if (set) return set;
    const paths = this.appended.get(key);
    if (!paths) return undefined;
    const made = new Set(paths);
    this.appended.delete(key);
    this.sets.set(key, made);
    return made;
  }
}
