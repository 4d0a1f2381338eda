/**
 * A till for the dev server (dev only): signs and sends an order or a refund exactly as a store's
 * POS would (ARCHITECTURE.md "POS signing"), so a person can watch points arrive.
 *
 *   npm run pos -- --store S001 --code <18-digit member code> --amount 399.00
 *   npm run pos -- refund --store S001 --order <orderId> --amount 100.00
 *   npm run pos -- quote --store S001 --code <member code> --amount 399.00   (the member's coupons for this basket)
 *   npm run pos -- --store S001 --code <member code> --amount 399.00 --coupon <couponId>
 *
 * Options: --order <id> (default a new one), --refund <id>, --paid-at <ISO instant> (default now),
 * --sku <sku>, --items "SKU:qty:price,SKU:qty:price" (the basket; --amount defaults to its total),
 * --coupon <couponId[,couponId]> (coupons the shopper uses), --secret <store secret> (default the demo store's), --url <dev server>
 * (default http://127.0.0.1:$PORT or 10086), --now <ISO instant> (the till's clock; default the
 * dev server's clock from GET /api/dev/clock, so a moved dev clock is followed, or this machine's
 * where the server has no dev clock), --json (print the raw answer only).
 */
import { randomBytes } from 'node:crypto';
import { parseInstant, yuanText } from '../cloudfunctions/contract/formats';
import { posSignature } from '../cloudfunctions/platform/posSigning';
import { DEMO_STORES } from '../local/seed';

const TIER_NAMES: Record<string, string> = { explorer: '探索者', grower: '成长者', loyal: '忠诚者' };

export class UsageError extends Error {}

type Command = 'order' | 'refund' | 'quote';

export function parseArgs(argv: string[]): { command: Command; opts: Record<string, string | true> } {
  const args = [...argv];
  const command = args[0] === 'refund' || args[0] === 'order' || args[0] === 'quote' ? (args.shift() as Command) : 'order';
  const opts: Record<string, string | true> = {};
  while (args.length) {
    const flag = args.shift()!;
    if (!flag.startsWith('--')) throw new UsageError(`unexpected "${flag}"`);
    const name = flag.slice(2);
    if (name === 'json') opts.json = true;
    else {
      const value = args.shift();
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      opts[name] = value;
    }
  }
  return { command, opts };
}

/** "399", "399.5", "399.00" → fen, exactly (no floating point); null for anything else ("1,000", "-1", "1.234"). */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/**
 * The dev server's time (`GET /api/dev/clock`, which follows `POST /api/dev/clock`); null when the
 * server has no such route (not a dev server) or cannot be asked: the caller falls back to its own clock.
 */
export async function serverNow(base: string): Promise<Date | null> {
  try {
    const res = await fetch(`${base}/api/dev/clock`, { method: 'GET', signal: AbortSignal.timeout(5_000) });
    if (!res.ok) return null;
    const answer = (await res.json()) as { ok?: unknown; data?: { now?: unknown } };
    if (answer.ok !== true || typeof answer.data?.now !== 'string') return null;
    const now = new Date(answer.data.now);
    return Number.isNaN(now.getTime()) ? null : now;
  } catch {
    return null;
  }
}

/**
 * The instant the till signs with (X-Timestamp) and, unless --paid-at says otherwise, says the
 * order was paid at: --now when given, else the dev server's clock, else this machine's. A till
 * whose clock is more than 5 minutes off the function's is refused (401), so a moved dev clock
 * must be followed.
 */
export async function tillNow(base: string, nowFlag?: string): Promise<{ now: Date; source: 'flag' | 'server' | 'local' }> {
  if (nowFlag !== undefined) {
    const now = parseInstant(nowFlag);
    if (!now) throw new UsageError('--now is an ISO-8601 instant with its offset, e.g. 2027-12-31T23:00:00+08:00');
    return { now, source: 'flag' };
  }
  const server = await serverNow(base);
  return server ? { now: server, source: 'server' } : { now: new Date(), source: 'local' };
}

/** "YYSHI011:2:199.00,YYTEE011:1:99" → till lines; null when a line is not sku:qty:price. */
export function parseItems(text: string): Array<{ sku: string; qty: number; priceFen: number }> | null {
  const lines = text.split(',').map((part) => {
    const m = /^([A-Za-z0-9._-]{1,64}):(\d{1,3}):(.+)$/.exec(part.trim());
    const priceFen = m ? yuanToFen(m[3]!) : null;
    return m && priceFen !== null && Number(m[2]) >= 1 ? { sku: m[1]!, qty: Number(m[2]), priceFen } : null;
  });
  return lines.length > 0 && lines.every((l) => l !== null) ? (lines as Array<{ sku: string; qty: number; priceFen: number }>) : null;
}

const need = (opts: Record<string, string | true>, name: string): string => {
  const v = opts[name];
  if (typeof v !== 'string') throw new UsageError(`--${name} is required`);
  return v;
};

