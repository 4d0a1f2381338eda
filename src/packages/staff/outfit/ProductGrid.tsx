import { Image, Text, View } from '@tarojs/components';
import { yuanText } from '../../../../cloudfunctions/contract/formats';
import { pictureSrc } from '../../../services/files';

export interface PickPiece {
  id: string;
  name: string;
  image: string;
  /** catalogue products carry a price; the member's own pieces none */
  priceFen?: number;
  inStock?: boolean;
}

/** Pieces to pick from, two a row; a tap picks or unpicks one (the page keeps the choice). */
export function ProductGrid({ pieces, picked, onToggle }: { pieces: readonly PickPiece[]; picked: ReadonlySet<string>; onToggle: (id: string) => void }) {
  return (
    <View className='outfit-pick__grid'>
      {pieces.map((p) => (
        <View key={p.id} className={`outfit-pick__item${picked.has(p.id) ? ' outfit-pick__item--on' : ''}`} role='checkbox' aria-checked={picked.has(p.id)} aria-label={p.name} onClick={() => onToggle(p.id)}>
          <Image className='outfit-pick__image' src={pictureSrc(p.image)} mode='aspectFit' />
          <Text className='outfit-pick__name'>{p.name}</Text>
          <Text className='muted'>
            {p.priceFen !== undefined ? yuanText(p.priceFen) : 'TA 的衣橱'}
            {p.inStock === false ? ' · 暂时缺货' : ''}
            {picked.has(p.id) ? ' · 已选' : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}
