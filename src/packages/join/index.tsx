import { Button, Switch, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { ActionOutput, AppError } from '../../../cloudfunctions/contract';
import { AvatarPicker } from '../../components/AvatarPicker';
import { BIRTHDAY_RULE_TEXT, BirthdayField } from '../../components/BirthdayPicker';
import { InviteWelcome, SinglePageHint } from '../../components/InviteWelcome';
import { cleanNickname, NicknameField, nicknameProblemText } from '../../components/NicknameField';
import { PrivacySheet, PrivacySummary } from '../../components/PrivacyNotice';
import { ErrorState, LoadingBlock } from '../../components/StateView';
import { errorText } from '../../services/errors';
import { initialOf } from '../../services/format';
import { inSinglePageMode, type JoinLink, parseJoinQuery, parseScannedPath } from '../../services/joinLink';
import { leaveWelcome, saveCard } from '../../services/cardStore';
import { memberApi } from '../../services/member';
import { referralApi } from '../../services/referral';
import { pageUrl } from '../../services/routes';
import './index.scss';

type Store = { storeId: string; name: string };
type JoinStore = ActionOutput<'member', 'store'>;
type Inviter = ActionOutput<'referral', 'inviter'>;

type Step =
  | { name: 'checking' }
  // opened from a Moments share: no login here, only the invite, the store and the way into the mini program
  | { name: 'singlePage'; store: Store | null }
  | { name: 'failed'; error: AppError }
  | { name: 'noStore' }
  | { name: 'unknownStore'; storeId: string }
  | { name: 'agree'; store: JoinStore }
  | { name: 'profile'; store: JoinStore };

/** The demo store the H5 preview offers when no store code was scanned. */
const PREVIEW_STORE = 'S001';

/**
 * Joining: the store from the scanned code, who invited the shopper (when the link carries an
 * invite), the privacy notice with an explicit agree step, then an optional profile. Nothing
 * personal leaves the phone before the shopper agrees. Opened from a Moments share (single-page
 * mode) it shows the invite and the store and points to 前往小程序.
 */
export default function JoinPage() {
  const router = useRouter();
  const [link, setLink] = useState<JoinLink>(() => parseJoinQuery(router.params));
  const [singlePage] = useState(inSinglePageMode);
  const [step, setStep] = useState<Step>({ name: 'checking' });
  const [inviter, setInviter] = useState<Inviter | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    (async () => {
      setStep({ name: 'checking' });
      // single-page mode has no login: no card to look up, nobody to join yet
      if (!singlePage) {
        // a member who opens a join link again goes straight to their card
        const card = await memberApi.card();
        if (!live) return;
        if (card.ok) {
          void Taro.switchTab({ url: pageUrl('card') });
          return;
        }
        if (card.error.code !== 'NOT_MEMBER') return setStep({ name: 'failed', error: card.error });
      }
      // the store and who invites, together: both show before the privacy notice
      const [store, invite] = await Promise.all([
        link.storeId ? memberApi.store(link.storeId) : null,
        link.ref ? referralApi.inviter(link.ref) : null,
      ]);
      if (!live) return;
      // an unknown or unusable invite shows nothing of it: joining goes on (the ref still goes to enroll, which records why it did not count)
      setInviter(invite?.ok ? invite.data : null);
      if (singlePage) return setStep({ name: 'singlePage', store: store?.ok ? store.data : null });
      if (!link.storeId || !store) return setStep({ name: 'noStore' });
      if (store.ok) setStep({ name: 'agree', store: store.data });
      else if (store.error.code === 'NOT_FOUND' || store.error.code === 'INVALID_INPUT') setStep({ name: 'unknownStore', storeId: link.storeId });
      else setStep({ name: 'failed', error: store.error });
    })();
    return () => {
      live = false;
    };
  }, [link, attempt]);

  async function scanStoreCode() {
    try {
      const res = await Taro.scanCode({});
      const scanned = parseScannedPath(res.path);
      // the invite that brought the shopper here stays unless the store code carries its own
      if (scanned) setLink({ storeId: scanned.storeId, ref: scanned.ref ?? link.ref, ...(scanned.clerk ? { clerk: scanned.clerk } : {}) });
      else void Taro.showToast({ title: '这不是悦衣库的门店码', icon: 'none' });
    } catch {
      // closed the scanner
    }
  }

  return (
    <View className='page join'>
      <View className='join__hero'>
        <Text className='join__brand'>悦衣库</Text>
        <Text className='join__brand-en'>YUEYI CLUB</Text>
        <Text className='join__headline'>成为悦衣会员</Text>
        <Text className='join__sub'>消费积分 · 等级礼遇 · 生日惊喜</Text>
      </View>

      {step.name === 'checking' && <LoadingBlock height={520} />}

      {/* before the privacy notice; once agreed, the profile step has the page to itself */}
      {inviter && !['checking', 'failed', 'profile'].includes(step.name) ? <InviteWelcome nicknameMasked={inviter.nicknameMasked} terms={inviter.terms} /> : null}

      {step.name === 'singlePage' && (
        <>
          {step.store ? <StoreName name={step.store.name} /> : null}
          <SinglePageHint />
        </>
      )}

      {step.name === 'failed' && <ErrorState error={step.error} onRetry={() => setAttempt((n) => n + 1)} />}

      {(step.name === 'noStore' || step.name === 'unknownStore') && (
        <View className='section join__nostore' role='alert'>
          <Text className='join__nostore-title'>{step.name === 'noStore' ? '请扫描门店的会员二维码' : '没有找到这家门店'}</Text>
          <Text className='muted'>
            {step.name === 'noStore'
              ? '在悦衣库任一门店的收银台或试衣间，都能找到入会二维码。'
              : `二维码里的门店（${step.storeId}）不存在或已停止营业，请扫描门店里最新的会员二维码，或向店员咨询。`}
          </Text>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className='btn btn-primary join__cta' onClick={() => void scanStoreCode()}>
              扫一扫门店码
            </Button>
          ) : (
            <Button className='btn btn-primary join__cta' onClick={() => setLink({ storeId: PREVIEW_STORE, ref: link.ref })}>
              在演示门店加入（预览）
            </Button>
          )}
        </View>
      )}

      {step.name === 'agree' && (
        <AgreeStep storeName={step.store.name} gifts={step.store.gifts} onOpenPolicy={() => setSheetOpen(true)} onAgree={() => setStep({ name: 'profile', store: step.store })} />
      )}

      {step.name === 'profile' && <ProfileStep store={step.store} inviteRef={link.ref} clerk={link.clerk ?? null} />}

      <PrivacySheet open={sheetOpen} onClose={() => setSheetOpen(false)} />
    </View>
  );
}

