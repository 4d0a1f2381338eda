import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IndexFile } from '../../local/cloud/indexes';
import type { RewriteStep } from '../../local/cloud/journal';
import type { LocalCloud } from '../../local/cloud/install';
import { fresh, rejection, type Db, duplicateOn } from './support';

const INDEXES: IndexFile = { members: [{ name: 'openid_unique', keys: { openid: 1 }, unique: true }] };

let dir: string;
let file: string;
let handle: LocalCloud;
let db: Db;
let _: any;

/** (Re)opens the local cloud on the journal file, as the dev server does at start-up. */
function open(): LocalCloud {
  ({ handle, db, _ } = fresh({ journalFile: file, indexes: INDEXES }));
  return handle;
}

const lines = () => fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styleclub-journal-'));
  file = path.join(dir, 'nested', 'journal.ndjson');
});

afterEach(() => {
  handle?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a new journal file is created, with its folder, on first start', () => {
  open();
  expect(fs.existsSync(file)).toBe(true);
  expect(handle.droppedTornLine).toBe(false);
});

test('an acknowledged write is on disk before its answer returns', async () => {
  open();
  const { _id } = await db.collection('members').add({ data: { openid: 'o-1' } });
  expect(fs.readFileSync(file, 'utf8')).toContain(_id);
  await db.collection('members').doc(_id).update({ data: { points: 42 } });
  expect(lines().at(-1)).toContain('42');
});

test('writes survive closing and re-installing: adds, updates, removes, dates and nested data', async () => {
  open();
  const at = new Date('2026-06-01T08:00:00.000Z');
  await db.collection('members').add({ data: { _id: 'm1', openid: 'o-1', points: 10, joinedAt: at, profile: { city: 'Shanghai', sizes: ['M', 'L'] } } });
  await db.collection('members').add({ data: { _id: 'm2', openid: 'o-2' } });
  await db.collection('members').doc('m1').update({ data: { points: _.inc(5), 'profile.city': 'Hangzhou' } });
  await db.collection('members').doc('m2').remove();
  await db.collection('stores').doc('S001').set({ data: { name: '悦衣库 上海静安店' } });
  handle.close();

  open();
  expect(handle.droppedTornLine).toBe(false);
  const m1 = (await db.collection('members').doc('m1').get()).data;
  expect(m1).toEqual({ _id: 'm1', openid: 'o-1', points: 15, joinedAt: at, profile: { city: 'Hangzhou', sizes: ['M', 'L'] } });
  expect(m1.joinedAt).toBeInstanceOf(Date);
  expect((await db.collection('members').where({ _id: 'm2' }).count()).total).toBe(0);
  expect((await db.collection('stores').doc('S001').get()).data.name).toBe('悦衣库 上海静安店');
  expect((await db.collection('members').where({ joinedAt: _.gte(at) }).count()).total).toBe(1);
});

test('unique indexes are rebuilt from the journal on load', async () => {
  open();
  await db.collection('members').add({ data: { openid: 'o-1' } });
  handle.close();
  open();
  expect(duplicateOn(await rejection(db.collection('members').add({ data: { openid: 'o-1' } })), 'openid_unique')).toBe(true);
});

test('many parallel writes are each acknowledged and all survive a restart', async () => {
  open();
  await Promise.all(Array.from({ length: 200 }, (_x, i) => db.collection('visits').add({ data: { i } })));
  handle.close();
  open();
  expect((await db.collection('visits').count()).total).toBe(200);
});

describe('a torn last line', () => {
  test('is dropped on load, reported, cut off the file, and the journal stays appendable', async () => {
    open();
    await db.collection('members').add({ data: { _id: 'm1', openid: 'o-1' } });
    await db.collection('members').add({ data: { _id: 'm2', openid: 'o-2' } });
    handle.close();
    fs.appendFileSync(file, '{"writes":[{"c":"members","id":"m3","doc":{"_id":"m3","open');

    open();
    expect(handle.droppedTornLine).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('m3');
    expect((await db.collection('members').count()).total).toBe(2);
    await db.collection('members').add({ data: { _id: 'm4', openid: 'o-4' } });
    handle.close();

    open();
    expect(handle.droppedTornLine).toBe(false);
    const ids = (await db.collection('members').orderBy('_id', 'asc').get()).data.map((m: { _id: string }) => m._id);
    expect(ids).toEqual(['m1', 'm2', 'm4']);
  });

  test('a last record cut just before its newline counts as torn too (it was never acknowledged)', async () => {
    open();
    await db.collection('members').add({ data: { _id: 'm1', openid: 'o-1' } });
    handle.close();
    fs.appendFileSync(file, '{"writes":[{"c":"members","id":"m9","doc":{"_id":"m9","openid":"o-9"}}]}');
    open();
    expect(handle.droppedTornLine).toBe(true);
    expect((await db.collection('members').where({ _id: 'm9' }).count()).total).toBe(0);
  });
});

