import { View } from '@tarojs/components';
import type { OutfitsAnswer } from '../../../../cloudfunctions/contract/outfits';
import { LoadingBlock } from '../../../components/StateView';
import { pageUrl } from '../../../services/routes';
import { OutfitCard } from './OutfitCard';
import { OutfitProblemCard, SwapSheet } from './Sheets';
import type { useOutfitCards } from './useOutfitCards';

const NUMBERS = ['一', '二', '三', '四', '五', '六'];

type Cards = ReturnType<typeof useOutfitCards>;

/**
 * The outfits of 今日穿搭 and 搭配这件 alike: a placeholder while they load, why none could be made
 * (with a way forward), or the cards with 换一件, 收藏 and 今天穿了; and the 换一件 sheet when open.
 */
export function OutfitCards(props: {
  data: OutfitsAnswer | null;
  reloading: boolean;
  loadingLabel: string;
  /** "第一套", "搭配一" */
  title: (number: string) => string;
  /** the piece every outfit is built around (搭配这件): marked, never swapped */
  anchorId?: string;
  cards: Cards;
  go: (url: string) => void;
}) {
  const { data, cards, go } = props;
  const list =
    !data || props.reloading ? (
      <View className='outfits__loading'>
        <LoadingBlock height={720} label={props.loadingLabel} />
      </View>
    ) : data.outfits.length === 0 ? (
      data.problem ? <OutfitProblemCard problem={data.problem} onAdd={() => go(pageUrl('wardrobeAdd'))} onQuiz={() => go(pageUrl('styleQuiz'))} /> : null
    ) : (
      cards.cards(data.outfits).map(({ origin, outfit, worn }, i) => (
        <OutfitCard
          key={origin}
          outfit={outfit}
          title={props.title(NUMBERS[i] ?? String(i + 1))}
          day={data.day.day}
          worn={worn}
          anchorId={props.anchorId}
          busy={cards.busyOn(origin)}
          onSwap={(slot) => void cards.askSwap(origin, outfit, slot)}
          onSave={() => void cards.save(origin, outfit)}
          onWear={() => void cards.wear(origin, outfit)}
          onOpenPiece={cards.openPiece}
          onOpenSaved={cards.openSaved}
        />
      ))
    );
  return <>{list}</>;
}

/** The 换一件 sheet of a page's cards, when one is open. */
export function CardsSwapSheet({ data, cards, go }: { data: OutfitsAnswer | null; cards: Cards; go: (url: string) => void }) {
  const swap = cards.swap;
  if (!swap) return null;
  return (
    <SwapSheet
      swap={swap}
      onChoose={cards.choose}
      onClose={cards.closeSwap}
      onAdd={() => {
        cards.closeSwap();
        go(pageUrl('wardrobeAdd'));
      }}
      onRetry={() => {
        const card = data && cards.cards(data.outfits).find((c) => c.origin === swap.origin);
        if (card) void cards.askSwap(card.origin, card.outfit, swap.slot);
      }}
    />
  );
}
