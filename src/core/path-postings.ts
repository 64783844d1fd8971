/**
 * Tag key → paths, for a vault with thousands of tag keys of which a session reads few (a
 * coverage report reads none). A build appends paths to plain arrays; a key's Set is made the
 * first time the key is read or changed, and kept up to date from then on. One map holds both,
 * so filing a path is one lookup.
 *
 * The index never adds a path to a key twice without removing it in between (a note's tag keys
 * are unique, and every re-insert of a path is preceded by its removal), so the arrays hold no
 * repeats.
 */
export class PathPostings {
  private readonly byKey = new Map<string, string[] | Set<string>>();

  /** True when the key had no paths before. */
  add(key: string, path: string): boolean {
    const paths = this.byKey.get(key);
    if (paths === undefined) {
      this.byKey.set(key, [path]);
      return true;
    }
    if (Array.isArray(paths)) paths.push(path);
    else paths.add(path);
    return false;
  }

  /** True when the key has no paths left. */
  remove(key: string, path: string): boolean {
    const set = this.get(key);
    if (!set?.delete(path) || set.size > 0) return false;
    this.byKey.delete(key);
    return true;
  }

  /**
   * Every key with paths, live: reading a key while iterating is safe (a key's array becomes its
   * Set in place), adding or removing paths is not. Callers that keep the keys copy them once.
   */
  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  /** How many paths each key has, without making any key's Set. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [key, paths] of this.byKey) counts.set(key, Array.isArray(paths) ? paths.length : paths.size);
    return counts;
  }

  get(key: string): Set<string> | undefined {
    const paths = this.byKey.get(key);
    if (paths === undefined || !Array.isArray(paths)) return paths;
    const made = new Set(paths);
    this.byKey.set(key, made);
    return made;
  }
}
