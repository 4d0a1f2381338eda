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

  private constructor(readonly file: string, fd: number, private readonly release: () => void) {
    this.fd = fd;
  }

  /** Opens (creating if needed) and reads back every complete record. One process at a time: see lock(). */
  static open(file: string): { journal: Journal; records: JournalRecord[]; droppedTornLine: boolean } {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const release = lock(file);
    try {
      return Journal.read(file, release);
    } catch (err) {
      release();
      throw err;
    }
  }

  /** Deletes the journal (start afresh), under its lock: never while another process uses it. */
  static erase(file: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const release = lock(file);
    try {
      fs.rmSync(file, { force: true });
    } finally {
      release();
    }
  }

  private static read(file: string, release: () => void): { journal: Journal; records: JournalRecord[]; droppedTornLine: boolean } {
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
        if (!isLast) {
          throw new Error(`journal ${file} is damaged before its end (at byte ${offset}): ${String(err)}. Move it away to keep it, or start afresh with npm start -- --reset`);
        }
        droppedTornLine = true;
        break;
      }
      offset = end + 1;
    }
    if (droppedTornLine) fs.truncateSync(file, goodBytes);
    const fd = fs.openSync(file, 'a');
    return { journal: new Journal(file, fd, release), records, droppedTornLine };
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
    this.release();
  }
}

/**
 * Takes the journal's lock file (holding our pid) or refuses: two processes appending to and
 * compacting one journal would lose each other's writes. A lock left by a dead process (kill -9)
 * is taken over.
 */
function lock(file: string): () => void {
  const lockFile = `${file}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      const release = () => {
        process.off('exit', release);
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(`the local cloud data in ${path.dirname(file)} is in use by process ${holder} (another npm start?); stop it first`);
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`could not take the lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
