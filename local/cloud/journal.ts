import fs from 'node:fs';
import path from 'node:path';
import { EJSON } from 'bson';

/** One line of the journal: the whole new state of the documents one write touched (null = removed). */
export interface JournalRecord {
  writes: Array<{ c: string; id: string; doc: Record<string, unknown> | null }>;
}

/**
 * An append-only, fsync'd journal. Writes made in the same tick are flushed together (group
 * commit) and every writer's promise resolves only after fsync: an acknowledged write survives
 * kill -9. On load a torn last line (the crash hit mid-write) is dropped and cut off the file;
 * damage anywhere else is refused loudly rather than silently losing data.
 */
export class Journal {
  private fd: number;
  private pending: string[] = [];
  private waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private scheduled = false;

  private constructor(readonly file: string, fd: number) {
    this.fd = fd;
  }

  /** Opens (creating if needed) and reads back every complete record. */
  static open(file: string): { journal: Journal; records: JournalRecord[]; droppedTornLine: boolean } {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const records: JournalRecord[] = [];
    let goodBytes = 0;
    let droppedTornLine = false;
    let offset = 0;
    while (offset < text.length) {
      const end = text.indexOf('\n', offset);
      const line = end === -1 ? text.slice(offset) : text.slice(offset, end);
      const isLast = end === -1 || end === text.length - 1;
      try {
        if (end === -1) throw new Error('no newline: the write was cut short');
        if (line.trim() !== '') records.push(EJSON.parse(line) as unknown as JournalRecord);
        goodBytes = Buffer.byteLength(text.slice(0, end + 1), 'utf8');
      } catch (err) {
        if (!isLast) throw new Error(`journal ${file} is damaged before its end (at byte ${offset}): ${String(err)}`);
        droppedTornLine = true;
        break;
      }
      offset = end + 1;
    }
    if (droppedTornLine) fs.truncateSync(file, goodBytes);
    const fd = fs.openSync(file, 'a');
    return { journal: new Journal(file, fd), records, droppedTornLine };
  }

  /** Resolves once the record is on disk. */
  append(record: JournalRecord): Promise<void> {
    this.pending.push(EJSON.stringify(record, { relaxed: true }) + '\n');
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return done;
  }

  /** Resolves once everything appended so far is on disk (answers wait for what they have seen). */
  settled(): Promise<void> {
    if (this.pending.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private flush(): void {
    this.scheduled = false;
    const lines = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    try {
      fs.writeSync(this.fd, lines.join(''));
      fs.fsyncSync(this.fd);
      for (const w of waiters) w.resolve();
    } catch (err) {
      for (const w of waiters) w.reject(err);
    }
  }

  /** Rewrites the journal as one record per live document (atomic rename), so restarts stay fast. */
  compact(docs: Iterable<{ c: string; id: string; doc: Record<string, unknown> }>): void {
    const tmp = `${this.file}.compact`;
    const fd = fs.openSync(tmp, 'w');
    let batch: JournalRecord['writes'] = [];
    const write = () => {
      if (batch.length) fs.writeSync(fd, EJSON.stringify({ writes: batch }, { relaxed: true }) + '\n');
      batch = [];
    };
    for (const d of docs) {
      batch.push(d);
      if (batch.length === 500) write();
    }
    write();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.closeSync(this.fd);
    fs.renameSync(tmp, this.file);
    const dir = fs.openSync(path.dirname(this.file), 'r');
    fs.fsyncSync(dir);
    fs.closeSync(dir);
    this.fd = fs.openSync(this.file, 'a');
  }

  close(): void {
    if (this.pending.length) this.flush();
    fs.closeSync(this.fd);
  }
}
