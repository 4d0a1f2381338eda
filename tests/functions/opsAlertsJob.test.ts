import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import type { StoreAlert } from '../../cloudfunctions/domain/ops/alerts/alert';
import type { Member } from '../../cloudfunctions/domain/member';
import type { Doc, Write } from '../../local/cloud/database';
import { createHarness, type Harness } from '../support/harness';
import { runJobs } from '../support/ledger';
import { memberWith, putMembers } from '../support/todoMembers';

/** 02:00 in Shanghai on Sunday 6 December 2026: the night's run judges Saturday 5 December. */
const NIGHT = '2026-12-05T18:00:00.000Z';
const MANAGER = 'manager-S001';
const run = (extra: Record<string, unknown> = {}) => ({ action: 'run', job: 'alerts', ...extra });
const alerts = (h: Harness) => [...h.cloud.db.collection(COLLECTIONS.storeAlerts).values()].map((e) => e.doc as unknown as StoreAlert);
const alertIds = (h: Harness) => alerts(h).map((a) => a._id).sort();

let n = 0;
/** `count` members of the store who joined at noon (Shanghai) on `day`. */
function joinedOn(store: string, day: string, count: number): Member[] {
  return Array.from({ length: count }, () => ({ ...memberWith(`9${String((n += 1)).padStart(11, '0')}`, { joinedAt: new Date(`${day}T04:00:00.000Z`) }), homeStore: { storeId: store, name: store } }));
}
/** `count` coupons used at the store at noon on `day`. */
function usedOn(store: string, day: string, count: number): Write[] {
  return Array.from({ length: count }, () => {
    const id = `winter-300-50:x:${(n += 1)}`;
    return { c: COLLECTIONS.coupons, id, doc: { _id: id, memberId: '100000000000', templateId: 'winter-300-50', name: '冬装满减券', status: 'used', usedAt: new Date(`${day}T04:00:00.000Z`), usedOrder: `${store}:o${n}` } as unknown as Doc };
  });
}

/**
 * S001 (open since 2025): Saturdays of 8 new members in the 4 weeks before, then 2 on 5 December —
 * a fall of 75 %; coupon use 4 a Saturday, then 20 (5×). S002 opened on 20 November (under 4 weeks
 * of history) and had the same fall: too new to judge.
 */
async function night(extraStores = 0) {
  const h = await createHarness(NIGHT);
  const saturdays = ['2026-11-07', '2026-11-14', '2026-11-21', '2026-11-28'];
  await putMembers(h.cloud.db, [
    ...joinedOn('S001', '2025-03-01', 1),
    ...saturdays.flatMap((d) => joinedOn('S001', d, 8)),
    ...joinedOn('S001', '2026-12-05', 2),
    ...joinedOn('S002', '2026-11-20', 1),
    ...['2026-11-21', '2026-11-28'].flatMap((d) => joinedOn('S002', d, 8)),
    ...joinedOn('S002', '2026-12-05', 1),
  ]);
  await h.cloud.db.apply([...saturdays.flatMap((d) => usedOn('S001', d, 4)), ...usedOn('S001', '2026-12-05', 20)]);
  if (extraStores > 0) {
    await h.cloud.db.apply(
      Array.from({ length: extraStores }, (_, i) => {
        const id = `T${String(i).padStart(3, '0')}`;
        return { c: COLLECTIONS.stores, id, doc: { _id: id, name: `测试店${i}`, city: '上海', address: '—', posSecret: 'x', active: true } as unknown as Doc };
      }),
    );
    // every one of them open long and quiet on its Saturdays: each falls from 4 to 0
    await putMembers(h.cloud.db, Array.from({ length: extraStores }, (_, i) => `T${String(i).padStart(3, '0')}`).flatMap((s) => [...joinedOn(s, '2025-03-01', 1), ...saturdays.flatMap((d) => joinedOn(s, d, 4))]));
  }
  return h;
}

