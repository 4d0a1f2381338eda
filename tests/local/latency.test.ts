import { VirtualTime } from '../../local/cloud/latency';
import { fresh, type Db } from './support';

/** The model's figures in these tests: a 5 ms round trip, a write holding its document 5 ms. */
const MODEL = { requestMs: 5, docWriteMs: 5 };

describe('the local cloud’s optional latency model (simulated time)', () => {
  let db: Db;
  let _: any;
  let time: VirtualTime;
  beforeEach(async () => {
    time = new VirtualTime();
    ({ db, _ } = fresh({ latency: { ...MODEL, wait: time.wait } }));
    await db.collection('stock').add({ data: [{ _id: 'hot', left: 100 }, ...Array.from({ length: 10 }, (__, i) => ({ _id: `cold-${i}`, left: 10 }))] });
  });

  /** Runs the operations side by side; answers the simulated ms they took and their results. */
  async function together<T>(ops: Array<() => Promise<T>>): Promise<{ ms: number; results: T[] }> {
    const from = time.now();
    const results = await Promise.all(ops.map((op) => op()));
    return { ms: time.now() - from, results };
  }

  const take = (id: string) => () => db.collection('stock').where({ _id: id, left: _.gt(0) }).update({ data: { left: _.inc(-1) } });

  it('10 parallel writes to one document take their turns: one round trip plus 10 write times', async () => {
    const { ms } = await together(Array.from({ length: 10 }, () => take('hot')));
    expect(ms).toBe(MODEL.requestMs + 10 * MODEL.docWriteMs);
    expect((await db.collection('stock').doc('hot').get()).data.left).toBe(90);
  });

  it('10 parallel writes to 10 documents run side by side: one round trip plus one write time', async () => {
    const { ms } = await together(Array.from({ length: 10 }, (__, i) => take(`cold-${i}`)));
    expect(ms).toBe(MODEL.requestMs + MODEL.docWriteMs);
  });

  it('a conditional update that changes nothing waits its turn but holds the document no longer, and reads never wait', async () => {
    await db.collection('stock').doc('hot').update({ data: { left: 0 } });
    const refused = await together(Array.from({ length: 10 }, () => take('hot')));
    expect(refused.ms).toBe(MODEL.requestMs);
    expect(refused.results.map((r: any) => r.stats.updated)).toEqual(Array(10).fill(0));
    const reads = await together([...Array.from({ length: 5 }, () => take('cold-0')), ...Array.from({ length: 20 }, () => () => db.collection('stock').doc('cold-0').get())]);
    expect(reads.ms).toBe(MODEL.requestMs + 5 * MODEL.docWriteMs);
  });
});

describe('without a latency model (the default)', () => {
  it('the local cloud answers at once: no timer is involved', async () => {
    jest.useFakeTimers();
    try {
      const { db } = fresh();
      await db.collection('stock').add({ data: { _id: 'hot', left: 1 } });
      expect((await db.collection('stock').doc('hot').get()).data.left).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