test('damage in the middle of the journal refuses to load and leaves the file as it was', async () => {
  open();
  await db.collection('members').add({ data: { _id: 'm1', openid: 'o-1' } });
  await db.collection('members').add({ data: { _id: 'm2', openid: 'o-2' } });
  await db.collection('members').add({ data: { _id: 'm3', openid: 'o-3' } });
  handle.close();
  const good = lines();
  expect(good.length).toBeGreaterThanOrEqual(3);
  const damaged = [...good];
  damaged[1] = damaged[1]!.slice(0, 20) + '#garbage#';
  const text = damaged.join('\n') + '\n';
  fs.writeFileSync(file, text);
  expect(() => open()).toThrow(/damaged at line 2/);
  expect(fs.readFileSync(file, 'utf8')).toBe(text);
});

test('start-up compacts the journal to one entry per live document', async () => {
  open();
  await db.collection('members').add({ data: { _id: 'm1', openid: 'o-1', points: 0 } });
  for (let k = 0; k < 10; k += 1) await db.collection('members').doc('m1').update({ data: { points: _.inc(1) } });
  await db.collection('notes').add({ data: { _id: 'gone' } });
  await db.collection('notes').doc('gone').remove();
  await db.collection('stores').add({ data: { _id: 'S001' } });
  handle.close();
  expect(lines().length).toBeGreaterThanOrEqual(14);

  open();
  const entries = lines().flatMap((l) => (JSON.parse(l) as { writes: Array<{ c: string; id: string; doc: Record<string, unknown> | null }> }).writes);
  expect(entries.map((e) => `${e.c}/${e.id}`).sort()).toEqual(['members/m1', 'stores/S001']);
  expect(entries.find((e) => e.id === 'm1')?.doc).toMatchObject({ points: 10 });
  expect(entries.every((e) => e.doc !== null)).toBe(true);
  expect((await db.collection('members').doc('m1').get()).data.points).toBe(10);
});

