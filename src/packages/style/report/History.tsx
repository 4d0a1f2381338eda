import { Button, Text, View } from '@tarojs/components';
import { shopDate } from '../../../services/format';
import { styleApi } from '../../../services/style';
import { useRemote } from '../../../services/useRemote';
import { ErrorState, LoadingBlock } from '../../../components/StateView';

/** 历史报告: every report, latest first; a tap opens it (the latest one rules). */
export function HistorySheet({ shown, onOpen, onClose }: { shown: number; onOpen: (attempt: number, latest: boolean) => void; onClose: () => void }) {
  const history = useRemote(styleApi.history);
  return (
    <View className='report-sheet' role='dialog' aria-label='历史报告'>
      <View className='report-sheet__veil' onClick={onClose} />
      <View className='report-sheet__panel report-history'>
        <Text className='section-title'>历史报告</Text>
        <Text className='muted report-history__rule'>每次重新测试都会生成新的报告，以最新一份为准。</Text>
        {history.state.status === 'loading' ? <LoadingBlock height={300} label='正在加载历史报告' /> : null}
        {history.state.status === 'error' ? <ErrorState error={history.state.error} onRetry={() => void history.reload()} /> : null}
        {history.state.status === 'ready'
          ? history.state.data.reports.map((r, i) => (
              <View
                key={r.attempt}
                className={`report-history__row${r.attempt === shown ? ' report-history__row--shown' : ''}`}
                onClick={() => onOpen(r.attempt, i === 0)}
                hoverClass='report-history__row--pressed'
                role='link'
                data-attempt={r.attempt}
              >
                <View className='report-history__text'>
                  <Text className='report-history__title'>
                    第 {r.attempt} 次 · {r.seasonName} · {r.primaryStyle}/{r.secondaryStyle}
                  </Text>
                  <Text className='muted'>{shopDate(r.createdAt)}</Text>
                </View>
                <Text className='report-history__tag'>{r.attempt === shown ? '正在看' : i === 0 ? '最新 ›' : '›'}</Text>
              </View>
            ))
          : null}
        <Button className='btn btn-ghost report-history__close' onClick={onClose}>
          关闭
        </Button>
      </View>
    </View>
  );
}
