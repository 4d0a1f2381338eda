import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { cocreationApi, type CocreationPieces } from '../../../services/cocreation';
import { errorText } from '../../../services/errors';
import { pageUrl } from '../../../services/routes';
import { toast } from '../../../services/toast';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { PieceCard } from './PieceCard';
import { ballotOf, type Draft, EMPTY_DRAFT, VoteForm } from './VoteForm';
import './index.scss';

/**
 * 品牌体验官 · 新品共创 (忠诚者): the brand's upcoming pieces as cards; a 忠诚者 votes on each once
 * (like, fit, price, a short comment) and then sees their vote and that they try it on first when it
 * launches. Others see the pieces and how to become 忠诚者 (the 会员权益 page says the rest).
 */
export default function CocreationPage() {
  const pieces = useRemote(cocreationApi.pieces, { auto: false });
  const { readAgain } = useReadOnShow([remoteRead(pieces)]);
  const [open, setOpen] = useState<{ pieceId: string; draft: Draft } | null>(null);
  const [busy, setBusy] = useState(false);
  const state = pieces.state;

  if (state.status === 'error') {
    return (
      <View className='page cocreation'>
        <ErrorState error={state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (state.status !== 'ready') {
    return (
      <View className='page cocreation'>
        <LoadingBlock height={200} label='正在加载新品' />
        <LoadingBlock height={720} />
      </View>
    );
  }
  const data: CocreationPieces = state.data;
  const toBenefits = () => void Taro.navigateTo({ url: pageUrl('benefits') });

  async function submit() {
    if (!open || busy) return;
    const checked = ballotOf(open.draft);
    if ('missing' in checked) return toast(checked.missing);
    setBusy(true);
    const answer = await cocreationApi.vote(open.pieceId, checked.ballot);
    setBusy(false);
    if (answer.ok) {
      pieces.set({ ...data, pieces: data.pieces.map((p) => (p.pieceId === answer.data.piece.pieceId ? answer.data.piece : p)) });
      setOpen(null);
      return toast('投票成功，感谢参与共创', 'success');
    }
    toast(errorText(answer.error, { LIMIT_REACHED: '你已为这款新品投过票', FORBIDDEN: '忠诚者专享，升级后即可参与', NOT_CLAIMABLE: '这款新品的投票已截止', INVALID_INPUT: '评论最多 140 字' }));
    if (answer.error.code !== 'UNAVAILABLE' && answer.error.code !== 'INVALID_INPUT') {
      setOpen(null);
      void pieces.refresh();
    }
  }

  return (
    <View className='page cocreation'>
      <View className='section cocreation__intro'>
        <Text className='cocreation__title'>品牌体验官 · 新品共创</Text>
        <Text className='muted'>新品上市前先听你的：每款可投一次票，说说喜不喜欢、合不合身、价格值不值。参与后新品上市时你将优先试穿。</Text>
      </View>
      {data.unlock ? (
        <View className='section cocreation__unlock' onClick={toBenefits}>
          <Text className='cocreation__unlock-text'>{data.unlock}</Text>
          <Text className='link'>{`你现在是${data.tierName}，查看会员权益 ›`}</Text>
        </View>
      ) : null}
      {data.pieces.length === 0 ? (
        <View className='section'>
          <Text className='muted cocreation__empty'>暂时没有征集中的新品，品牌发布后会出现在这里</Text>
        </View>
      ) : (
        data.pieces.map((p) => (
          <PieceCard
            key={p.pieceId}
            piece={p}
            onStartVote={() => setOpen({ pieceId: p.pieceId, draft: EMPTY_DRAFT })}
            onUnlock={toBenefits}
            unlock={data.unlock}
            form={open?.pieceId === p.pieceId ? <VoteForm draft={open.draft} busy={busy} onChange={(draft) => setOpen({ pieceId: p.pieceId, draft })} onSubmit={() => void submit()} onCancel={() => setOpen(null)} /> : null}
          />
        ))
      )}
    </View>
  );
}