async function main(): Promise<void> {
  const { command, opts } = parseArgs(process.argv.slice(2));
  const storeId = need(opts, 'store');
  const secret = typeof opts.secret === 'string' ? opts.secret : DEMO_STORES.find((s) => s._id === storeId)?.posSecret;
  if (!secret) throw new UsageError(`no demo secret for store ${storeId}: pass --secret`);
  const items = typeof opts.items === 'string' ? parseItems(opts.items) : undefined;
  if (items === null) throw new UsageError('--items is "SKU:qty:price,…", e.g. YYSHI011:2:199.00,YYTEE011:1:99 (the demo catalogue\'s SKUs)');
  const amountText = typeof opts.amount === 'string' ? opts.amount : items ? null : need(opts, 'amount');
  const amountFen = amountText === null ? items!.reduce((sum, i) => sum + i.qty * i.priceFen, 0) : yuanToFen(amountText);
  if (amountFen === null) throw new UsageError('--amount is yuan with at most two decimals, e.g. 399.00');
  const base = (typeof opts.url === 'string' ? opts.url : `http://127.0.0.1:${process.env.PORT ?? '10086'}`).replace(/\/$/, '');
  const { now } = await tillNow(base, typeof opts.now === 'string' ? opts.now : undefined);
  const couponIds = typeof opts.coupon === 'string' ? opts.coupon.split(',').map((c) => c.trim()).filter(Boolean) : [];

  let body: Record<string, unknown>;
  const basket = () => ({
    memberCode: need(opts, 'code').replace(/\s+/g, ''),
    amountFen,
    items: items ?? [{ sku: typeof opts.sku === 'string' ? opts.sku : 'YY-DEMO-001', qty: 1, priceFen: amountFen }],
    ...(couponIds.length ? { couponIds } : {}),
  });
  if (command === 'order') {
    const orderId = typeof opts.order === 'string' ? opts.order : `DEMO${Date.now()}${randomBytes(2).toString('hex')}`;
    const { memberCode, items: lines, couponIds: used } = basket();
    body = { orderId, memberCode, amountFen, items: lines, paidAt: typeof opts['paid-at'] === 'string' ? opts['paid-at'] : now.toISOString(), ...(used ? { couponIds: used } : {}) };
  } else if (command === 'quote') {
    body = basket();
  } else {
    body = {
      orderId: need(opts, 'order'),
      refundId: typeof opts.refund === 'string' ? opts.refund : `RF${Date.now()}${randomBytes(2).toString('hex')}`,
      amountFen,
    };
  }
  const raw = JSON.stringify(body);
  const timestamp = String(now.getTime());
  const nonce = randomBytes(12).toString('hex');
  let res: Response;
  try {
    res = await fetch(`${base}/api/pos/${command === 'order' ? 'orders' : command === 'quote' ? 'quotes' : 'refunds'}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-store-id': storeId,
        'x-timestamp': timestamp,
        'x-nonce': nonce,
        'x-signature': posSignature(secret, timestamp, nonce, raw),
      },
      body: raw,
    });
  } catch {
    throw new UsageError(`could not reach the dev server at ${base}: is \`npm start\` running?`);
  }
  const answer = (await res.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } };
  if (opts.json) {
    console.log(JSON.stringify({ status: res.status, ...answer }));
  } else if (answer.ok && command === 'order') {
    const d = answer.data;
    const coupons = (d.coupons as Array<{ name: string; discountFen: number }>).map((c) => `${c.name} -${yuanText(c.discountFen)}`).join('，');
    console.log(`✓ 订单 ${body.orderId} 已入账（${storeId}，实付 ${yuanText(d.payableFen)}${coupons ? `，用券：${coupons}` : ''}）`);
    console.log(`  会员 ${d.memberId}：+${d.pointsEarned} 积分，余额 ${d.balance}，等级 ${TIER_NAMES[d.tier] ?? d.tier}${d.tierChanged ? '（刚刚升级！）' : ''}`);
  } else if (answer.ok && command === 'quote') {
    const d = answer.data;
    console.log(`会员 ${d.memberId} 的券（本单 ${yuanText(amountFen)}）：`);
    for (const c of d.wallet as Array<{ couponId: string; name: string; value: string; rule: string; discountFen: number; problem: string | null }>) {
      console.log(`  ${c.couponId}  ${c.name} ${c.value}（${c.rule}）${c.problem ? `  不可用：${c.problem}` : `  可减 ${yuanText(c.discountFen)}`}`);
    }
    if ((d.wallet as unknown[]).length === 0) console.log('  （没有可用的券）');
    if (couponIds.length) console.log(`已选券合计减 ${yuanText(d.discountFen)}，应付 ${yuanText(d.payableFen)}`);
  } else if (answer.ok) {
    const d = answer.data;
    console.log(`✓ 退款 ${body.refundId} 已登记（订单 ${body.orderId}，退款 ${yuanText(amountFen)}，累计退款 ${yuanText(d.refundedFen)}）`);
    console.log(`  会员 ${d.memberId}：扣回 ${d.pointsClawedBack} 积分，余额 ${d.balance}${d.debt ? `，待抵扣 ${d.debt}` : ''}，等级 ${TIER_NAMES[d.tier] ?? d.tier}${d.tierChanged ? '（等级已调整）' : ''}`);
    if (d.couponsReturned?.length) console.log(`  已退回券包：${d.couponsReturned.join('，')}`);
  } else {
    console.error(`✗ HTTP ${res.status} ${answer.error?.code}: ${answer.error?.message}`);
  }
  if (!answer.ok) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((err) => {
    if (err instanceof UsageError) {
      console.error(
        `pos: ${err.message}\nusage: npm run pos -- --store S001 --code <member code> --amount 399.00 [--coupon <couponId>] [--items SKU:qty:price,…]\n       npm run pos -- quote --store S001 --code <member code> --amount 399.00\n       npm run pos -- refund --store S001 --order <orderId> --amount 100.00`,
      );
    } else console.error(err);
    process.exit(2);
  });
}
