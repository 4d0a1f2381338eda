import { STYLE_QUIZ } from '../../cloudfunctions/domain/style';
import type { QuizAnswers } from '../../cloudfunctions/contract/styleQuiz';
import { createHarness, type Harness } from '../support/harness';
import { deliver, orderBody, tillCode } from '../support/pos';
import { answers, colour, rate } from '../unit/styleFixtures';

/** A warm, soft, mid-value member who loves 法式 and 简约 boards (the fixtures' plain base otherwise). */
const AUTUMN = answers({ boards: rate(['parisAfternoon', 'frenchKnit']), colour: colour('green gold tans auburn warmBrown low') });

/** The quiz's steps each as the answers one screen saves. */
function byStep(all: QuizAnswers): QuizAnswers[] {
  return STYLE_QUIZ.steps.map((step) => {
    switch (step.kind) {
      case 'boards':
        return { boards: Object.fromEntries(step.boards.map((b) => [b.id, all.boards![b.id]!])) };
      case 'colour':
        return { colour: { [step.question]: all.colour![step.question] } };
      case 'likes':
        return { likedColours: all.likedColours, dislikedColours: all.dislikedColours };
      case 'scenes':
        return { scenes: all.scenes };
      case 'fit':
        return { fit: all.fit };
      case 'sizes':
        return { sizes: all.sizes };
      case 'prices':
        return { prices: all.prices };
    }
  });
}

async function saveAll(h: Harness, openid: string, all: QuizAnswers, attempt = 1) {
  for (const part of byStep(all)) {
    const saved = await h.call('style', openid, { action: 'saveAnswers', attempt, answers: part });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  }
}

