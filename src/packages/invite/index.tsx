import { Button, Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { AppError, ReferralMine } from '../../../cloudfunctions/contract';
import { yuanText } from '../../../cloudfunctions/contract/formats';
import { InviteWelcome, SinglePageHint } from '../../components/InviteWelcome';
import { ErrorState, LoadingBlock } from '../../components/StateView';
import { errorText } from '../../services/errors';
import { inSinglePageMode, parseJoinQuery } from '../../services/joinLink';
import { memberApi } from '../../services/member';
import { referralApi } from '../../services/referral';
import { pageUrl } from '../../services/routes';
import { useInvitees } from '../../services/useInvitees';
import { remoteRead, useReadOnShow } from '../../services/useReadOnShow';
import { useRemote } from '../../services/useRemote';
import { InviteeList } from './InviteeList';
import { Poster } from './poster/Poster';
import { RewardNotice } from './RewardNotice';
import { ProgressSection, RewardsSection, RulesSection } from './Sections';
import { previewLink, shareCard, timelineShare } from './share';
import './index.scss';

/**
 * 邀请好友. A member sees the rules and what both sides get, their progress, the share card, a
 * poster and their invitees. The same page opened with `ref=` is a friend arriving from a Moments
 * share: it shows the invite (single-page mode) or sends them on to join.
 */
export default function InvitePage() {
  const router = useRouter();
  const [visitor] = useState(() => parseJoinQuery(router.params));
  return visitor.ref ? <ArrivingFriend inviteRef={visitor.ref} storeId={visitor.storeId} /> : <MyInvites />;
}

type PosterState = { status: 'off' } | { status: 'loading' } | { status: 'ready'; codePng: string; nickname: string | null } | { status: 'error'; error: AppError };

function MyInvites() {
  const mine = useRemote(referralApi.mine, { auto: false });
  const { list, reload: reloadInvitees, loadMore, read: inviteesRead } = useInvitees();
  const { readAgain, notMember } = useReadOnShow([remoteRead(mine), inviteesRead]);
  useReachBottom(() => void loadMore());
  const data = mine.state.status === 'ready' ? mine.state.data : null;
  useShareAppMessage(() => shareCard(data));
  useShareTimeline(() => timelineShare(data));

  const [poster, setPoster] = useState<PosterState>({ status: 'off' });
  const asking = useRef(false);

  async function makePoster(): Promise<void> {
    if (asking.current) return;
    asking.current = true;
    setPoster({ status: 'loading' });
    // the code for the poster and the member's own nickname for it, together
    const [code, card] = await Promise.all([referralApi.posterCode(), memberApi.card()]);
    asking.current = false;
    if (!code.ok) return setPoster({ status: 'error', error: code.error });
    setPoster({ status: 'ready', codePng: code.data.pngBase64, nickname: card.ok ? card.data.nickname : null });
  }

  if (mine.state.status === 'error' && !notMember) {
    return (
      <View className='page invite'>
        <ErrorState error={mine.state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (!data) {
    return (
      <View className='page invite'>
        <LoadingBlock height={360} label='正在加载邀请' />
        <View className='invite__gap' />
        <LoadingBlock height={420} />
      </View>
    );
  }

  return (
    <View className='page invite'>
      <Hero mine={data} posterBusy={poster.status === 'loading'} onPoster={() => void makePoster()} />
      {poster.status === 'ready' || poster.status === 'error' ? (
        <View className='section invite-poster'>
          <Text className='section-title'>邀请海报</Text>
          {poster.status === 'ready' ? (
            <Poster
              codePng={poster.codePng}
              content={{ nickname: poster.nickname, passName: data.terms.pass.name, minOrderFen: data.terms.minOrderFen, returnWindowDays: data.terms.returnWindowDays }}
            />
          ) : (
            <View className='invite-poster__problem' role='alert'>
              <Text>海报没能生成：{errorText(poster.error)}</Text>
              <Button className='btn btn-ghost invite-poster__retry' onClick={() => void makePoster()}>
                重新生成
              </Button>
            </View>
          )}
        </View>
      ) : null}
      <RewardsSection terms={data.terms} />
      <ProgressSection mine={data} />
      <RewardNotice />
      <InviteeList list={list} onRetryFirst={() => void reloadInvitees()} onMore={() => void loadMore()} />
      <RulesSection rules={data.terms.rules} />
    </View>
  );
}

/** The top of the page: what inviting is, in one sentence, and the two ways to invite (no reward for sharing itself). */
function Hero({ mine, posterBusy, onPoster }: { mine: ReferralMine; posterBusy: boolean; onPoster: () => void }) {
  const h5 = process.env.TARO_ENV === 'h5';
  async function copyLink() {
    await Taro.setClipboardData({ data: previewLink(mine, window.location.origin) });
    void Taro.showToast({ title: '邀请链接已复制', icon: 'success' });
  }
  return (
    <View className='invite-hero'>
      <Text className='invite-hero__brand'>悦衣库 · 好友邀请</Text>
      <Text className='invite-hero__title'>邀请好友一起加入悦衣会员</Text>
      <Text className='invite-hero__text'>
        好友入会后首单实付满{yuanText(mine.terms.minOrderFen)}，过了{mine.terms.returnWindowDays}天退货期，你们都得「{mine.terms.pass.name}」。
      </Text>
      <View className='invite-hero__actions'>
        {h5 ? (
          <Button className='btn invite-hero__share' onClick={() => void copyLink()}>
            复制邀请链接
          </Button>
        ) : (
          <Button className='btn invite-hero__share' openType='share'>
            发给微信好友
          </Button>
        )}
        <Button className={`btn invite-hero__poster${posterBusy ? ' btn--off' : ''}`} disabled={posterBusy} onClick={onPoster}>
          {posterBusy ? '正在生成…' : '生成邀请海报'}
        </Button>
      </View>
    </View>
  );
}

/**
 * A friend opening this page from the member's Moments share (`?ref=`). In single-page mode they
 * cannot log in or move on: the page shows the invite and points at WeChat's 前往小程序 bar, which
 * opens this page again with the same `ref`; opened in the mini program it sends them to join.
 */
function ArrivingFriend({ inviteRef, storeId }: { inviteRef: string; storeId: string | null }) {
  const [singlePage] = useState(inSinglePageMode);
  const inviter = useRemote(() => referralApi.inviter(inviteRef), { auto: singlePage });
  useEffect(() => {
    if (!singlePage) void Taro.redirectTo({ url: pageUrl('join', storeId ? { ref: inviteRef, storeId } : { ref: inviteRef }) });
  }, [singlePage, inviteRef, storeId]);

  if (!singlePage || inviter.state.status === 'loading') {
    return (
      <View className='page invite'>
        <LoadingBlock height={360} label='正在打开邀请' />
      </View>
    );
  }
  return (
    <View className='page invite'>
      <View className='invite-hero invite-hero--friend'>
        <Text className='invite-hero__brand'>悦衣库 · YUEYI CLUB</Text>
        <Text className='invite-hero__title'>成为悦衣会员</Text>
        <Text className='invite-hero__text'>消费积分 · 等级礼遇 · 生日惊喜</Text>
      </View>
      {/* an unknown or unusable code shows no invite, only the way in */}
      {inviter.state.status === 'ready' ? <InviteWelcome nicknameMasked={inviter.state.data.nicknameMasked} terms={inviter.state.data.terms} /> : null}
      <SinglePageHint />
    </View>
  );
}
