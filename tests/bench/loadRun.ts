/**
 * A bounded loopback load run (issue 20, part 4): the dev server started as `npm start` starts it
 * (its own process, a temp data dir), autocannon driving a mixed workload over HTTP — card, till
 * code, claims, till quotes, orders and refunds (signed per request), quiz saves, outfit requests —
 * then every invariant checked by reading the data the server left in its journal.
 *
 * Each autocannon connection walks one member's visit: card → code → quote → order → refund →
 * claim → quiz save → outfits, the next visit with the next member. The members joined with an
 * inviter's code beforehand, so their first order qualifies a referral; afterwards the dev clock
 * moves past the return window and the settlement job runs twice at once, so "no referral
 * rewarded twice" is checked on referrals that did settle.
 *
 * Runnable alone: `npx tsx tests/bench/loadRun.ts [seconds] [connections]` (add `--write` to put
 * the figures into bench/latest.json); `npm run bench` runs it as one of its sections.
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { STYLE_QUIZ } from '../../cloudfunctions/domain/style';
import { installLocalCloud } from '../../local/cloud/install';
import { answers, colour, rate } from '../unit/styleFixtures';
import { pool, post, startDevServer, tempDataDir } from '../support/devServer';
import { accountProblems } from '../support/ledger';
import type { Harness } from '../support/harness';
import { SECRETS, signedHeaders } from '../support/pos';
import { percentile, round, table } from './stats';

/** The routes of a visit, in order; `expected` are the typed refusals the route may answer by design. */
const ROUTES = [
  { name: 'member.card', expected: [] },
  { name: 'member.code', expected: [] },
  { name: 'pos.quotes', expected: [] },
  { name: 'pos.orders', expected: [] },
  { name: 'pos.refunds', expected: [] },
  // the campaign of 100 (new-arrival-trial, 3 visits in 4: one stock document, the hot spot) runs out; a member's third winter-300-50 is over its limit
  { name: 'coupon.claim', expected: ['OUT_OF_STOCK', 'LIMIT_REACHED'] },
  { name: 'style.saveAnswers', expected: [] },
  { name: 'style.todayOutfits', expected: [] },
] as const;
type RouteName = (typeof ROUTES)[number]['name'];

export interface LoadRouteResult {
  route: RouteName;
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** typed refusals the route answers by design (stock gone, limit reached) */
  refused: number;
  /** which refusals, by code */
  refusedKinds: Record<string, number>;
  /** anything else that was not a success: transport errors, non-200, INTERNAL, an unexpected code */
  errors: number;
  /** what the errors were, by code or status */
  errorKinds: Record<string, number>;
}

export interface InvariantResult {
  name: string;
  /** how many records it looked at (a check over nothing proves nothing: the run says so) */
  checked: number;
  problems: string[];
}

export interface LoadRunReport {
  seconds: number;
  connections: number;
  members: number;
  inviters: number;
  requests: number;
  requestsPerSecond: number;
  /** autocannon's figures over every request */
  p50Ms: number;
  p99Ms: number;
  transportErrors: number;
  routes: LoadRouteResult[];
  referralsSettled: number;
  invariants: InvariantResult[];
}

export interface LoadRunOptions {
  seconds: number;
  connections: number;
  /** members who take turns visiting (more than the connections, so no member has two visits at once) */
  members: number;
  /** inviters the members joined through (the daily cap of 3 settlements each leaves some deferred) */
  inviters: number;
}

export const LOAD_RUN_DEFAULTS: LoadRunOptions = { seconds: 30, connections: 16, members: 300, inviters: 50 };

/** the seed's campaign with stock (100, 1 per member) on 3 visits in 4, an unlimited one (2 per member) on the 4th */
const claimTemplate = (visit: number) => (visit % 4 === 3 ? 'winter-300-50' : 'new-arrival-trial');
/** the first board screen of the quiz, as the app saves it */
const QUIZ_PART = (() => {
  const step = STYLE_QUIZ.steps.find((s) => s.kind === 'boards');
  const all = answers({ boards: rate(['parisAfternoon', 'frenchKnit']), colour: colour('green gold tans auburn warmBrown low') });
  if (!step || step.kind !== 'boards') throw new Error('the quiz has no board screen');
  return { boards: Object.fromEntries(step.boards.map((b) => [b.id, all.boards[b.id]!])) };
})();

interface VisitContext {
  openid?: string;
  code?: string;
  orderId?: string;
  amountFen?: number;
  visit?: number;
  started?: number;
}

type Req = { method: string; path: string; headers: Record<string, string>; body: string };

function fnRequest(fn: string, openid: string, data: unknown): Req {
  return { method: 'POST', path: `/api/fn/${fn}`, headers: { 'content-type': 'application/json', 'x-openid': openid }, body: JSON.stringify(data) };
}

