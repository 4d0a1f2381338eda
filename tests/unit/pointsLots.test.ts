import {
  clawBack,
  credit,
  EMPTY_ACCOUNT,
  type EntryDraft,
  expireDue,
  expiringBy,
  expiryEntryId,
  lotExpiry,
  nextExpiry,
  nextExpiryBatch,
  type PointsAccount,
  spend,
} from '../../cloudfunctions/domain/points/account';

const at = (iso: string) => new Date(iso);

/** An account built the way the ledger builds it: one earning per [id, points, earned at]. */
function earned(...lots: Array<[string, number, string]>): PointsAccount {
  return lots.reduce((account, [id, points, when]) => credit(account, { id, kind: 'earn', points, at: at(when) }).account, EMPTY_ACCOUNT);
}

const remaining = (a: PointsAccount) => Object.fromEntries(a.lots.map((l) => [l.id, l.remaining]));

describe('a lot expires at the end of the calendar year after the one it was earned in (Shanghai calendar)', () => {
  it.each([
    ['earned on 1 January', '2026-01-01T00:00:00+08:00', '2028-01-01T00:00:00+08:00'],
    ['earned in the middle of the year', '2026-07-15T12:00:00+08:00', '2028-01-01T00:00:00+08:00'],
    ['earned a minute before the New Year in Shanghai', '2026-12-31T23:59:00+08:00', '2028-01-01T00:00:00+08:00'],
    ['earned at 2026-12-31T16:30Z, already 2027 in Shanghai', '2026-12-31T16:30:00Z', '2029-01-01T00:00:00+08:00'],
    ['earned at the very first instant of 2027 in Shanghai', '2026-12-31T16:00:00Z', '2029-01-01T00:00:00+08:00'],
    ['earned at the last millisecond of 2026 in Shanghai', '2026-12-31T15:59:59.999Z', '2028-01-01T00:00:00+08:00'],
    ['earned on a leap day', '2028-02-29T10:00:00+08:00', '2030-01-01T00:00:00+08:00'],
  ])('%s (%s) → expires %s', (_name, earnedAt, expiresAt) => {
    expect(lotExpiry(at(earnedAt))).toEqual(at(expiresAt));
  });

  it('stamps that expiry on the lot a credit opens and on the entry that opened it', () => {
    const { account, entry } = credit(EMPTY_ACCOUNT, { id: 'e:1', kind: 'earn', points: 120, at: at('2026-12-31T16:30:00Z') });
    expect(account.lots).toEqual([{ id: 'e:1', earned: 120, remaining: 120, earnedAt: at('2026-12-31T16:30:00Z'), expiresAt: at('2029-01-01T00:00:00+08:00') }]);
    expect(entry.lotExpiresAt).toEqual(at('2029-01-01T00:00:00+08:00'));
  });
});

describe('spending takes the oldest lots first, all or nothing', () => {
  // lots expiring 2028-01-01, 2029-01-01 and 2030-01-01, credited out of order on purpose
  const account = earned(['e:2027', 200, '2027-05-01T10:00:00+08:00'], ['e:2026', 100, '2026-05-01T10:00:00+08:00'], ['e:2028', 300, '2028-05-01T10:00:00+08:00']);

  it.each([
    ['part of the oldest lot', 60, [['e:2026', 60]], { 'e:2026': 40, 'e:2027': 200, 'e:2028': 300 }],
    ['exactly the oldest lot, which closes', 100, [['e:2026', 100]], { 'e:2027': 200, 'e:2028': 300 }],
    ['the oldest lot and part of the next', 150, [['e:2026', 100], ['e:2027', 50]], { 'e:2027': 150, 'e:2028': 300 }],
    ['every point there is', 600, [['e:2026', 100], ['e:2027', 200], ['e:2028', 300]], {}],
  ])('a spend of %s (%i points) takes %j', (_name, points, takes, left) => {
    const result = spend(account, { id: 's:1', points, at: at('2028-06-01T00:00:00Z') })!;
    expect(result.entry.takes).toEqual(takes.map(([lotId, p]) => ({ lotId, points: p })));
    expect(remaining(result.account)).toEqual(left);
    expect(result.account.balance).toBe(600 - points);
    expect(result.entry).toMatchObject({ id: 's:1', kind: 'redeem', points: -points, debtChange: 0, balanceAfter: 600 - points, debtAfter: 0, lotExpiresAt: null, seq: 4 });
  });

  it('takes a lot that expires sooner before an older-looking one credited later (order is by expiry, then earning time)', () => {
    const a = earned(['late', 10, '2026-12-01T00:00:00+08:00'], ['early', 10, '2026-02-01T00:00:00+08:00']);
    expect(spend(a, { id: 's', points: 5, at: at('2026-12-02T00:00:00Z') })!.entry.takes).toEqual([{ lotId: 'early', points: 5 }]);
  });

  it.each([
    ['one point more than the balance', 601],
    ['far more than the balance', 10_000],
  ])('refuses %s: null, and nothing is taken', (_name, points) => {
    expect(spend(account, { id: 's:1', points, at: at('2028-06-01T00:00:00Z') })).toBeNull();
    expect(account.balance).toBe(600);
  });

  it('refuses any spend from an empty account', () => {
    expect(spend(EMPTY_ACCOUNT, { id: 's:1', points: 1, at: at('2026-06-01T00:00:00Z') })).toBeNull();
  });

  it.each([0, -5, 1.5, Number.NaN])('treats a spend of %p points as a bug (throws)', (points) => {
    expect(() => spend(account, { id: 's:1', points, at: at('2028-06-01T00:00:00Z') })).toThrow();
  });
});

