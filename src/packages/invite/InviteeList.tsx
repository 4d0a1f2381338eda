import { Button, Text, View } from '@tarojs/components';
import type { Invitee } from '../../../cloudfunctions/contract';
import { ListFooter } from '../../components/ListFooter';
import { LoadingBlock } from '../../components/StateView';
import { errorText } from '../../services/errors';
import { shopDate } from '../../services/format';
import type { InviteeList as List } from '../../services/useInvitees';

interface InviteeListProps {
  list: List;
  onRetryFirst: () => void;
  onMore: () => void;
}

/** 邀请记录: newest first, masked nicknames, when they joined and where their referral stands in words. */
export function InviteeList({ list, onRetryFirst, onMore }: InviteeListProps) {
  const { invitees, loaded, loading, failed, nextBefore } = list;
  return (
    <View className='section invitees'>
      <Text className='section-title'>邀请记录</Text>
      {!loaded && failed ? (
        <View className='invitees__problem' role='alert'>
          <Text>邀请记录没能加载：{errorText(failed.error)}</Text>
          <Button className='btn btn-ghost invitees__retry' onClick={onRetryFirst}>
            重新加载
          </Button>
        </View>
      ) : !loaded ? (
        <LoadingBlock height={240} label='正在加载邀请记录' />
      ) : invitees.length === 0 ? (
        <View className='invitees__empty'>
          <Text className='invitees__empty-title'>还没有好友通过你的邀请加入</Text>
          <Text className='muted'>好友通过你的邀请链接或海报入会后，会显示在这里。</Text>
        </View>
      ) : (
        <View>
          {invitees.map((invitee) => (
            <InviteeRow key={invitee.key} invitee={invitee} />
          ))}
          <ListFooter loading={loading === 'more'} failed={failed?.page === 'more' ? failed.error : null} end={nextBefore === null} onMore={onMore} />
        </View>
      )}
    </View>
  );
}

function InviteeRow({ invitee }: { invitee: Invitee }) {
  return (
    <View className='invitee'>
      <View className='invitee__head'>
        <Text className='invitee__name'>{invitee.nicknameMasked}</Text>
        <Text className='muted'>{shopDate(invitee.joinedAt)}加入</Text>
      </View>
      {/* on its own line: the longest (未生效：原因) never squeezes the name or the date, even on a 320 px phone */}
      <Text className={`invitee__status invitee__status--${invitee.status}`}>{invitee.statusText}</Text>
    </View>
  );
}