describe('the style quiz (style function)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    await h.join('ann', { nickname: '安' });
  });

  it('opens with 12–16 steps, every board drawn from the catalogue\'s products, and nothing answered', async () => {
    const quiz = await h.call('style', 'ann', { action: 'quiz' });
    expect(quiz.ok).toBe(true);
    if (!quiz.ok) return;
    expect(quiz.data.quiz.steps.length).toBeGreaterThanOrEqual(12);
    expect(quiz.data.quiz.steps.length).toBeLessThanOrEqual(16);
    expect(quiz.data.progress).toMatchObject({ answered: 0, total: quiz.data.quiz.steps.length });
    for (const step of quiz.data.quiz.steps) {
      if (step.kind !== 'boards') continue;
      for (const board of step.boards) {
        const pictures = quiz.data.boardPictures[board.id];
        expect(pictures.length).toBeGreaterThanOrEqual(3);
        expect(new Set(pictures.map((p: { sku: string }) => p.sku)).size).toBe(pictures.length);
        for (const p of pictures) expect(p.image).toMatch(/^\/static\/products\/[A-Z0-9]+\.svg$/);
      }
    }
  });

  it('keeps the answers on the server: a member who leaves halfway and comes back finds them', async () => {
    const steps = byStep(AUTUMN);
    for (const part of steps.slice(0, 7)) expect((await h.call('style', 'ann', { action: 'saveAnswers', attempt: 1, answers: part })).ok).toBe(true);
    const back = await h.call('style', 'ann', { action: 'quiz' });
    expect(back.ok && back.data.progress.answered).toBe(7);
    expect(back.ok && back.data.answers.colour).toEqual(Object.assign({}, ...steps.slice(0, 7).map((s) => s.colour ?? {})));
  });

  it('two steps saved at once both stay', async () => {
    const [a, b] = byStep(AUTUMN).filter((s) => s.colour);
    await Promise.all([h.call('style', 'ann', { action: 'saveAnswers', attempt: 1, answers: a }), h.call('style', 'ann', { action: 'saveAnswers', attempt: 1, answers: b })]);
    const back = await h.call('style', 'ann', { action: 'quiz' });
    expect(back.ok && Object.keys(back.data.answers.colour)).toHaveLength(2);
  });

  it('refuses an option the quiz does not offer, a colour both loved and avoided, and a stray field, changing nothing', async () => {
    expect(await h.call('style', 'ann', { action: 'saveAnswers', attempt: 1, answers: { colour: { veins: 'purple' } } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('style', 'ann', { action: 'saveAnswers', attempt: 1, answers: { likedColours: ['red'], dislikedColours: ['red'] } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '同一个颜色不能既喜欢又不想穿' } });
    expect(await h.call('style', 'ann', { action: 'saveAnswers', attempt: 1, answers: { $where: 'x' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('style', 'ann', { action: 'saveAnswers', attempt: 1, answers: { 'boards.x': '喜欢' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('style', 'ann', { action: 'saveAnswers', attempt: 1, answers: { boards: { notABoard: '喜欢' } } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('style', 'ann', { action: 'saveAnswers', attempt: 1, answers: { boards: { 'a.b': '喜欢' } } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('style', 'ann', { action: 'saveAnswers', attempt: 0, answers: {} })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // half a step names what the quiz does not offer: refused too
    expect(await h.call('style', 'ann', { action: 'saveAnswers', attempt: 1, answers: { likedColours: ['zzz'] } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('style', 'ann', { action: 'saveAnswers', attempt: 1, answers: { prices: { shoes: 'zzz' } } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const back = await h.call('style', 'ann', { action: 'quiz' });
    expect(back.ok && back.data.progress.answered).toBe(0);
  });

  it('refuses to score an unfinished quiz, saying how many steps are left', async () => {
    await h.call('style', 'ann', { action: 'saveAnswers', attempt: 1, answers: byStep(AUTUMN)[0] });
    const submitted = await h.call('style', 'ann', { action: 'submit', attempt: 1 });
    expect(submitted).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/还有 \d+ 步没有完成/) } });
  });

  it('is for members only', async () => {
    expect(await h.call('style', 'stranger', { action: 'quiz' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    expect(await h.call('style', null, { action: 'tags' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  describe('finishing it', () => {
    it('gives a report with a season, style shares summing to 100, products that fit, and the 穿搭诊断 coupon in the wallet', async () => {
      await saveAll(h, 'ann', AUTUMN);
      const report = await h.call('style', 'ann', { action: 'submit', attempt: 1 });
      expect(report.ok).toBe(true);
      if (!report.ok) return;
      expect(report.data.report.colour.sentence).toMatch(/：.季型 · /);
      expect(report.data.report.style.shares.reduce((s: number, x: { share: number }) => s + x.share, 0)).toBe(100);
      expect(report.data.products.length).toBeGreaterThan(0);
      const avoid = new Set(report.data.report.palette.avoid.map((c: { hex: string }) => c.hex));
      for (const p of report.data.products) expect(avoid.has(p.colours[0].hex)).toBe(false);
      expect(report.data.diagnosisCoupon).toMatchObject({ justIssued: true, coupon: { status: 'available', kind: 'categoryAmountOff' } });
      const wallet = await h.call('coupon', 'ann', { action: 'list', status: 'available' });
      expect(JSON.stringify(wallet)).toContain(report.data.diagnosisCoupon.coupon.name);
    });

    it('20 parallel submissions make one report and one coupon', async () => {
      await saveAll(h, 'ann', AUTUMN);
      const answersOf = await Promise.all(Array.from({ length: 20 }, () => h.call('style', 'ann', { action: 'submit', attempt: 1 })));
      expect(answersOf.every((a) => a.ok)).toBe(true);
      expect(h.cloud.db.count('styleReports', {})).toBe(1);
      expect(h.cloud.db.count('coupons', { channel: 'style' })).toBe(1);
      expect(answersOf.filter((a) => a.ok && a.data.diagnosisCoupon?.justIssued)).toHaveLength(1);
    });

    it('a retake replaces the report and keeps the history; no second coupon', async () => {
      await saveAll(h, 'ann', AUTUMN);
      const first = await h.call('style', 'ann', { action: 'submit', attempt: 1 });
      expect((await h.call('style', 'ann', { action: 'retake', attempt: 1 })).ok && true).toBe(true);
      const fresh = await h.call('style', 'ann', { action: 'quiz' });
      expect(fresh.ok && [fresh.data.attempt, fresh.data.progress.answered, fresh.data.scored, fresh.data.hasReport]).toEqual([2, 0, false, true]);
      // a page still showing the first attempt cannot write into the second
      expect(await h.call('style', 'ann', { action: 'saveAnswers', attempt: 1, answers: byStep(AUTUMN)[0] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const COOL = answers({ boards: rate(['skate', 'morningRun']), colour: colour('blue silver burns black clear high') });
      await saveAll(h, 'ann', COOL, 2);
      const second = await h.call('style', 'ann', { action: 'submit', attempt: 2 });
      expect(second.ok && second.data).toMatchObject({ attempt: 2, latest: true, earlier: 1, diagnosisCoupon: { justIssued: false } });
      const latest = await h.call('style', 'ann', { action: 'report' });
      expect(latest.ok && latest.data.attempt).toBe(2);
      const old = await h.call('style', 'ann', { action: 'report', attempt: 1 });
      expect(old.ok && old.data).toMatchObject({ attempt: 1, latest: false });
      if (!old.ok || !first.ok) throw new Error('reports missing');
      expect(old.data.report).toEqual(first.data.report);
      const history = await h.call('style', 'ann', { action: 'history' });
      expect(history.ok && history.data.reports.map((r: { attempt: number }) => r.attempt)).toEqual([2, 1]);
      expect(h.cloud.db.count('coupons', { channel: 'style' })).toBe(1);
    });

    it('issues the coupon once ever: a shopper who leaves and rejoins does not get it again', async () => {
      await saveAll(h, 'ann', AUTUMN);
      expect((await h.call('style', 'ann', { action: 'submit', attempt: 1 })).ok).toBe(true);
      expect((await h.call('member', 'ann', { action: 'delete', confirm: true })).ok).toBe(true);
      expect(h.cloud.db.count('styleReports', {})).toBe(0);
      expect(h.cloud.db.count('styleProfiles', {})).toBe(0);
      await h.join('ann', { nickname: '安' });
      await saveAll(h, 'ann', AUTUMN);
      const again = await h.call('style', 'ann', { action: 'submit', attempt: 1 });
      expect(again.ok && again.data.diagnosisCoupon).toBeNull();
      expect(h.cloud.db.count('coupons', { channel: 'style' })).toBe(0);
    });

    it('the coupon takes its amount off the pieces of its category at the till', async () => {
      await saveAll(h, 'ann', AUTUMN);
      const report = await h.call('style', 'ann', { action: 'submit', attempt: 1 });
      if (!report.ok) throw new Error('no report');
      const coupon = h.cloud.db.find('coupons', { channel: 'style' })[0] as { _id: string; discount: { category: string; amountFen: number; thresholdFen: number } };
      const product = h.cloud.db.find('products', { category: coupon.discount.category, onSale: true })[0] as { _id: string };
      const other = h.cloud.db.find('products', { category: coupon.discount.category === 'shoes' ? 'top' : 'shoes', onSale: true })[0] as { _id: string };
      const price = coupon.discount.thresholdFen;
      const code = await tillCode(h, 'ann');
      // not enough of the category: refused with what is missing
      const short = await deliver(h, 'quotes', { memberCode: code, amountFen: price, items: [{ sku: other._id, qty: 1, priceFen: price }], couponIds: [coupon._id] });
      expect(short.status).toBe(422);
      const paid = await deliver(h, 'orders', orderBody(h, code, price, { items: [{ sku: product._id, qty: 1, priceFen: price }], couponIds: [coupon._id] }));
      expect(paid.status).toBe(200);
      expect(paid.body.data.coupons).toEqual([{ couponId: coupon._id, name: expect.any(String), discountFen: coupon.discount.amountFen }]);
    });
  });

  describe('member tags (我的风格档案)', () => {
    it('have at least 20 dimensions after a quiz and a purchase, each with its source and time', async () => {
      await saveAll(h, 'ann', AUTUMN);
      await h.call('style', 'ann', { action: 'submit', attempt: 1 });
      const product = h.cloud.db.find('products', { category: 'top', onSale: true })[0] as { _id: string; priceFen: number };
      await deliver(h, 'orders', orderBody(h, await tillCode(h, 'ann'), product.priceFen, { items: [{ sku: product._id, qty: 1, priceFen: product.priceFen }] }));
      const tags = await h.call('style', 'ann', { action: 'tags' });
      expect(tags.ok).toBe(true);
      if (!tags.ok) return;
      expect(tags.data.tags.length).toBeGreaterThanOrEqual(20);
      const sources = new Set(tags.data.tags.map((t: { source: string }) => t.source));
      expect(sources).toEqual(new Set(['quiz', 'purchase']));
      expect(tags.data.tags.find((t: { code: string }) => t.code === 'boughtCategories')).toMatchObject({ values: ['上装'], source: 'purchase' });
    });

    it('opening 职场 products three times tags 职场穿搭需求', async () => {
      const work = (h.cloud.db.find('products', { scenes: '职场', onSale: true }) as Array<{ _id: string }>).slice(0, 3);
      for (const p of work.slice(0, 2)) await h.call('style', 'ann', { action: 'viewProduct', sku: p._id });
      let tags = await h.call('style', 'ann', { action: 'tags' });
      expect(tags.ok && tags.data.tags.find((t: { code: string }) => t.code === 'needs')).toBeUndefined();
      await h.call('style', 'ann', { action: 'viewProduct', sku: work[2]!._id });
      tags = await h.call('style', 'ann', { action: 'tags' });
      expect(tags.ok && tags.data.tags.find((t: { code: string }) => t.code === 'needs')).toMatchObject({ values: expect.arrayContaining(['职场穿搭需求']), source: 'behaviour' });
    });

    it('a preference the member sets outranks the quiz, and says it is theirs', async () => {
      await saveAll(h, 'ann', AUTUMN);
      await h.call('style', 'ann', { action: 'submit', attempt: 1 });
      const set = await h.call('style', 'ann', { action: 'setPreferences', sizes: { top: 'L' }, scenes: ['运动', '旅行'] });
      expect(set.ok && set.data.tags.find((t: { code: string }) => t.code === 'sizeTop')).toMatchObject({ values: ['L'], source: 'member', editable: true });
      expect(set.ok && set.data.tags.find((t: { code: string }) => t.code === 'scenes')).toMatchObject({ values: ['运动', '旅行'], source: 'member' });
      expect(await h.call('style', 'ann', { action: 'setPreferences', sizes: { top: 'XXXL' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await h.call('style', 'ann', { action: 'setPreferences', likedColours: ['nope'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    });
  });

  describe('preferences, field by field', () => {
    const tag = (answer: { ok: boolean; data?: { tags: Array<{ code: string; updatedAt: string }> } }, code: string) => (answer.ok ? answer.data!.tags.find((t) => t.code === code) : undefined);

    it('an empty list means "none" (not "as the quiz says"); a fit sent alone keeps the other fits', async () => {
      await saveAll(h, 'ann', AUTUMN);
      await h.call('style', 'ann', { action: 'submit', attempt: 1 });
      await h.call('style', 'ann', { action: 'setPreferences', fit: { top: '宽松', bottom: '修身' } });
      const after = await h.call('style', 'ann', { action: 'setPreferences', fit: { silhouette: 'A' }, scenes: [] });
      expect(tag(after, 'fitTop')).toMatchObject({ values: ['宽松'], source: 'member' });
      expect(tag(after, 'fitBottom')).toMatchObject({ values: ['修身'], source: 'member' });
      expect(tag(after, 'scenes')).toMatchObject({ values: [], source: 'member' });
      expect(after.ok && after.data.preferences.fit).toEqual({ top: '宽松', bottom: '修身', silhouette: 'A' });
    });

    it('dates each field on its own: a later size does not re-date the colours', async () => {
      await h.call('style', 'ann', { action: 'setPreferences', likedColours: ['red'] });
      h.clock.advance(86_400_000);
      const after = await h.call('style', 'ann', { action: 'setPreferences', sizes: { shoes: 38 } });
      const liked = tag(after, 'likedColours')!;
      const shoes = tag(after, 'shoeSize')!;
      expect(new Date(shoes.updatedAt).getTime() - new Date(liked.updatedAt).getTime()).toBe(86_400_000);
    });

    it('refuses a colour loved when it is already avoided, changing nothing', async () => {
      await h.call('style', 'ann', { action: 'setPreferences', dislikedColours: ['red'] });
      expect(await h.call('style', 'ann', { action: 'setPreferences', likedColours: ['red'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const tags = await h.call('style', 'ann', { action: 'tags' });
      expect(tags.ok && tags.data.preferences).toMatchObject({ dislikedColours: ['red'] });
      expect(tags.ok && tags.data.preferences.likedColours).toBeUndefined();
    });

    it('offers the quiz\'s own choices to edit with', async () => {
      const tags = await h.call('style', 'ann', { action: 'tags' });
      expect(tags.ok && tags.data.choices.colours.length).toBeGreaterThan(10);
      expect(tags.ok && tags.data.choices.sizes.shoes).toContain(37);
    });
  });

  it('a submit that died before issuing the coupon is finished by its retry', async () => {
    await saveAll(h, 'ann', AUTUMN);
    await h.call('style', 'ann', { action: 'submit', attempt: 1 });
    // as if the first submit had stopped after writing the report
    const coupon = h.cloud.db.find('coupons', { channel: 'style' })[0]!;
    await h.cloud.db.apply([{ c: 'coupons', id: coupon._id as string, doc: null }]);
    const retried = await h.call('style', 'ann', { action: 'submit', attempt: 1 });
    expect(retried.ok && retried.data.diagnosisCoupon).toMatchObject({ justIssued: true });
    expect(h.cloud.db.count('coupons', { channel: 'style' })).toBe(1);
  });

  it('retakes are bounded per shop day (every report is kept)', async () => {
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      await saveAll(h, 'ann', AUTUMN, attempt);
      expect((await h.call('style', 'ann', { action: 'submit', attempt })).ok).toBe(true);
      const retake = await h.call('style', 'ann', { action: 'retake', attempt });
      if (attempt < 10) expect(retake.ok).toBe(true);
      else expect(retake).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
    }
    h.clock.advance(86_400_000);
    expect((await h.call('style', 'ann', { action: 'retake', attempt: 10 })).ok).toBe(true);
  });

  it('summary: the card\'s row knows the season and the leading style after a report', async () => {
    expect(await h.call('style', 'ann', { action: 'summary' })).toEqual({ ok: true, data: { hasReport: false, seasonName: null, primaryStyle: null } });
    await saveAll(h, 'ann', AUTUMN);
    const report = await h.call('style', 'ann', { action: 'submit', attempt: 1 });
    const summary = await h.call('style', 'ann', { action: 'summary' });
    if (!report.ok || !summary.ok) throw new Error('no report');
    expect(summary.data).toEqual({ hasReport: true, seasonName: expect.any(String), primaryStyle: report.data.report.style.primary.style });
  });

  describe('the catalogue', () => {
    it('pages what is on sale by filter, in SKU order, without repeats', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await h.call('style', 'ann', { action: 'catalog', filter: { category: 'shoes' }, limit: 5, ...(cursor ? { cursor } : {}) });
        expect(page.ok).toBe(true);
        if (!page.ok) return;
        seen.push(...page.data.products.map((p: { _id: string; category: string }) => (expect(p.category).toBe('shoes'), p._id)));
        cursor = page.data.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(h.cloud.db.count('products', { category: 'shoes', onSale: true }));
    });

    it('refuses a malformed filter', async () => {
      expect(await h.call('style', 'ann', { action: 'catalog', filter: { category: 'hats' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await h.call('style', 'ann', { action: 'catalog', limit: 500 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await h.call('style', 'ann', { action: 'viewProduct', sku: 'NOPE0000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });
});
