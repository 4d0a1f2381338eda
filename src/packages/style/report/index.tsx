import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { AppError, Envelope } from '../../../../cloudfunctions/contract';
import type { ProductCard, StyleReportView } from '../../../../cloudfunctions/contract/style';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { errorText } from '../../../services/errors';
import { pageUrl } from '../../../services/routes';
import { styleApi } from '../../../services/style';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { takeReport } from '../handoff';
import { DiagnosisCouponSection } from './DiagnosisCoupon';
import { InspirationNotice } from './InspirationNotice';
import { HistorySheet } from './History';
import { ReportPoster } from './poster/ReportPoster';
import { type OpenProduct, ProductSheet, ProductsSection } from './Products';
import { ColourSection, Hero, LikedSection, PaletteSection, ProfileSection, StyleSection } from './Sections';
import './index.scss';

/** The member got the 穿搭诊断 coupon with this report: said once, as a toast, and kept on the page. */
export const ISSUED_TOAST = '穿搭诊断券已放入券包';

/**
 * 风格报告, read like a stylist's card: the season and styles, the palette, why, the products that
 * fit (a tap opens one), the 穿搭诊断 coupon, a picture of the report to keep, the history and
 * 重新测试. `?attempt=` opens an earlier report (the latest rules, and the page says so).
 */
export default function ReportPage() {
  const { params } = useRouter();
  const asked = params.attempt && /^\d+$/.test(params.attempt) ? Number(params.attempt) : null;
  // the quiz's submit hands its answer over: shown at once, and only it knows the coupon came just now
  const report = useRemote(
    async (): Promise<Envelope<StyleReportView>> => {
      const handed = takeReport(asked);
      return handed ? { ok: true, data: handed } : styleApi.report(asked ?? undefined);
    },
    { auto: false },
  );
  const { readAgain, notMember, setLeftElsewhere } = useReadOnShow([remoteRead(report)]);
  const data = report.state.status === 'ready' ? report.state.data : null;

  const [issuedNow, setIssuedNow] = useState(false);
  useEffect(() => {
    if (!data?.diagnosisCoupon?.justIssued || issuedNow) return;
    setIssuedNow(true);
    void Taro.showToast({ title: ISSUED_TOAST, icon: 'none', duration: 2500 });
  }, [data]);

  const [product, setProduct] = useState<OpenProduct | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [poster, setPoster] = useState(false);
  const [retaking, setRetaking] = useState(false);
  const opening = useRef(0);

  if (report.state.status === 'error' && !notMember) {
    return (
      <View className='page report'>
        {report.state.error.code === 'NOT_FOUND' ? <NoReport earlier={asked !== null} /> : <ErrorState error={report.state.error} onRetry={() => void readAgain()} />}
      </View>
    );
  }
  if (!data) {
    return (
      <View className='page report'>
        <LoadingBlock height={420} label='正在加载风格报告' />
        <View className='report__gap' />
        <LoadingBlock height={600} />
      </View>
    );
  }

  const openWallet = () => void Taro.navigateTo({ url: pageUrl('wallet') });

  async function openProduct(card: ProductCard) {
    const mine = (opening.current += 1);
    setProduct({ card, detail: { status: 'loading' } });
    // opening a piece is what the behaviour tags count (职场 pieces three times: 职场穿搭需求)
    const answer = await styleApi.viewProduct(card.sku);
    if (mine !== opening.current) return;
    if (!answer.ok && answer.error.code === 'NOT_MEMBER') return setLeftElsewhere(true);
    setProduct({ card, detail: answer.ok ? { status: 'ready', product: answer.data.product } : { status: 'error', error: answer.error } });
  }

  async function retake() {
    if (retaking) return;
    setRetaking(true);
    const answer = await styleApi.retake(data!.attempt);
    setRetaking(false);
    // CONFLICT: an attempt is under way already; the quiz picks it up
    if (!answer.ok && answer.error.code !== 'CONFLICT') return failedToast(answer.error);
    void Taro.redirectTo({ url: pageUrl('styleQuiz') });
  }

  function failedToast(error: AppError) {
    if (error.code === 'NOT_MEMBER') return setLeftElsewhere(true);
    void Taro.showToast({ title: errorText(error), icon: 'none' });
  }

  const { report: r } = data;
  const hasHistory = data.earlier > 0 || !data.latest;
  return (
    <View className='page report'>
      {!data.latest ? (
        <View className='report-notice report-notice--old' role='note'>
          <Text className='report-notice__text'>这是第{data.attempt}次的报告，最新报告为准</Text>
          <View className='report-notice__go' onClick={() => void Taro.redirectTo({ url: pageUrl('styleReport') })} role='link'>
            看最新报告 ›
          </View>
        </View>
      ) : null}
      {issuedNow && data.diagnosisCoupon ? (
        <View className='report-notice report-notice--issued' role='status'>
          <Text className='report-notice__text'>
            {ISSUED_TOAST}：{data.diagnosisCoupon.coupon.name} {data.diagnosisCoupon.coupon.value}
          </Text>
          <View className='report-notice__go' onClick={openWallet} role='link'>
            去看看 ›
          </View>
        </View>
      ) : null}

      <Hero report={r} createdAt={data.createdAt} />
      <PaletteSection palette={r.palette} />
      <StyleSection style={r.style} />
      <ColourSection colour={r.colour} />
      <LikedSection liked={r.likedColours} disliked={r.dislikedColours} />
      <ProductsSection products={data.products} onOpen={(p) => void openProduct(p)} />
      {data.latest ? <WearSection first={data.attempt === 1} /> : null}
      {data.diagnosisCoupon ? <DiagnosisCouponSection held={data.diagnosisCoupon} issuedNow={issuedNow} why={r.topCategoryWhy} onWallet={openWallet} /> : null}
      <ProfileSection report={r} />

      <View className='section report-keep'>
        <Text className='section-title'>保存报告图片</Text>
        {poster ? (
          <ReportPoster report={r} />
        ) : (
          <>
            <Text className='muted report-keep__text'>把季型、色彩盘和风格存成一张图，逛街时随时翻看。</Text>
            <Button className='btn btn-ghost report-keep__make' onClick={() => setPoster(true)}>
              生成报告图片
            </Button>
          </>
        )}
      </View>

      <View className='report-actions'>
        <Button className={`btn btn-ghost report-actions__retake${retaking ? ' btn--off' : ''}`} disabled={retaking} onClick={() => void retake()}>
          {retaking ? '正在准备…' : '重新测试'}
        </Button>
        <View className='report-actions__links'>
          {hasHistory ? (
            <View className='report-actions__link' onClick={() => setHistoryOpen(true)} role='link' hoverClass='report-actions__link--pressed'>
              历史报告{data.latest ? `（${data.earlier + 1} 份）` : ''} ›
            </View>
          ) : null}
          <View className='report-actions__link' onClick={() => void Taro.navigateTo({ url: pageUrl('styleProfile') })} role='link' hoverClass='report-actions__link--pressed'>
            我的风格档案 ›
          </View>
        </View>
        <Text className='muted report-actions__note'>重新测试会生成新的报告，这份报告保留在历史里。</Text>
      </View>

      {product ? (
        <ProductSheet
          open={product}
          onClose={() => setProduct(null)}
          onLook={() => {
            setProduct(null);
            void Taro.navigateTo({ url: pageUrl('completeLook', { sku: product.card.sku }) });
          }}
        />
      ) : null}
      {historyOpen ? (
        <HistorySheet
          shown={data.attempt}
          onClose={() => setHistoryOpen(false)}
          onOpen={(attempt, latest) => {
            setHistoryOpen(false);
            if (attempt !== data.attempt) void Taro.redirectTo({ url: latest ? pageUrl('styleReport') : pageUrl('styleReport', { attempt: String(attempt) }) });
          }}
        />
      ) : null}
    </View>
  );
}