describe('a claw-back takes what is there and records the rest as debt', () => {
  const account = earned(['e:a', 30, '2026-03-01T10:00:00+08:00'], ['e:b', 50, '2027-03-01T10:00:00+08:00']);

  it.each([
    // name, points to take back, balance after, debt after, takes
    ['less than the balance', 40, 40, 0, [['e:a', 30], ['e:b', 10]]],
    ['exactly the balance', 80, 0, 0, [['e:a', 30], ['e:b', 50]]],
    ['more than the balance', 125, 0, 45, [['e:a', 30], ['e:b', 50]]],
    ['nothing (a refund too small to cost a point)', 0, 80, 0, []],
  ])('taking back %s (%i points) leaves %i points and a debt of %i', (_name, points, balance, debt, takes) => {
    const { account: after, entry } = clawBack(account, { id: 'r:1', points, at: at('2027-04-01T00:00:00Z') });
    expect(after).toMatchObject({ balance, debt, seq: 3 });
    expect(after.lots.reduce((s, l) => s + l.remaining, 0)).toBe(balance);
    expect(entry).toMatchObject({ id: 'r:1', kind: 'refund', points: balance - 80, debtChange: debt, balanceAfter: balance, debtAfter: debt, lotExpiresAt: null });
    expect(entry.takes).toEqual(takes.map(([lotId, p]) => ({ lotId, points: p })));
  });

  it('adds to a debt that is already there', () => {
    const first = clawBack(EMPTY_ACCOUNT, { id: 'r:1', points: 7, at: at('2026-04-01T00:00:00Z') }).account;
    expect(clawBack(first, { id: 'r:2', points: 5, at: at('2026-04-02T00:00:00Z') }).account).toMatchObject({ balance: 0, debt: 12, seq: 2 });
  });
});

