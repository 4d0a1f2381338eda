import fs from 'node:fs';
import path from 'node:path';
import { EJSON } from 'bson';

/** One line of the journal: the whole new state of the documents one write touched (null = removed). */
export interface JournalRecord {
  writes: Array<{ c: string; id: string; doc: Record<string, unknown> | null }>;
}

export type Snapshot = () => Iterable<{ c: string; id: string; doc: Record<string, unknown> }>;

/** Rewrite the journal while running once it holds this many records more than the last snapshot… */
const COMPACT_AFTER_RECORDS = 20_000;
/** …and the records outnumber the live documents this many times (mostly superseded history). */
const COMPACT_RATIO = 2;
/** After a removal that erases a member, wait this long so parallel removals share one rewrite. */
const ERASE_REWRITE_DELAY_MS = 5;

/** The steps of a rewrite, in order: a test may kill -9 the process at any of them. */
export type RewriteStep = 'tmp-line' | 'tmp-synced' | 'renamed';
/** Test seam: called at each step of every rewrite (compaction). */
export const rewriteSteps: { at?: (step: RewriteStep) => void } = {};

type Waiter = { resolve: () => void; reject: (e: unknown) => void };

type Opened = { journal: Journal; records: JournalRecord[]; droppedTornLine: boolean };

/**
 * An append-only, fsync'd journal. Writes made in the same tick are flushed together (group
 * commit) and every writer's promise resolves only after fsync: an acknowledged write survives
 * kill -9. On load a torn last line (the crash hit mid-write) is dropped and cut off the file;
 * damage anywhere else is refused loudly rather than silently losing data. The journal is
 * rewritten as a snapshot at start-up and whenever superseded history piles up.
 */
export class Journal {
  private fd: number;
  private pending: string[] = [];
  private waiters: Waiter[] = [];
  /** writers of pending records that erase personal data: they wait for the rewrite, not just the flush */
  private erasers: Waiter[] = [];
  /** erasers whose record is on disk, waiting for the next rewrite */
  private awaitingRewrite: Waiter[] = [];
  private rewriteTimer: NodeJS.Timeout | null = null;
  private scheduled = false;
  private recordsSinceSnapshot = 0;
  /** when to look again at whether compaction pays (counting live documents is not free) */
  private nextCompactionCheck = COMPACT_AFTER_RECORDS;
  private snapshot: Snapshot | null = null;

  private constructor(readonly file: string, fd: number, private readonly release: () => void) {
    this.fd = fd;
  }

