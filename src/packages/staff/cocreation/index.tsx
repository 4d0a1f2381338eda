import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { cocreationApi, type PieceResult } from '../../../services/cocreation';
import { errorText } from '../../../services/errors';
import { newRequestId } from '../../../services/points';
import { toast } from '../../../services/toast';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { type Draft, EMPTY_PUBLISH, formOf, PublishForm } from './PublishForm';
import { ResultCard } from './ResultCard';
import './index.scss';

/**
 * 新品共创结果 (store managers): per piece the votes, likes, average fit and price by tier and the
 * latest comments; publish a piece, stop its votes, mark it launched (its voters get the
 * 新品优先试穿权). Other staff are told only managers see it.
 */
export default function StaffCocreationPage() {
  const results = useRemote(cocreationApi.results, { auto: false });
  const { readAgain } = useReadOnShow([remoteRead(results)], { stayIfNotMember: true });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [requestId, setRequestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const state = results.state;

  if (state.status === 'error' && state.error.code === 'FORBIDDEN') {
    return (
      <View className='page staff-cocreation'>
        <View className='section'>
          <Text className='muted staff-cocreation__forbidden'>新品共创结果仅店长可查看</Text>
        </View>
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <View className='page staff-cocreation'>
        <ErrorState error={state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (state.status !== 'ready') {
    return (
      <View className='page staff-cocreation'>
        <LoadingBlock height={640} label='正在加载共创结果' />
      </View>
    );
  }
  const shown = state.data.pieces;
  const replace = (p: PieceResult) => results.set({ pieces: shown.some((x) => x.pieceId === p.pieceId) ? shown.map((x) => (x.pieceId === p.pieceId ? p : x)) : [p, ...shown] });

  async function publish() {
    if (!draft || busy) return;
    const checked = formOf(draft);
    if ('missing' in checked) return toast(checked.missing);
    setBusy(true);
    const answer = await cocreationApi.publish(checked.form, requestId);
    setBusy(false);
    if (!answer.ok) return toast(errorText(answer.error));
    replace(answer.data.piece);
    setDraft(null);
    setRequestId(newRequestId());
    toast('已发布，会员现在可以投票', 'success');
  }

  async function close(p: PieceResult) {
    const sure = await Taro.showModal({ title: '截止投票', content: `截止后会员不能再为「${p.name}」投票。确定截止吗？`, confirmText: '截止', cancelText: '取消' });
    if (!sure.confirm) return;
    setBusy(true);
    const answer = await cocreationApi.close(p.pieceId);
    setBusy(false);
    if (!answer.ok) return toast(errorText(answer.error));
    replace(answer.data.piece);
    toast('已截止投票', 'success');
  }

  async function launch(p: PieceResult) {
    const sure = await Taro.showModal({ title: '新品上市', content: `「${p.name}」上市后，${p.total.votes} 位投票会员将各得一张新品优先试穿权。确定吗？`, confirmText: '上市', cancelText: '取消' });
    if (!sure.confirm) return;
    setBusy(true);
    const answer = await cocreationApi.launch(p.pieceId);
    setBusy(false);
    if (!answer.ok) return toast(errorText(answer.error));
    replace(answer.data.piece);
    toast(answer.data.remaining ? `已发放 ${answer.data.issued} 张，还有会员待发放，请再点一次` : `已上市，发放试穿权 ${answer.data.issued} 张`, 'success');
  }

  return (
    <View className='page staff-cocreation'>
      {draft ? (
        <PublishForm draft={draft} busy={busy} onChange={setDraft} onSubmit={() => void publish()} onCancel={() => setDraft(null)} />
      ) : (
        <Button className='btn btn-primary staff-cocreation__new' onClick={() => setDraft(EMPTY_PUBLISH)}>
          发布新品征集
        </Button>
      )}
      {shown.length === 0 ? (
        <View className='section'>
          <Text className='muted staff-cocreation__empty'>还没有共创新品，点上方按钮发布第一款</Text>
        </View>
      ) : (
        shown.map((p) => <ResultCard key={p.pieceId} piece={p} busy={busy} onClose={() => void close(p)} onLaunch={() => void launch(p)} />)
      )}
    </View>
  );
}