describe('the alerts job (经营预警)', () => {
  it('raises S001’s fall in new members and its coupon surge for yesterday, and nothing for S002, a store under 4 weeks old', async () => {
    const h = await night();
    expect(await runJobs(h, run())).toMatchObject({ ok: true, data: { runs: [{ job: 'alerts', runDate: '2026-12-06', done: true, changed: 2 }] } });
    expect(alertIds(h)).toEqual(['S001:couponSurge:2026-12-05', 'S001:signupDrop:2026-12-05']);
    const drop = alerts(h).find((a) => a.rule === 'signupDrop')!;
    expect(drop).toMatchObject({ storeId: 'S001', value: 2, baseline: 8, state: 'open' });
    expect(drop.text).toContain('12月5日 周六 新入会 2 人，前 4 周同为周六平均 8.0 人，低 75%');
  });

  it('raises each alert once: a rerun, a restart of the day and two runners at once add none', async () => {
    const h = await night();
    await runJobs(h, run());
    expect(await runJobs(h, run({ restart: true }))).toMatchObject({ ok: true, data: { runs: [{ done: true, changed: 0 }] } });
    const [a, b] = await Promise.all([runJobs(h, run({ restart: true })), runJobs(h, run({ restart: true }))]);
    expect([a, b]).toMatchObject([{ ok: true }, { ok: true }]);
    expect(alertIds(h)).toEqual(['S001:couponSurge:2026-12-05', 'S001:signupDrop:2026-12-05']);
  });

  it('works through 45 stores in batches of 20 from its checkpoint: stopped after one batch, the next call finishes, each store alarmed once', async () => {
    const h = await night(45);
    expect(await runJobs(h, run({ maxBatches: 1 }))).toMatchObject({ ok: true, data: { runs: [{ processed: 20, done: false }] } });
    expect(await runJobs(h, run())).toMatchObject({ ok: true, data: { runs: [{ processed: 47, done: true }] } });
    expect(alertIds(h).filter((id) => id.startsWith('T'))).toHaveLength(45);
    expect(await runJobs(h, run({ restart: true }))).toMatchObject({ ok: true, data: { runs: [{ processed: 47, changed: 0 }] } });
    expect(alerts(h)).toHaveLength(47);
  });

  it('a crash midway (the function dies on its 30th alert) loses nothing: the rerun and two parallel runners finish with each store alarmed once', async () => {
    const h = await night(45);
    const apply = h.cloud.db.apply.bind(h.cloud.db);
    let written = 0;
    const crash = jest.spyOn(h.cloud.db, 'apply').mockImplementation((writes) => {
      if (writes.some((w) => w.c === COLLECTIONS.storeAlerts) && ++written >= 30) throw new Error('container killed');
      return apply(writes);
    });
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await runJobs(h, run())).toMatchObject({ ok: true, data: { runs: [{ done: false, failed: true }] } });
    } finally {
      crash.mockRestore();
      quiet.mockRestore();
    }
    expect(alerts(h).length).toBe(29);
    await Promise.all([runJobs(h, run()), runJobs(h, run())]);
    expect(await runJobs(h, run())).toMatchObject({ ok: true, data: { runs: [{ done: true }] } });
    expect(alerts(h)).toHaveLength(47);
    expect(new Set(alerts(h).map((a) => a.storeId)).size).toBe(46);
  });

  it('a store that is closed for good (inactive) is not judged', async () => {
    const h = await night();
    await h.cloud.db.apply([{ c: COLLECTIONS.stores, id: 'S001', doc: { ...(h.cloud.db.find(COLLECTIONS.stores, { _id: 'S001' })[0] as Doc), active: false } }]);
    expect(await runJobs(h, run())).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 0 }] } });
    expect(alerts(h)).toEqual([]);
  });

  it('the next night judges the next day: Sunday was quiet, nothing new', async () => {
    const h = await night();
    await runJobs(h, run());
    h.clock.advance(86_400_000);
    expect(await runJobs(h, run())).toMatchObject({ ok: true, data: { runs: [{ runDate: '2026-12-07', changed: 0 }] } });
  });
});

describe('the manager’s alerts', () => {
  it('lists the open alerts with the rules, marks one handled once (a second try is CONFLICT) and shows it among the handled', async () => {
    const h = await night();
    await runJobs(h, run());
    const open = await h.call('ops', MANAGER, { action: 'alerts' });
    expect(open).toMatchObject({ ok: true, data: { open: 2, rules: [{ code: 'signupDrop', name: '新会员骤降', active: true }, { code: 'couponSurge', name: '用券异常激增' }] } });
    if (!open.ok) return;
    expect(open.data.items.map((a: { ruleName: string; dayText: string }) => `${a.ruleName} ${a.dayText}`).sort()).toEqual(['新会员骤降 12月5日 周六', '用券异常激增 12月5日 周六']);
    const alertId = 'S001:signupDrop:2026-12-05';
    expect(await h.call('ops', MANAGER, { action: 'closeAlert', alertId })).toMatchObject({ ok: true, data: { alertId, state: 'done' } });
    expect(await h.call('ops', MANAGER, { action: 'closeAlert', alertId })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'already handled by 林店长' } });
    expect(await h.call('ops', MANAGER, { action: 'alerts', view: 'closed' })).toMatchObject({ ok: true, data: { open: 1, items: [{ alertId, state: 'done', closedBy: '林店长' }] } });
    expect(await h.call('ops', MANAGER, { action: 'dashboard', days: 7 })).toMatchObject({ ok: true, data: { alertsOpen: 1 } });
  });

  it('two managers’ phones marking the same alert at once: one does it, the other is told it was done', async () => {
    const h = await night();
    await runJobs(h, run());
    const alertId = 'S001:couponSurge:2026-12-05';
    const answers = await Promise.all([h.call('ops', MANAGER, { action: 'closeAlert', alertId }), h.call('ops', MANAGER, { action: 'closeAlert', alertId })]);
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
    expect(alerts(h).find((a) => a._id === alertId)).toMatchObject({ state: 'done', closedBy: { name: '林店长' } });
  });

  it('another store’s alert is not found, and an unknown one neither', async () => {
    const h = await night();
    await h.cloud.db.apply([{ c: COLLECTIONS.staff, id: 'manager-S002', doc: { _id: 'manager-S002', storeId: 'S002', name: '吴店长', role: 'manager', active: true } }]);
    await runJobs(h, run());
    expect(await h.call('ops', 'manager-S002', { action: 'closeAlert', alertId: 'S001:signupDrop:2026-12-05' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call('ops', 'manager-S002', { action: 'alerts' })).toMatchObject({ ok: true, data: { open: 0, items: [] } });
    expect(await h.call('ops', MANAGER, { action: 'closeAlert', alertId: 'S001:signupDrop:2026-12-04' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(alerts(h).every((a) => a.state === 'open')).toBe(true);
  });
});