/** A till request signed for this moment with a fresh nonce, as a till of S001 signs each one. */
function posRequest(route: 'orders' | 'refunds' | 'quotes', body: unknown): Req {
  const raw = JSON.stringify(body);
  return { method: 'POST', path: `/api/pos/${route}`, headers: signedHeaders(raw, { storeId: 'S001', secret: SECRETS.S001!, timestamp: Date.now() }), body: raw };
}

async function ok(url: string, body: unknown, headers: Record<string, string> = {}): Promise<any> {
  const answer = await post(url, body, headers);
  if (answer.status !== 200 || !answer.body?.ok) throw new Error(`${url} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

/** Inviters with their codes, members joined through them (3–7 each), each with a quiz begun. */
async function prepare(base: string, opts: LoadRunOptions): Promise<string[]> {
  const fn = (name: string, openid: string, data: unknown) => ok(`${base}api/fn/${name}`, data, { 'x-openid': openid });
  const enroll = { action: 'enroll', storeId: 'S001', privacyAccepted: true };
  const codes = await pool(opts.inviters, opts.connections, async (i) => {
    await fn('member', `load-inviter-${i}`, enroll);
    return (await fn('referral', `load-inviter-${i}`, { action: 'mine' })).code as string;
  });
  const members = Array.from({ length: opts.members }, (_x, i) => `load-member-${i}`);
  await pool(members.length, opts.connections, (i) => fn('member', members[i]!, { ...enroll, ref: codes[i % codes.length] }));
  return members;
}

/** One connection's visit, request by request; latencies and outcomes recorded per route. */
function visitRequests(members: string[], record: (route: RouteName, ms: number, outcome: string) => void) {
  let nextVisit = 0;
  const timed = (route: RouteName, build: (c: VisitContext) => Req | null, after?: (c: VisitContext, body: any) => void) => ({
    setupRequest: (req: Req, context: VisitContext) => {
      if (route === 'member.card') {
        context.visit = nextVisit++;
        context.openid = members[context.visit % members.length]!;
      }
      const built = build(context);
      if (!built) return null as never;
      context.started = performance.now();
      return { ...req, ...built };
    },
    onResponse: (status: number, body: string, context: VisitContext) => {
      const ms = performance.now() - (context.started ?? performance.now());
      let parsed: any = null;
      try {
        parsed = JSON.parse(body);
      } catch {
        // not JSON: an error by status below
      }
      const outcome = status === 200 && parsed?.ok ? 'ok' : parsed?.error?.code ? String(parsed.error.code) : `HTTP ${status}`;
      record(route, ms, outcome);
      if (outcome === 'ok') after?.(context, parsed.data);
    },
  });
  return [
    timed('member.card', (c) => fnRequest('member', c.openid!, { action: 'card' })),
    timed('member.code', (c) => fnRequest('member', c.openid!, { action: 'code' }), (c, data) => (c.code = data.code)),
    timed('pos.quotes', (c) => {
      c.amountFen = 12_000 + (c.visit! % 50) * 1_000;
      return posRequest('quotes', { memberCode: c.code ?? '000000000000000000', amountFen: c.amountFen, items: [{ sku: 'SKU-1', qty: 1, priceFen: c.amountFen }] });
    }),
    timed(
      'pos.orders',
      (c) => {
        c.orderId = `L${c.visit!.toString(36)}x${process.pid.toString(36)}`;
        return posRequest('orders', {
          orderId: c.orderId,
          memberCode: c.code ?? '000000000000000000',
          amountFen: c.amountFen,
          items: [{ sku: 'SKU-1', qty: 1, priceFen: c.amountFen }],
          paidAt: new Date().toISOString(),
        });
      },
      (c) => (c.code = undefined),
    ),
    // a small partial refund (a tenth), so the referral's order stays above the programme's minimum
    timed('pos.refunds', (c) => posRequest('refunds', { orderId: c.orderId, refundId: `${c.orderId}-r`, amountFen: Math.floor(c.amountFen! / 10) })),
    timed('coupon.claim', (c) => fnRequest('coupon', c.openid!, { action: 'claim', templateId: claimTemplate(c.visit!) })),
    timed('style.saveAnswers', (c) => fnRequest('style', c.openid!, { action: 'saveAnswers', attempt: 1, answers: QUIZ_PART })),
    timed('style.todayOutfits', (c) => fnRequest('style', c.openid!, { action: 'todayOutfits', scene: '休闲' })),
  ];
}

/** Moves the dev clock past the return window and runs the settlement twice at once (a retried timer). */
async function settleReferrals(base: string): Promise<void> {
  const inEightDays = new Date(Date.now() + 8 * 86_400_000).toISOString();
  await ok(`${base}api/dev/clock`, { now: inEightDays });
  await Promise.all([ok(`${base}api/dev/jobs/referral-settlement`, {}), ok(`${base}api/dev/jobs/referral-settlement`, {})]);
}

type Docs = Array<Record<string, any>>;

/** Every invariant the issue names, read from the data the server left. */
export function checkInvariants(read: (collection: string) => Docs, harnessLike: Pick<Harness, 'cloud'>): { invariants: InvariantResult[]; referralsSettled: number } {
  const members = read('members');
  const coupons = read('coupons');
  const stock = read('couponStock');
  const templates = new Map(read('couponTemplates').map((t) => [t._id as string, t]));
  const referrals = read('referrals');
  const invariants: InvariantResult[] = [];

  // balances = ledgers ≥ 0 (the points account's own check: sum, lots, debt, seq, running figures)
  invariants.push({ name: 'every balance equals its ledger and is ≥ 0', checked: members.length, problems: members.flatMap((m) => accountProblems(harnessLike as Harness, m._id).map((p) => `${m._id}: ${p}`)) });

  // stock never below 0, and what is issued against it is what it gave out
  const stockProblems: string[] = [];
  const heldByTemplate = new Map<string, number>();
  for (const c of coupons) if (c.status !== 'issuing') heldByTemplate.set(c.templateId, (heldByTemplate.get(c.templateId) ?? 0) + 1);
  const stockByTemplate = new Map<string, { total: number; remaining: number }>();
  for (const s of stock) {
    const templateId = (s.templateId as string | undefined) ?? String(s._id).split('#')[0]!;
    if (s.remaining < 0) stockProblems.push(`${s._id}: remaining ${s.remaining} < 0`);
    if (Array.isArray(s.holders) && s.holders.length !== s.total - s.remaining) stockProblems.push(`${s._id}: ${s.holders.length} holders for ${s.total - s.remaining} units given out`);
    const sum = stockByTemplate.get(templateId) ?? { total: 0, remaining: 0 };
    stockByTemplate.set(templateId, { total: sum.total + s.total, remaining: sum.remaining + s.remaining });
  }
  for (const [templateId, s] of stockByTemplate) {
    const held = heldByTemplate.get(templateId) ?? 0;
    // every claim has finished: each unit given out is held by exactly one coupon, none lost, none twice
    if (held !== s.total - s.remaining) stockProblems.push(`${templateId}: ${held} coupons held, ${s.total - s.remaining} units given out`);
  }
  invariants.push({ name: 'stock never below 0, each unit given out held by one coupon', checked: stock.length, problems: stockProblems });

  // no coupon issued twice: per member and template, never past the template's per-member limit
  const perMember = new Map<string, number>();
  for (const c of coupons) if (c.status !== 'issuing' && c.channel === 'claim') perMember.set(`${c.templateId} ${c.memberId}`, (perMember.get(`${c.templateId} ${c.memberId}`) ?? 0) + 1);
  const twice: string[] = [];
  for (const [key, n] of perMember) {
    const limit = templates.get(key.split(' ')[0]!)?.perMember;
    if (typeof limit === 'number' && n > limit) twice.push(`${key}: ${n} claimed, limit ${limit}`);
  }
  invariants.push({ name: 'no coupon claimed past its per-member limit', checked: perMember.size, problems: twice });

  // no referral rewarded twice: one settlement per referral on the inviter, one pass per invitee
  const settled = referrals.filter((r) => r.status === 'settled');
  const referralProblems: string[] = [];
  const referralCoupons = coupons.filter((c) => c.channel === 'referral');
  for (const m of members) {
    const keys = (m.referralsSettled ?? []).map((s: { key: string }) => s.key);
    if (new Set(keys).size !== keys.length) referralProblems.push(`${m._id}: a referral settled twice in its standing`);
    const asInviter = settled.filter((r) => r.inviterId === m._id).length;
    if ((m.referralsSettledTotal ?? 0) !== asInviter) referralProblems.push(`${m._id}: ${m.referralsSettledTotal ?? 0} settlements counted, ${asInviter} referrals settled`);
    const asInvitee = settled.filter((r) => r.inviteeId === m._id).length;
    const mine = referralCoupons.filter((c) => c.memberId === m._id);
    // the inviter gets a pass and a step reward per settled referral, the invitee one pass
    if (mine.length > 2 * asInviter + asInvitee) referralProblems.push(`${m._id}: ${mine.length} referral coupons for ${asInviter} settled as inviter, ${asInvitee} as invitee`);
  }
  invariants.push({ name: 'no referral rewarded twice', checked: settled.length, problems: referralProblems });
  return { invariants, referralsSettled: settled.length };
}

export async function measureLoadRun(opts: LoadRunOptions = LOAD_RUN_DEFAULTS): Promise<LoadRunReport> {
  const dataDir = tempDataDir();
  const server = await startDevServer({ dataDir });
  const samples = new Map<RouteName, { ms: number[]; outcomes: Map<string, number> }>(ROUTES.map((r) => [r.name, { ms: [], outcomes: new Map() }]));
  let result: autocannon.Result;
  let t0 = 0;
  try {
    const members = await prepare(server.url, opts);
    const record = (route: RouteName, ms: number, outcome: string) => {
      const s = samples.get(route)!;
      s.ms.push(ms);
      s.outcomes.set(outcome, (s.outcomes.get(outcome) ?? 0) + 1);
    };
    t0 = performance.now();
    result = await autocannon({
      url: server.url,
      connections: opts.connections,
      duration: opts.seconds,
      requests: visitRequests(members, record),
    });
    t0 = (performance.now() - t0) / 1000;
    await settleReferrals(server.url);
  } finally {
    await server.stop();
  }
  // the data as the server left it: its journal, loaded by a local cloud of this process
  const cloud = installLocalCloud({ journalFile: path.join(dataDir, 'journal.ndjson') });
  const read = (c: string) => [...cloud.db.collection(c).values()].map((e) => e.doc) as Docs;
  const { invariants, referralsSettled } = checkInvariants(read, { cloud } as Pick<Harness, 'cloud'>);
  cloud.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const routes = ROUTES.map(({ name, expected }) => {
    const s = samples.get(name)!;
    const errorKinds: Record<string, number> = {};
    const refusedKinds: Record<string, number> = {};
    for (const [outcome, n] of s.outcomes) {
      if (outcome === 'ok') continue;
      if ((expected as readonly string[]).includes(outcome)) refusedKinds[outcome] = n;
      else errorKinds[outcome] = n;
    }
    return {
      route: name,
      requests: s.ms.length,
      perSecond: round(s.ms.length / t0, 0),
      p50Ms: round(percentile(s.ms, 50), 1),
      p99Ms: round(percentile(s.ms, 99), 1),
      refused: Object.values(refusedKinds).reduce((a, b) => a + b, 0),
      refusedKinds,
      errors: Object.values(errorKinds).reduce((a, b) => a + b, 0),
      errorKinds,
    };
  });
  return {
    seconds: round(t0, 1),
    connections: opts.connections,
    members: opts.members,
    inviters: opts.inviters,
    requests: result!.requests.total,
    requestsPerSecond: round(result!.requests.total / t0, 0),
    p50Ms: result!.latency.p50,
    p99Ms: result!.latency.p99,
    transportErrors: result!.errors + result!.timeouts,
    routes,
    referralsSettled,
    invariants,
  };
}

const kinds = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${k}×${n}`)
    .join(' ');

export function loadRunTable(r: LoadRunReport): string {
  const routes = table(
    ['route', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'refused (by design)', 'errors', 'which'],
    r.routes.map((x) => [x.route, x.requests, x.perSecond, x.p50Ms, x.p99Ms, x.refused, x.errors, kinds({ ...x.refusedKinds, ...x.errorKinds })]),
  );
  const invariants = table(
    ['invariant', 'records checked', 'holds'],
    r.invariants.map((i) => [i.name, i.checked, i.problems.length === 0 ? 'yes' : `NO: ${i.problems.slice(0, 3).join('; ')}${i.problems.length > 3 ? ` (+${i.problems.length - 3})` : ''}`]),
  );
  return (
    `${r.requests.toLocaleString('en')} requests in ${r.seconds} s = ${r.requestsPerSecond} req/s over ${r.connections} connections; ` +
    `p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms; transport errors ${r.transportErrors}\n${routes}\n` +
    `after the run (${r.referralsSettled} referrals settled by the job run twice at once):\n${invariants}`
  );
}

async function main(): Promise<void> {
  const [seconds, connections] = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
  const opts = { ...LOAD_RUN_DEFAULTS, ...(seconds ? { seconds } : {}), ...(connections ? { connections } : {}) };
  const report = await measureLoadRun(opts);
  console.log(`Load run: the dev server over loopback, autocannon, a mixed visit per member (${opts.members} members)\n${loadRunTable(report)}`);
  if (process.argv.includes('--write')) {
    const file = path.resolve(__dirname, '../../bench/latest.json');
    const latest = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    fs.writeFileSync(file, `${JSON.stringify({ ...latest, loadRun: report }, null, 2)}\n`);
  }
  if (report.invariants.some((i) => i.problems.length > 0)) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