function StoreName({ name }: { name: string }) {
  return (
    <View className='section join__store'>
      <Text className='muted'>入会门店</Text>
      <Text className='join__store-name'>{name}</Text>
    </View>
  );
}

/** What joining brings, before the shopper agrees to anything: the templates' own words (member.store). */
function JoinGifts({ gifts }: { gifts: JoinStore['gifts'] }) {
  if (gifts.length === 0) return null;
  return (
    <View className='section join__gifts' aria-label='入会礼'>
      <Text className='section-title'>入会即送</Text>
      {gifts.map((g) => (
        <View key={g.on} className={`join__gift join__gift--${g.on}`}>
          <View className='join__gift-head'>
            <Text className='join__gift-mark'>{g.on === 'join' ? '礼' : '＋'}</Text>
            <Text className='join__gift-name'>{g.name}</Text>
          </View>
          <Text className='join__gift-text'>{g.text}</Text>
        </View>
      ))}
    </View>
  );
}

function AgreeStep({ storeName, gifts, onOpenPolicy, onAgree }: { storeName: string; gifts: JoinStore['gifts']; onOpenPolicy: () => void; onAgree: () => void }) {
  return (
    <View className='join__agree'>
      <StoreName name={storeName} />
      <JoinGifts gifts={gifts} />
      <View className='section'>
        <Text className='section-title'>入会前请了解我们如何保护你的信息</Text>
        <PrivacySummary />
        <Text className='link join__policy-link' onClick={onOpenPolicy}>
          阅读完整的《悦衣会员隐私政策》
        </Text>
      </View>
      <Button
        className='btn btn-primary join__cta'
        // in WeChat this also records the agreement to the mini program's privacy guide
        openType={process.env.TARO_ENV === 'weapp' ? 'agreePrivacyAuthorization' : undefined}
        id='agree-privacy'
        onClick={onAgree}
      >
        同意并继续
      </Button>
      <Text className='muted join__fineprint'>点击即表示你已阅读并同意《悦衣会员隐私政策》。不同意则不会收集任何信息。</Text>
    </View>
  );
}

