import { failure, success } from '../../contract';
import { styleContract } from '../../contract/style';
import type { outfitsContract } from '../../contract/outfits';
import type { wardrobeContract } from '../../contract/wardrobe';
import { findCoupon, insertCoupon, removeCoupon, templatesById } from '../../data/coupons';
import { findFormerUse } from '../../data/formerUse';
import { findMemberByOpenid, keptForMember } from '../../data/members';
import { catalogPage, findProduct, onSaleProducts } from '../../data/products';
import {
  addStyleReport,
  countProductView,
  deleteStyleReport,
  findStyleReport,
  findStyleWeights,
  markAttemptScored,
  saveQuizAnswers,
  saveStylePreferences,
  startNextAttempt,
  styleProfileOf,
  styleReportsOf,
} from '../../data/style';
import { couponFrom } from '../../domain/coupons/issue';
import { couponIds } from '../../domain/coupons/template';
import { type Member, notMember } from '../../domain/member';
import { checkAnswers, quizProgress, scoreQuiz, STYLE_QUIZ } from '../../domain/style';
import { answerFields, mergeAnswers } from '../../domain/style/answerFields';
import { quizBoardPictures } from '../../domain/style/boardPictures';
import { diagnosisTemplateId, planDiagnosisCoupon } from '../../domain/style/diagnosisCoupon';
import { fittingProducts } from '../../domain/style/fits';
import { boardsOf, colourChoicesOf } from '../../domain/style/lookup';
import { mergePreferences } from '../../domain/style/preferences';
import { strayAnswer } from '../../domain/style/strayAnswer';
import { reportIdOf } from '../../domain/style/records';
import { type Category, COLOUR_SEASON_NAMES } from '../../contract/styleWords';
import { shopDayKey, toIso } from '../../domain/time';
import type { Database } from '../../platform/cloud';
import type { Handlers } from '../../platform/handler';
import { reportView } from './reportView';
import { tagsOf } from './tags';

/** The quiz's boards: every board of every boards step. */
const BOARDS = boardsOf(STYLE_QUIZ);
/** Reports a member may make in one shop day (a retake keeps every report). */
const RETAKES_PER_DAY = 10;

