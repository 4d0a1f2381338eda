type Doc = Record<string, unknown>;
/** A document as it was from `version` on (null: absent). */
interface State {
  version: number;
  doc: Doc | null;
}
interface Current {
  doc: Doc;
  version: number;
}

/**
 * The snapshots of open transactions. On CloudBase a transaction reads the database as it was when
 * it started (MongoDB snapshot isolation) and a write to a document someone else changed or removed
 * after that is a conflict; here the states a snapshot still needs are kept while it is open, and
 * when each document changed last (removals too) is known. Nothing is kept while no transaction is open.
 */
export class Snapshots {
  /** snapshot version → how many open transactions hold it */
  private readonly held = new Map<number, number>();
  /** key → earlier states, oldest first, that an open snapshot may still read */
  private readonly history = new Map<string, State[]>();
  /** key → version of its removal, for documents removed while a snapshot was open */
  private readonly removedAt = new Map<string, number>();

  take(version: number): number {
    this.held.set(version, (this.held.get(version) ?? 0) + 1);
    return version;
  }

  release(version: number): void {
    const n = (this.held.get(version) ?? 0) - 1;
    if (n > 0) this.held.set(version, n);
    else this.held.delete(version);
    if (this.held.size === 0) {
      this.history.clear();
      this.removedAt.clear();
    }
  }

  /** The version of the last write to this document, a removal included (0: never seen). */
  lastChange(key: string, current: Current | undefined): number {
    return current?.version ?? this.removedAt.get(key) ?? 0;
  }

  /** Called before a write at `version` replaces `before`: keeps what an open snapshot may still read. */
  record(key: string, before: Current | undefined, version: number, removes: boolean): void {
    if (this.held.size === 0) return;
    const versions = [...this.held.keys()];
    const oldest = Math.min(...versions);
    const newest = Math.max(...versions);
    const was: State = { version: this.lastChange(key, before), doc: before?.doc ?? null };
    // a state written after every open snapshot was taken is read by none of them
    if (was.version <= newest) {
      const states = this.history.get(key) ?? [];
      states.push(was);
      // a state replaced before the oldest snapshot was taken is read by none of them
      while (states.length >= 2 && states[1]!.version <= oldest) states.shift();
      this.history.set(key, states);
    }
    if (removes) this.removedAt.set(key, version);
    else this.removedAt.delete(key);
  }

  /** The document as the snapshot taken at `snapshot` sees it. */
  stateAt(key: string, current: Current | undefined, snapshot: number): Doc | null {
    if (this.lastChange(key, current) <= snapshot) return current?.doc ?? null;
    const states = this.history.get(key) ?? [];
    for (let i = states.length - 1; i >= 0; i -= 1) if (states[i]!.version <= snapshot) return states[i]!.doc;
    throw new Error(`the local cloud lost the state of ${key} at version ${snapshot} (a snapshot not taken through take())`);
  }
}