function ProfileStep({ store, inviteRef, clerk }: { store: JoinStore; inviteRef: string | null; clerk: string | null }) {
  const [nickname, setNickname] = useState('');
  const [avatar, setAvatar] = useState<string | null>(null);
  const [birthday, setBirthday] = useState<string | null>(null);
  const [marketing, setMarketing] = useState(false);
  const [joining, setJoining] = useState(false);
  // a double tap lands before React re-renders the button as busy: the ref stops the second join
  const inFlight = useRef(false);
  const [problem, setProblem] = useState<string | null>(null);

  const [skipping, setSkipping] = useState(false);
  const trimmed = cleanNickname(nickname);
  const optInGift = store.gifts.find((g) => g.on === 'marketingOptIn');

  /** Joins with the profile as filled in, or (跳过) with none of it: only what joining needs, and the news switch as the shopper set it. */
  async function join(withProfile: boolean) {
    if (inFlight.current) return;
    const nicknameProblem = withProfile ? nicknameProblemText(nickname) : null;
    if (nicknameProblem) return setProblem(nicknameProblem);
    inFlight.current = true;
    setJoining(true);
    setSkipping(!withProfile);
    setProblem(null);
    const answer = await memberApi.join({
      storeId: store.storeId,
      privacyAccepted: true,
      marketingOptIn: marketing,
      ...(withProfile && trimmed ? { nickname: trimmed } : {}),
      ...(withProfile && avatar ? { avatar } : {}),
      ...(withProfile && birthday ? { birthday } : {}),
      ...(inviteRef ? { ref: inviteRef } : {}),
      // the clerk whose own code was scanned (issue 17): the server signs the shopper up to them, or to the store only
      ...(clerk ? { clerk } : {}),
    });
    inFlight.current = false;
    setJoining(false);
    if (!answer.ok) return setProblem(errorText(answer.error));
    // the card opens at once from this answer, and greets a new member with what is in the wallet
    saveCard(answer.data.member, Date.now());
    if (answer.data.created) leaveWelcome(answer.data.member.memberId);
    else void Taro.showToast({ title: '你已经是会员啦', icon: 'none' });
    void Taro.switchTab({ url: pageUrl('card') });
  }

  return (
    <View className='join__profile'>
      <View className='section'>
        <Text className='section-title'>完善资料（可跳过）</Text>
        <View className='muted'>填写后，会员卡和生日礼遇会更贴心。</View>
        <View className='join__avatar'>
          <AvatarPicker value={avatar} onChange={setAvatar} initial={initialOf(trimmed)} />
        </View>
        <NicknameField value={nickname} onChange={setNickname} />
        <BirthdayField value={birthday} onChange={setBirthday} />
        <Text className='muted form-row__note'>{BIRTHDAY_RULE_TEXT}</Text>
      </View>

      <View className='section join__marketing'>
        <View className='join__marketing-text'>
          <Text className='join__marketing-title'>接收新品与优惠消息</Text>
          {optInGift ? <Text className='join__marketing-gift'>{optInGift.text}</Text> : null}
          <Text className='muted'>单独授权，可随时在“我的”中关闭</Text>
        </View>
        <Switch checked={marketing} color='#1F1B16' onChange={(e) => setMarketing(e.detail.value)} aria-label='接收新品与优惠消息' />
      </View>

      {problem && (
        <View className='join__problem' role='alert'>
          {problem}
        </View>
      )}
      <Button className={`btn btn-primary join__cta${joining ? ' btn--off' : ''}`} disabled={joining} onClick={() => void join(true)}>
        {joining && !skipping ? '正在入会…' : `立即入会 · ${store.name}`}
      </Button>
      <Button className={`btn btn-ghost join__skip${joining ? ' btn--off' : ''}`} disabled={joining} onClick={() => void join(false)}>
        {joining && skipping ? '正在入会…' : '跳过，直接入会'}
      </Button>
      <Text className='muted join__fineprint'>跳过不会保存头像、昵称和生日，之后可在“我的”中填写。</Text>
    </View>
  );
}