export const styleHandlers: Omit<Handlers<typeof styleContract>, keyof typeof wardrobeContract | keyof typeof outfitsContract> = {
  /** The quiz with its boards drawn from the catalogue, and the member's answers so far (kept on the server). */
  async quiz(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const [profile, products, reports] = await Promise.all([styleProfileOf(ctx.db, m._id, ctx.now), onSaleProducts(ctx.db), styleReportsOf(ctx.db, m._id, 1)]);
    if (!profile) return notMember();
    return success({
      quiz: STYLE_QUIZ,
      boardPictures: quizBoardPictures(BOARDS, products),
      attempt: profile.attempt,
      answers: profile.answers,
      progress: quizProgress(profile.answers, STYLE_QUIZ),
      scored: profile.scored,
      hasReport: reports.length > 0,
    });
  },

  /**
   * Saves one step's answers (or several) of the attempt the page shows. An id the quiz does not
   * offer is refused before anything is written; a page of an attempt that is over gets CONFLICT.
   */
  async saveAnswers(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    // a half step is checked here (the answers check sees a step once it is whole): a profile never collects stray keys or ids
    const stray = strayAnswer(input.answers, STYLE_QUIZ);
    if (stray) return failure('INVALID_INPUT', stray);
    const profile = await styleProfileOf(ctx.db, m._id, ctx.now);
    if (!profile) return notMember();
    const merged = mergeAnswers(profile.answers, input.answers);
    const checked = checkAnswers(merged, STYLE_QUIZ);
    if (!checked.ok && checked.problem.code !== 'incomplete') return failure('INVALID_INPUT', answersProblemText(checked.problem));
    if (profile.attempt !== input.attempt || profile.scored) return failure('CONFLICT', '这次测试已经完成，可以重新测试');
    if (!(await saveQuizAnswers(ctx.db, m._id, input.attempt, answerFields(input.answers), ctx.now))) return failure('CONFLICT', '这次测试已经完成，可以重新测试');
    const saved = (await styleProfileOf(ctx.db, m._id, ctx.now))?.answers;
    if (!saved) return notMember();
    return success({ attempt: input.attempt, answers: saved, progress: quizProgress(saved, STYLE_QUIZ) });
  },

  /**
   * Scores the attempt into a report (one per attempt, however often it is submitted), and the
   * first time ever issues the 穿搭诊断 coupon for the report's top category.
   */
  async submit(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const [profile, weights] = await Promise.all([styleProfileOf(ctx.db, m._id, ctx.now), findStyleWeights(ctx.db)]);
    if (!profile) return notMember();
    if (profile.attempt !== input.attempt) return failure('CONFLICT', '这次测试已经结束，请打开最新的测试');
    if (!weights) return failure('INTERNAL', 'the style weights are not seeded');
    const id = reportIdOf(m._id, input.attempt);
    const scored = scoreQuiz(profile.answers, weights, STYLE_QUIZ);
    if (!scored.ok) {
      // a parallel submit scored it already: answer with that report
      if (profile.scored && (await findStyleReport(ctx.db, id))) return reportView(ctx, m, id, false);
      return failure('INVALID_INPUT', answersProblemText(scored.problem));
    }
    const created = (await addStyleReport(ctx.db, { _id: id, memberId: m._id, attempt: input.attempt, answers: profile.answers, report: scored.report, createdAt: ctx.now })) === 'created';
    await markAttemptScored(ctx.db, m._id, input.attempt, ctx.now);
    if (!(await keptForMember(ctx.db, m._id, () => deleteStyleReport(ctx.db, id)))) return notMember();
    // on every submit, not only the one that made the report: a submit that died before issuing is finished by its retry (the coupon's id makes it once)
    const issued = await issueDiagnosisCoupon(ctx, m, (created ? scored.report : ((await findStyleReport(ctx.db, id))?.report ?? scored.report)).topCategory);
    return reportView(ctx, m, id, issued);
  },

  /** The latest report (or an earlier attempt's), with products that fit and the 穿搭诊断 coupon. */
  async report(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const attempt = input.attempt ?? (await styleReportsOf(ctx.db, m._id, 1))[0]?.attempt;
    if (attempt === undefined) return failure('NOT_FOUND', '还没有风格报告，先做一次风格测试吧');
    return reportView(ctx, m, reportIdOf(m._id, attempt), false);
  },

  /** Every report, latest first: the history a retake keeps. */
  async history(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const reports = await styleReportsOf(ctx.db, m._id, 50);
    return success({
      reports: reports.map((r) => ({
        attempt: r.attempt,
        createdAt: toIso(r.createdAt),
        season: r.report.colour.season,
        seasonName: COLOUR_SEASON_NAMES[r.report.colour.season],
        primaryStyle: r.report.style.primary.style,
        secondaryStyle: r.report.style.secondary.style,
      })),
    });
  },

  /** 重新测试: the next attempt starts empty (the earlier reports stay, the latest rules). */
  async retake(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const profile = await styleProfileOf(ctx.db, m._id, ctx.now);
    if (!profile) return notMember();
    if (profile.attempt !== input.attempt) return success({ attempt: profile.attempt });
    if (!profile.scored) return failure('CONFLICT', '这次测试还没完成，可以接着做');
    // a bound on how fast reports pile up (each retake keeps one): enough for second thoughts in a day
    const recent = await styleReportsOf(ctx.db, m._id, RETAKES_PER_DAY);
    if (recent.length >= RETAKES_PER_DAY && recent.every((r) => shopDayKey(r.createdAt) === shopDayKey(ctx.now))) return failure('LIMIT_REACHED', '今天已经测了很多次了，明天再来重新测试吧');
    // a double tap starts one attempt: the second finds the attempt moved on and answers with it
    await startNextAttempt(ctx.db, m._id, input.attempt, ctx.now);
    return success({ attempt: (await styleProfileOf(ctx.db, m._id, ctx.now))?.attempt ?? input.attempt + 1 });
  },

  /** 我的风格档案: every tag dimension with something to say, its source and when it changed. */
  async tags(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    return success(await tagsOf(ctx, m));
  },

  /** The member's own preferences (sizes, fit, scenes, colours): each field given replaces that one, dated; they outrank the quiz in the tags. */
  async setPreferences(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const choices = new Set(colourChoicesOf(STYLE_QUIZ).map((c) => c.id));
    const stray = [...(input.likedColours ?? []), ...(input.dislikedColours ?? [])].find((id) => !choices.has(id));
    if (stray) return failure('INVALID_INPUT', `没有「${stray}」这个颜色`);
    const profile = await styleProfileOf(ctx.db, m._id, ctx.now);
    if (!profile) return notMember();
    const next = mergePreferences(profile.preferences, input, ctx.now);
    if (!next) return failure('INVALID_INPUT', '同一个颜色不能既喜欢又不想穿');
    await saveStylePreferences(ctx.db, m._id, next, ctx.now);
    return success(await tagsOf(ctx, m));
  },

  /** The card's style row: the latest report's season and leading style (one read after the member). */
  async summary(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const [latest] = await styleReportsOf(ctx.db, m._id, 1);
    return success({
      hasReport: !!latest,
      seasonName: latest ? COLOUR_SEASON_NAMES[latest.report.colour.season] : null,
      primaryStyle: latest ? latest.report.style.primary.style : null,
    });
  },

  /** A page of the catalogue (on sale only), filtered, in SKU order. */
  async catalog(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    return success(await catalogPage(ctx.db, { ...input.filter, onSaleOnly: true }, input.cursor ?? null, input.limit ?? 20));
  },

  /** A product opened: counted toward the member's behaviour tags (opening 职场 pieces 3 times says 职场穿搭需求). */
  async viewProduct(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const product = await findProduct(ctx.db, input.sku);
    if (!product || !product.onSale) return failure('NOT_FOUND', '这件商品已下架');
    if (!(await styleProfileOf(ctx.db, m._id, ctx.now))) return notMember();
    await countProductView(ctx.db, m._id, product.styles, product.scenes, ctx.now);
    return success({ product });
  },
};

