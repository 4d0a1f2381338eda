/**
 * An optional cost model of the platform's database (off unless a LocalCloudOptions.latency is
 * given): the in-memory stand-in answers at once and writes one document as fast as another, so
 * it cannot show why one hot document limits a flash campaign. With the model:
 * - every request waits `requestMs` (the round trip from a function to the database), and
 * - writes to one document queue behind each other: a write that changes a document holds it for
 *   `docWriteMs`, and the next write to that document (a conditional update included: it must see
 *   the last one) starts only then. Writes to different documents run side by side; reads never wait.
 * The figures are assumptions, not measurements of CloudBase (which publishes quotas, not
 * latencies): DEFAULT_LATENCY says which, and docs/capacity.md repeats them next to its results.
 */
export interface LatencyModel {
  /** one database request's round trip from a function, ms */
  requestMs: number;
  /** how long one write holds the document it changes, ms (one document: at most 1000 / docWriteMs writes a second) */
  docWriteMs: number;
  /** how time passes: real timers (default), or a VirtualTime the bench drives so platform time costs no wall time */
  wait?: (ms: number) => Promise<void>;
}

/**
 * Assumed figures: 5 ms for a request inside one region (function and database side by side), and
 * 5 ms for a journaled single-document write with its condition checked (200 writes/s on one
 * document). Change them here or per installLocalCloud call; the bench prints the ones it used.
 */
export const DEFAULT_LATENCY: Omit<LatencyModel, 'wait'> = { requestMs: 5, docWriteMs: 5 };

const realWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Queues the writes of each document behind each other (one queue per collection/_id). */
export class DocumentQueues {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly wait: (ms: number) => Promise<void>;

  constructor(private readonly model: LatencyModel) {
    this.wait = model.wait ?? realWait;
  }

  /** The round trip of one request. */
  roundTrip(): Promise<void> {
    return this.model.requestMs > 0 ? this.wait(this.model.requestMs) : Promise.resolve();
  }

  /**
   * Runs a write once every earlier write to these documents is done; if it changed something,
   * the documents stay held for docWriteMs after it (the write's own cost, paid by whoever is next).
   */
  async exclusive<T>(keys: string[], work: () => Promise<{ answer: T; wrote: boolean }>): Promise<T> {
    const earlier = keys.map((k) => this.tails.get(k));
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    for (const k of keys) this.tails.set(k, done);
    try {
      await Promise.all(earlier);
      const { answer, wrote } = await work();
      if (wrote && this.model.docWriteMs > 0) await this.wait(this.model.docWriteMs);
      return answer;
    } finally {
      release();
      for (const k of keys) if (this.tails.get(k) === done) this.tails.delete(k);
    }
  }
}

/**
 * Simulated time for the bench: `wait(ms)` resolves when the simulation reaches that instant, and
 * the simulation moves to the next instant whenever the process has nothing else to do (every
 * call in flight is waiting on the model). So 100,000 claims cost this machine only their CPU
 * time, and `now()` tells the platform time they would have taken under the model.
 */
export class VirtualTime {
  private at = 0;
  private seq = 0;
  private readonly heap: Array<{ at: number; seq: number; resolve: () => void }> = [];
  private scheduled = false;

  now(): number {
    return this.at;
  }

  readonly wait = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      this.push({ at: this.at + ms, seq: this.seq++, resolve });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.step);
      }
    });

  /** Moves to the earliest waiting instant and wakes everything due then. */
  private readonly step = () => {
    this.scheduled = false;
    const first = this.heap[0];
    if (!first) return;
    this.at = first.at;
    while (this.heap.length && this.heap[0]!.at === this.at) this.pop().resolve();
    if (this.heap.length && !this.scheduled) {
      this.scheduled = true;
      setImmediate(this.step);
    }
  };

  private less(i: number, j: number): boolean {
    const a = this.heap[i]!;
    const b = this.heap[j]!;
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private swap(i: number, j: number): void {
    [this.heap[i], this.heap[j]] = [this.heap[j]!, this.heap[i]!];
  }

  private push(item: { at: number; seq: number; resolve: () => void }): void {
    this.heap.push(item);
    for (let i = this.heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private pop(): { at: number; seq: number; resolve: () => void } {
    const top = this.heap[0]!;
    const last = this.heap.pop()!;
    if (this.heap.length) {
      this.heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.heap.length && this.less(l, m)) m = l;
        if (r < this.heap.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