describe('a credit settles a debt first and opens a lot only with what is left', () => {
  const inDebt = clawBack(EMPTY_ACCOUNT, { id: 'r:1', points: 50, at: at('2026-04-01T00:00:00Z') }).account;

  it.each([
    // name, points credited, balance after, debt after, entry points, entry debtChange, lot opened
    ['smaller than the debt', 20, 0, 30, 0, -20, false],
    ['exactly the debt', 50, 0, 0, 0, -50, false],
    ['larger than the debt', 80, 30, 0, 30, -50, true],
    ['of 0 points', 0, 0, 50, 0, 0, false],
  ])('a credit %s (%i points) leaves %i points and a debt of %i', (_name, points, balance, debt, entryPoints, debtChange, opensLot) => {
    const { account, entry } = credit(inDebt, { id: 'e:2', kind: 'earn', points, at: at('2026-05-01T00:00:00Z') });
    expect(account).toMatchObject({ balance, debt, seq: 2 });
    expect(entry).toMatchObject({ id: 'e:2', kind: 'earn', seq: 2, points: entryPoints, debtChange, balanceAfter: balance, debtAfter: debt, takes: [] });
    expect(account.lots).toEqual(opensLot ? [expect.objectContaining({ id: 'e:2', earned: balance, remaining: balance })] : []);
    expect(entry.lotExpiresAt).toEqual(opensLot ? at('2028-01-01T00:00:00+08:00') : null);
  });

  it('still writes an entry for an order that earned 0 points, with no lot', () => {
    const { account, entry } = credit(EMPTY_ACCOUNT, { id: 'e:small', kind: 'earn', points: 0, at: at('2026-05-01T00:00:00Z') });
    expect(account).toEqual({ balance: 0, debt: 0, lots: [], seq: 1 });
    expect(entry).toMatchObject({ id: 'e:small', seq: 1, points: 0, debtChange: 0, lotExpiresAt: null });
  });

  it('writes a plain 0, never -0, when a credit settles nothing or a claw-back finds nothing (-0 formats as "-0")', () => {
    expect(Object.is(credit(EMPTY_ACCOUNT, { id: 'e:x', kind: 'earn', points: 5, at: at('2026-05-01T00:00:00Z') }).entry.debtChange, 0)).toBe(true);
    expect(Object.is(clawBack(EMPTY_ACCOUNT, { id: 'r:x', points: 0, at: at('2026-05-01T00:00:00Z') }).entry.points, 0)).toBe(true);
  });

  it.each([-1, 2.5, Number.POSITIVE_INFINITY])('treats a credit of %p points as a bug (throws)', (points) => {
    expect(() => credit(EMPTY_ACCOUNT, { id: 'e:x', kind: 'earn', points, at: at('2026-05-01T00:00:00Z') })).toThrow();
  });

  it.each([-1, 0.5])('treats a claw-back of %p points as a bug (throws)', (points) => {
    expect(() => clawBack(EMPTY_ACCOUNT, { id: 'r:x', points, at: at('2026-05-01T00:00:00Z') })).toThrow();
  });
});

describe('expiry writes one entry per lot whose expiry has come', () => {
  // expiring 2028-01-01, 2028-01-01, 2029-01-01 (Shanghai)
  const account = earned(['e:a', 100, '2026-03-01T10:00:00+08:00'], ['e:b', 40, '2026-11-01T10:00:00+08:00'], ['e:c', 70, '2027-06-01T10:00:00+08:00']);
  const spentSome = spend(account, { id: 's:1', points: 30, at: at('2027-07-01T00:00:00Z') })!.account; // e:a keeps 70

  it.each([
    ['a millisecond before the lots of 2026 expire', '2027-12-31T15:59:59.999Z', [], 180],
    ['at the very instant they expire (2028-01-01 00:00 Shanghai)', '2027-12-31T16:00:00.000Z', [['x:e:a', -70], ['x:e:b', -40]], 70],
    ['long after every lot expired', '2031-01-01T00:00:00Z', [['x:e:a', -70], ['x:e:b', -40], ['x:e:c', -70]], 0],
  ])('run %s (%s) writes %j, leaving %i points', (_name, now, entries, balance) => {
    const result = expireDue(spentSome, at(now));
    expect(result.entries.map((e) => [e.id, e.points])).toEqual(entries);
    expect(result.account.balance).toBe(balance);
    expect(result.account.lots.reduce((s, l) => s + l.remaining, 0)).toBe(balance);
  });

  it('expires what the lot still holds, links the lot, and dates the entry at the expiry instant', () => {
    const { entries, account: after } = expireDue(spentSome, at('2028-01-05T00:00:00Z'));
    expect(entries).toEqual([
      { id: 'x:e:a', kind: 'expire', seq: 5, points: -70, debtChange: 0, at: at('2028-01-01T00:00:00+08:00'), balanceAfter: 110, debtAfter: 0, lotExpiresAt: null, takes: [{ lotId: 'e:a', points: 70 }] },
      { id: 'x:e:b', kind: 'expire', seq: 6, points: -40, debtChange: 0, at: at('2028-01-01T00:00:00+08:00'), balanceAfter: 70, debtAfter: 0, lotExpiresAt: null, takes: [{ lotId: 'e:b', points: 40 }] },
    ]);
    expect(after).toMatchObject({ balance: 70, debt: 0, seq: 6 });
    expect(after.lots.map((l) => l.id)).toEqual(['e:c']);
  });

  it('names each expiry entry after its lot, so running expiry twice expires a lot once', () => {
    expect(expiryEntryId('e:S001:o-1')).toBe('x:e:S001:o-1');
    const once = expireDue(spentSome, at('2028-01-05T00:00:00Z'));
    expect(expireDue(once.account, at('2028-01-06T00:00:00Z')).entries).toEqual([]);
  });

  it('changes nothing when nothing is due', () => {
    const result = expireDue(spentSome, at('2027-08-01T00:00:00Z'));
    expect(result.entries).toEqual([]);
    expect(result.account).toEqual(spentSome);
  });

  it('leaves a debt alone (expiry takes only points that are there)', () => {
    const withDebt = clawBack(earned(['e:a', 10, '2026-03-01T10:00:00+08:00']), { id: 'r:1', points: 25, at: at('2026-04-01T00:00:00Z') }).account;
    expect(expireDue(withDebt, at('2030-01-01T00:00:00Z'))).toEqual({ account: withDebt, entries: [] });
  });
});

