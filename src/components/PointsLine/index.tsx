import { Text, View } from '@tarojs/components';
import type { LedgerLine } from '../../../cloudfunctions/contract';
import { lastShopDay, shopDateTime, thousands } from '../../services/format';
import './index.scss';

/** "+120", "−30" (a true minus, as wide as the plus), "0". */
export function signedPoints(points: number): string {
  if (points > 0) return `+${thousands(points)}`;
  if (points < 0) return `\u2212${thousands(-points)}`;
  return '0';
}

/** One line of the points history: what happened, where, when, and what it did to the balance. */
export function PointsLine({ line }: { line: LedgerLine }) {
  const gain = line.points > 0;
  const notes = [
    line.debtSettled > 0 ? { kind: 'settled', text: `抵扣欠分 ${thousands(line.debtSettled)}` } : null,
    line.debtAdded > 0 ? { kind: 'added', text: `欠分 ${thousands(line.debtAdded)}` } : null,
  ].filter((note) => note !== null);
  const expiry = (line.kind === 'earn' || line.kind === 'bonus') && line.expiresAt ? `有效期至 ${lastShopDay(line.expiresAt)}` : null;

  return (
    <View className={`points-line points-line--${line.kind}`} data-id={line.id}>
      <View className='points-line__main'>
        <Text className='points-line__title'>{line.title}</Text>
        {line.detail ? <Text className='points-line__detail'>{line.detail}</Text> : null}
        {/* each piece keeps together (a date never breaks at its hyphens); on a narrow phone the line breaks between them */}
        <Text className='points-line__when'>
          <Text className='points-line__stamp'>{shopDateTime(line.at)}</Text>
          {expiry ? (
            <>
              {' · '}
              <Text className='points-line__stamp points-line__stamp--expiry'>{expiry}</Text>
            </>
          ) : null}
        </Text>
        {notes.length > 0 ? (
          <View className='points-line__notes'>
            {notes.map((note) => (
              <Text key={note.kind} className={`points-line__note points-line__note--${note.kind}`}>
                {note.text}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
      <Text className={`points-line__points${gain ? ' points-line__points--gain' : ''}`}>{signedPoints(line.points)}</Text>
    </View>
  );
}