  /** Opens (creating if needed) and reads back every complete record. One process at a time: see lock(). */
  static open(file: string): Opened {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const release = lock(file);
    try {
      // a rewrite cut short by a crash left its scratch file: the journal itself is whole, the scratch goes
      fs.rmSync(`${file}.compact`, { force: true });
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

  /** Reads line by line over the raw bytes: linear in the file's size. */
  private static read(file: string, release: () => void): Opened {
    const bytes = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
    const records: JournalRecord[] = [];
    let good = 0;
    let droppedTornLine = false;
    let lineNo = 0;
    while (good < bytes.length) {
      const end = bytes.indexOf(0x0a, good);
      lineNo += 1;
      const isLast = end === -1 || end === bytes.length - 1;
      try {
        if (end === -1) throw new Error('no newline: the write was cut short');
        const line = bytes.toString('utf8', good, end);
        if (line.trim() !== '') {
          const record = EJSON.parse(line) as unknown as JournalRecord;
          if (!record || !Array.isArray(record.writes)) throw new Error('not a journal record');
          records.push(record);
        }
      } catch (err) {
        if (!isLast) {
          throw new Error(
            `journal ${file} is damaged at line ${lineNo} (byte ${good}): ${(err as Error).message}. ` +
              'Move it away to keep it, or start afresh with npm start -- --reset',
          );
        }
        droppedTornLine = true;
        break;
      }
      good = end + 1;
    }
    if (droppedTornLine) fs.truncateSync(file, good);
    const fd = fs.openSync(file, 'a');
    const journal = new Journal(file, fd, release);
    journal.recordsSinceSnapshot = records.length;
    return { journal, records, droppedTornLine };
  }

  /** Where compaction reads the live documents from (the database this journal backs). */
  setSnapshot(snapshot: Snapshot): void {
    this.snapshot = snapshot;
  }

  /**
   * Resolves once the record is on disk. A record that `erases` personal data (a member removed)
   * resolves only once the journal has been rewritten without the history it ends: see eraseHistory().
   */
  append(record: JournalRecord, erases = false): Promise<void> {
    this.pending.push(EJSON.stringify(record, { relaxed: true }) + '\n');
    this.recordsSinceSnapshot += 1;
    const done = new Promise<void>((resolve, reject) => (erases ? this.erasers : this.waiters).push({ resolve, reject }));
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
    const erasers = this.erasers;
    this.pending = [];
    this.waiters = [];
    this.erasers = [];
    if (lines.length === 0 && waiters.length === 0 && erasers.length === 0) return;
    try {
      fs.writeSync(this.fd, lines.join(''));
      fs.fsyncSync(this.fd);
      for (const w of waiters) w.resolve();
    } catch (err) {
      for (const w of [...waiters, ...erasers]) w.reject(err);
      return;
    }
    if (erasers.length > 0) this.eraseHistorySoon(erasers);
    this.compactIfBloated();
  }

  /**
   * Erasing a member must not leave their earlier records (nickname, phone, birthday, openid) in
   * the file until the next start: the journal is rewritten from memory (which no longer holds
   * them) before the removal is answered. Removals within a few ms share one rewrite, and one that
   * arrives while a rewrite runs waits for the next one, which starts after it. The rewrite is a
   * scratch file, fsync'd, renamed over the journal: a kill -9 at any step leaves the old journal or
   * the new one, whole (the scratch file is dropped at the next open).
   */
  private eraseHistorySoon(erasers: Waiter[]): void {
    this.awaitingRewrite.push(...erasers);
    this.rewriteTimer ??= setTimeout(() => this.eraseHistory(), ERASE_REWRITE_DELAY_MS);
  }

  private eraseHistory(): void {
    if (this.rewriteTimer) clearTimeout(this.rewriteTimer);
    this.rewriteTimer = null;
    // records still pending are written first (memory and file must agree); erasers among them join this rewrite
    this.flush();
    const waiting = this.awaitingRewrite;
    this.awaitingRewrite = [];
    if (this.rewriteTimer) clearTimeout(this.rewriteTimer);
    this.rewriteTimer = null;
    if (waiting.length === 0) return;
    try {
      if (!this.snapshot) throw new Error('the journal has no snapshot source to rewrite itself from');
      this.compact(this.snapshot());
      for (const w of waiting) w.resolve();
    } catch (err) {
      for (const w of waiting) w.reject(err);
    }
  }

  /**
   * With nothing pending, memory and journal hold the same state, so a snapshot of memory can
   * replace the file. Done when superseded history dominates (e.g. many till codes or toggles).
   */
  private compactIfBloated(): void {
    if (!this.snapshot || this.pending.length > 0 || this.recordsSinceSnapshot < this.nextCompactionCheck) return;
    let live = 0;
    for (const _ of this.snapshot()) live += 1;
    if (this.recordsSinceSnapshot < COMPACT_RATIO * live) {
      this.nextCompactionCheck = this.recordsSinceSnapshot + COMPACT_AFTER_RECORDS;
      return;
    }
    this.compact(this.snapshot());
  }

  /** Rewrites the journal as one record per 500 live documents (atomic rename), so restarts stay fast. */
  compact(docs: Iterable<{ c: string; id: string; doc: Record<string, unknown> }>): void {
    if (this.pending.length > 0) throw new Error('compact() with writes pending would drop them');
    const tmp = `${this.file}.compact`;
    const fd = fs.openSync(tmp, 'w');
    let batch: JournalRecord['writes'] = [];
    let records = 0;
    const write = () => {
      if (batch.length) {
        fs.writeSync(fd, EJSON.stringify({ writes: batch }, { relaxed: true }) + '\n');
        records += 1;
        rewriteSteps.at?.('tmp-line');
      }
      batch = [];
    };
    for (const d of docs) {
      batch.push(d);
      if (batch.length === 500) write();
    }
    write();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    rewriteSteps.at?.('tmp-synced');
    fs.closeSync(this.fd);
    fs.renameSync(tmp, this.file);
    rewriteSteps.at?.('renamed');
    const dir = fs.openSync(path.dirname(this.file), 'r');
    fs.fsyncSync(dir);
    fs.closeSync(dir);
    this.fd = fs.openSync(this.file, 'a');
    this.recordsSinceSnapshot = records;
    this.nextCompactionCheck = records + COMPACT_AFTER_RECORDS;
  }

  close(): void {
    this.flush();
    // removals waiting for their rewrite get it now, not never
    if (this.awaitingRewrite.length > 0) this.eraseHistory();
    if (this.rewriteTimer) clearTimeout(this.rewriteTimer);
    this.rewriteTimer = null;
    fs.closeSync(this.fd);
    this.release();
  }
}

/**
 * Takes the journal's lock file (holding our pid) or refuses: two processes appending to and
 * compacting one journal would lose each other's writes. The lock appears with its pid already
 * in it (written aside, then hard-linked into place, which fails if a lock exists), so no one
 * ever sees an empty lock. A lock left by a dead process (kill -9) is taken over.
 */
function lock(file: string): () => void {
  const lockFile = `${file}.lock`;
  const mine = `${lockFile}.${process.pid}`;
  fs.writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        fs.linkSync(mine, lockFile);
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
          throw new Error(
            `the local cloud data in ${path.dirname(file)} is in use by process ${holder} (another npm start?). ` +
              `Stop it first; if no such server runs, delete ${lockFile}`,
          );
        }
        fs.rmSync(lockFile, { force: true });
      }
    }
    throw new Error(`could not take the lock ${lockFile}`);
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