describe('the ledger numbers its entries and records the balance after each', () => {
  it('counts seq up by one per entry across every kind of entry, with balanceAfter and debtAfter', () => {
    const steps: Array<(a: PointsAccount) => { account: PointsAccount; entries: EntryDraft[] }> = [
      (a) => one(credit(a, { id: 'e:1', kind: 'earn', points: 100, at: at('2026-03-01T00:00:00Z') })),
      (a) => one(credit(a, { id: 'b:1', kind: 'bonus', points: 100, at: at('2026-03-01T00:00:00Z') })),
      (a) => one(spend(a, { id: 's:1', points: 150, at: at('2026-04-01T00:00:00Z') })!),
      (a) => one(clawBack(a, { id: 'r:1', points: 80, at: at('2026-04-02T00:00:00Z') })),
      (a) => one(credit(a, { id: 'e:2', kind: 'earn', points: 45, at: at('2026-05-01T00:00:00Z') })),
      (a) => expireDue(a, at('2029-01-01T00:00:00Z')),
    ];
    let account = EMPTY_ACCOUNT;
    const entries: EntryDraft[] = [];
    for (const step of steps) {
      const r = step(account);
      account = r.account;
      entries.push(...r.entries);
    }
    expect(entries.map((e) => [e.id, e.seq, e.points, e.debtChange, e.balanceAfter, e.debtAfter])).toEqual([
      ['e:1', 1, 100, 0, 100, 0],
      ['b:1', 2, 100, 0, 200, 0],
      ['s:1', 3, -150, 0, 50, 0],
      ['r:1', 4, -50, 30, 0, 30],
      ['e:2', 5, 15, -30, 15, 0],
      ['x:e:2', 6, -15, 0, 0, 0],
    ]);
    expect(account).toEqual({ balance: 0, debt: 0, lots: [], seq: 6 });
  });
});

describe('what expires next', () => {
  const account = earned(['e:a', 100, '2026-03-01T10:00:00+08:00'], ['e:b', 40, '2026-11-01T10:00:00+08:00'], ['e:c', 70, '2027-06-01T10:00:00+08:00']);

  it('is the earliest lot expiry, with every point expiring at that instant', () => {
    expect(nextExpiry(account)).toEqual(at('2028-01-01T00:00:00+08:00'));
    expect(nextExpiryBatch(account)).toEqual({ points: 140, expiresAt: at('2028-01-01T00:00:00+08:00') });
  });

  it('is nothing for an account without lots', () => {
    expect(nextExpiry(EMPTY_ACCOUNT)).toBeNull();
    expect(nextExpiryBatch(EMPTY_ACCOUNT)).toBeNull();
  });

  it.each([
    ['a millisecond before the first expiry', '2027-12-31T15:59:59.999Z', 0],
    ['the first expiry instant itself', '2027-12-31T16:00:00.000Z', 140],
    ['the second expiry instant', '2028-12-31T16:00:00.000Z', 210],
  ])('counts the points expiring by %s: %i', (_name, until, points) => {
    expect(expiringBy(account, at(until))).toBe(points);
  });
});

function one(r: { account: PointsAccount; entry: EntryDraft }) {
  return { account: r.account, entries: [r.entry] };
}