describe('one process at a time owns a journal', () => {
  it('refuses a journal whose lock is held by another live process', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(`${file}.lock`, String(other.pid));
      expect(() => open()).toThrow(/in use by process \d+/);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that died (kill -9), and frees it on close', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    fs.writeFileSync(`${file}.lock`, dead.stdout.trim());
    open();
    expect(fs.readFileSync(`${file}.lock`, 'utf8')).toBe(String(process.pid));
    handle.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('the journal stays small while the server runs', () => {
  it('is rewritten as a snapshot once superseded history piles up, and still loads every document', async () => {
    const cloud = open();
    // 20,050 writes to 50 documents: history the snapshot can drop
    const writes = Array.from({ length: 20_050 }, (_, i) => ({ c: 'codes', id: `m${i % 50}`, doc: { _id: `m${i % 50}`, n: i } }));
    await Promise.all(writes.map((w) => cloud.db.apply([w])));
    expect(lines().length).toBeLessThan(10);
    cloud.close();
    const again = open();
    expect(again.db.count('codes', {})).toBe(50);
    expect(again.db.find('codes', { _id: 'm49' })[0]).toEqual({ _id: 'm49', n: 20_049 });
  });

  it('refuses a line that is JSON but not a journal record, naming the line', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'null\n{"writes":[]}\n');
    expect(() => open()).toThrow(/line 1.*not a journal record/);
  });
});

describe('a member who leaves leaves no history in the journal', () => {
  /** Every file under the data dir, as text. */
  const everything = (): string => {
    const texts: string[] = [];
    const walk = (at: string) => {
      for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
        const full = path.join(at, entry.name);
        if (entry.isDirectory()) walk(full);
        else texts.push(fs.readFileSync(full, 'utf8'));
      }
    };
    walk(dir);
    return texts.join('\n');
  };
  const PERSONAL = ['openid-leaving', '林小姐', '林女士', '13912345678', '13800001111', '07-21'];

  async function addMembers(): Promise<void> {
    await db.collection('members').add({ data: { _id: 'leaving', openid: 'openid-leaving', nickname: '林小姐', phone: '13800001111', birthday: '07-21' } });
    await db.collection('members').add({ data: { _id: 'staying', openid: 'openid-staying', nickname: '陈先生', birthday: '01-02' } });
    await db.collection('members').doc('leaving').update({ data: { nickname: '林女士', phone: '13912345678' } });
    await db.collection('ledger').add({ data: { memberId: 'leaving', points: 10 } });
  }

  test('after a member is removed the journal holds none of their personal fields', async () => {
    open();
    await addMembers();
    expect(PERSONAL.every((p) => everything().includes(p))).toBe(true);
    await db.collection('members').doc('leaving').remove();
    const text = everything();
    expect(PERSONAL.filter((p) => text.includes(p))).toEqual([]);
    expect(text).toContain('陈先生');
    handle.close();
    open();
    expect((await db.collection('members').get()).data.map((m: { _id: string }) => m._id)).toEqual(['staying']);
    expect((await db.collection('ledger').count()).total).toBe(1);
  });

  test.each([
    ['where().remove()', () => db.collection('members').where({ openid: 'openid-leaving' }).remove()],
    ['a transaction', () => db.runTransaction((t: any) => t.collection('members').doc('leaving').remove())],
  ])('a removal by %s rewrites the journal before it answers too', async (_name, remove) => {
    open();
    await addMembers();
    await remove();
    expect(PERSONAL.filter((p) => everything().includes(p))).toEqual([]);
  });

  test('80 parallel removals share a few rewrites, and each answers only after one that started after it', async () => {
    open();
    await handle.db.apply(Array.from({ length: 80 }, (_x, i) => ({ c: 'members', id: `m${i}`, doc: { _id: `m${i}`, openid: `openid-gone-${i}`, nickname: `会员${i}` } })));
    await db.collection('members').add({ data: { _id: 'staying', openid: 'openid-staying' } });
    const renames = jest.spyOn(fs, 'renameSync');
    try {
      await Promise.all(
        Array.from({ length: 80 }, async (_x, i) => {
          await db.collection('members').doc(`m${i}`).remove();
          // answered: no record of this member is left anywhere
          expect(everything()).not.toContain(`openid-gone-${i}"`);
        }),
      );
      expect(renames.mock.calls.length).toBeGreaterThanOrEqual(1);
      expect(renames.mock.calls.length).toBeLessThanOrEqual(10);
    } finally {
      renames.mockRestore();
    }
    expect(everything()).not.toMatch(/openid-gone-/);
  });

  test('documents of other collections removed do not rewrite the journal', async () => {
    open();
    await db.collection('notes').add({ data: { _id: 'n1', text: 'x' } });
    const renames = jest.spyOn(fs, 'renameSync');
    try {
      await db.collection('notes').doc('n1').remove();
      expect(renames).not.toHaveBeenCalled();
    } finally {
      renames.mockRestore();
    }
  });

  test.each<RewriteStep>(['tmp-line', 'tmp-synced', 'renamed'])('a crash during the rewrite leaves a journal that loads (kill -9 at %s)', async (step) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'journalCrashChild.ts'), file, step, '1200'], {
      cwd: path.join(__dirname, '..', '..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    // (stderr shown if the child died otherwise)
    expect({ signal: child.signal, status: child.status, stderr: child.stderr }).toMatchObject({ signal: 'SIGKILL' });
    // killed before the rename: the scratch file is left beside the whole old journal
    expect(fs.existsSync(`${file}.compact`)).toBe(step !== 'renamed');
    open();
    expect(handle.droppedTornLine).toBe(false);
    expect(handle.db.count('members', {})).toBe(1199);
    expect(handle.db.count('members', { _id: 'm0' })).toBe(0);
    // the start-up rewrite finishes what the crash interrupted, and the scratch file is gone
    const text = everything();
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('openid-0"');
    expect(fs.existsSync(`${file}.compact`)).toBe(false);
  }, 60_000);
});
