import { Text, View } from '@tarojs/components';
import type { NpsReport } from '../../../services/opsNps';
import { npsText, npsVerdict, scoreTone, shareWidths } from './words';

type Figure = NpsReport['store'];

/** The store's NPS: the number, what it means, and the bar of promoters / passives / detractors with its counts as text. */
export function NpsFigure({ figure, title, period }: { figure: Figure; title: string; period: string }) {
  const w = shareWidths(figure);
  return (
    <View className='section ops-nps__hero'>
      <Text className='section-title'>{title}</Text>
      <Text className='muted ops-nps__period'>{period}</Text>
      <View className='ops-nps__score-line'>
        <Text className={`ops-nps__score${scoreTone(figure.nps)}`} aria-label={`NPS ${npsText(figure.nps)}`}>
          {npsText(figure.nps)}
        </Text>
        <Text className='muted ops-nps__verdict'>{npsVerdict(figure)}</Text>
      </View>
      {figure.total > 0 ? (
        <>
          <View className='ops-nps__bar' aria-hidden='true'>
            <View className='ops-nps__bar-part ops-nps__bar-part--promoter' style={{ width: `${w.promoters}%` }} />
            <View className='ops-nps__bar-part ops-nps__bar-part--passive' style={{ width: `${w.passives}%` }} />
            <View className='ops-nps__bar-part ops-nps__bar-part--detractor' style={{ width: `${w.detractors}%` }} />
          </View>
          <View className='ops-nps__legend'>
            <Text className='ops-nps__legend-item'>
              <Text className='ops-nps__dot ops-nps__dot--promoter' />
              {`推荐者 ${figure.promoters}（${figure.promoterShare}%）`}
            </Text>
            <Text className='ops-nps__legend-item'>
              <Text className='ops-nps__dot ops-nps__dot--passive' />
              {`中立者 ${figure.passives}`}
            </Text>
            <Text className='ops-nps__legend-item'>
              <Text className='ops-nps__dot ops-nps__dot--detractor' />
              {`贬损者 ${figure.detractors}（${figure.detractorShare}%）`}
            </Text>
          </View>
          <Text className='muted ops-nps__total'>{`共 ${figure.total} 条评价 · NPS = 推荐者占比 − 贬损者占比`}</Text>
        </>
      ) : (
        <Text className='muted ops-nps__total'>这段时间还没有顾客评价。顾客在门店消费后，会员卡的「消费成功」页会请他们打分。</Text>
      )}
    </View>
  );
}