/** 穿起来: the report put to use, in the wardrobe and today's outfits. */
function WearSection({ first }: { first: boolean }) {
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <View className='section report-wear'>
      <Text className='section-title'>穿起来</Text>
      <Text className='muted report-wear__text'>按你的季型和风格，从衣橱里搭出今天的三套；衣橱缺的，用店里合适的补上。</Text>
      <View className='report-wear__links'>
        <View className='report-wear__link' onClick={() => go(pageUrl('wardrobe'))} role='link' hoverClass='report-wear__link--pressed'>
          我的衣橱 ›
        </View>
        <View className='report-wear__link report-wear__link--today' onClick={() => go(pageUrl('outfits'))} role='link' hoverClass='report-wear__link--pressed'>
          今日穿搭 ›
        </View>
      </View>
      {first ? <InspirationNotice /> : null}
    </View>
  );
}

/** No report yet (or not the one asked for): the way to one. */
function NoReport({ earlier }: { earlier: boolean }) {
  return (
    <View className='report-empty'>
      <Text className='report-empty__title'>{earlier ? '没有找到这份报告' : '还没有风格报告'}</Text>
      <Text className='report-empty__text'>做一次风格测试，约 3 分钟，看看你的风格、色彩季型和适合你的单品。</Text>
      <Button className='btn btn-primary report-empty__go' onClick={() => void Taro.redirectTo({ url: pageUrl(earlier ? 'styleReport' : 'styleQuiz') })}>
        {earlier ? '看最新报告' : '去做风格测试'}
      </Button>
    </View>
  );
}
