import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import type { ActionOutput } from '../../../../cloudfunctions/contract';
// StateView's styles before ListFooter's, as on the 积分 page (one css order across chunks)
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { ListFooter } from '../../../components/ListFooter';
import { errorText } from '../../../services/errors';
import { shopDateTime } from '../../../services/format';
import { staffMemberApi } from '../../../services/staffMember';
import { usePagedList } from '../../../services/usePagedList';
import { useReadOnShow } from '../../../services/useReadOnShow';
import './index.scss';

type Entry = ActionOutput<'staff', 'auditLog'>['entries'][number];

/** The audit log's views in shop words. */
const VIEW_NAMES: Record<string, string> = { lookup: '收银查询', memberView: '会员详情', notes: '备注', tags: '标签', coupons: '发券', todo: '待办', outfitList: '搭配清单', counterCheck: '到店核销', campaign: '营销人群预览' };

const source = {
  async fetch(before?: string) {
    const answer = await staffMemberApi.auditLog(before);
    return answer.ok ? { ok: true as const, data: { items: answer.data.entries, nextBefore: answer.data.next } } : answer;
  },
};

/**
 * 查看记录 (store managers): every look at a member by the store's staff — who, when, which member,
 * which screen and why — newest first, a page at a time. Anyone else is told it is for managers.
 */
export default function StaffAuditPage() {
  const { list, reload, loadMore, read } = usePagedList<Entry, string>(source);
  const { readAgain } = useReadOnShow([read]);
  useReachBottom(() => void loadMore());

  if (!list.loaded && list.failed) {
    return (
      <View className='page staff-audit'>
        <ErrorState error={list.failed.error} onRetry={() => void readAgain()} />
        {list.failed.error.code === 'FORBIDDEN' ? <Text className='muted staff-audit__why'>查看记录仅对店长开放</Text> : null}
      </View>
    );
  }
  if (!list.loaded) {
    return (
      <View className='page staff-audit'>
        <LoadingBlock height={640} label='正在加载查看记录' />
      </View>
    );
  }
  return (
    <View className='page staff-audit'>
      <Text className='muted staff-audit__intro'>员工每次查看会员资料都会记录在此，仅店长可见。</Text>
      {list.items.length === 0 ? <Text className='muted staff-audit__empty'>还没有查看记录</Text> : null}
      <View className='section staff-audit__list'>
        {list.items.map((e, i) => (
          <View key={`${e.at}-${i}`} className='staff-audit__entry'>
            <View className='staff-audit__line'>
              <Text className='staff-audit__who'>{e.staffName}</Text>
              <Text className='muted'>{shopDateTime(e.at)}</Text>
            </View>
            <Text className='staff-audit__what'>
              {VIEW_NAMES[e.view] ?? e.view} · {e.nickname ?? '会员'}（{e.memberId}）
            </Text>
            <Text className='muted staff-audit__why-line'>原因：{e.why}</Text>
          </View>
        ))}
      </View>
      <ListFooter loading={list.loading === 'more'} failed={list.failed?.page === 'more' ? list.failed.error : null} end={list.nextBefore === null} onMore={() => void loadMore()} />
      {list.failed?.page === 'first' ? <Text className='muted staff-audit__why' onClick={() => void reload()}>{errorText(list.failed.error)}，点此重试</Text> : null}
    </View>
  );
}