/** Why answers cannot be saved or scored, in words the quiz page can show. */
function answersProblemText(p: { code: string; steps?: string[]; step?: string; option?: string }): string {
  if (p.code === 'incomplete') return `还有 ${p.steps?.length ?? 0} 步没有完成`;
  if (p.code === 'lovedAndAvoided') return '同一个颜色不能既喜欢又不想穿';
  return `第「${p.step}」步没有「${p.option}」这个选项`;
}

/**
 * The 穿搭诊断 coupon, once ever: former use remembers it across memberships, and its id names the
 * member, so 20 parallel first submissions issue one. True when this call issued it.
 */
async function issueDiagnosisCoupon(ctx: { db: Database; now: Date }, m: Pick<Member, '_id' | 'openid'>, topCategory: Category): Promise<boolean> {
  const id = couponIds.styleDiagnosis(m._id);
  if (await findCoupon(ctx.db, id)) return false;
  const [templates, former] = await Promise.all([templatesById(ctx.db, [diagnosisTemplateId(topCategory)]), findFormerUse(ctx.db, m.openid)]);
  const plan = planDiagnosisCoupon(topCategory, templates, former);
  if (!plan.issue) return false;
  if ((await insertCoupon(ctx.db, couponFrom(plan.template, id, m._id, ctx.now))) !== 'created') return false;
  return keptForMember(ctx.db, m._id, () => removeCoupon(ctx.db, id));
}
