import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { AppError } from '../../../../cloudfunctions/contract';
import type { OutfitView, WardrobePiece } from '../../../../cloudfunctions/contract/outfits';
import type { Category, Scene } from '../../../../cloudfunctions/contract/styleWords';
import { pageUrl } from '../../../services/routes';
import { outfitsApi, wardrobeApi } from '../../../services/wardrobe';
import { refusalText } from '../errors';
import { pieceIds, withWears, wornIds } from './outfit';
import type { Swap } from './Sheets';

/**
 * What the outfit cards of a page (今日穿搭, 搭配这件) do, kept across the page's reads: 换一件
 * (a card stays swapped when the page reads its outfits again on show), 收藏 and 今天穿了, each
 * said in a toast when done; a refusal is said in the function's words or the catalogue's.
 */
export function useOutfitCards(options: { scene: () => Scene; onNotMember: () => void }) {
  // a card swapped: its key as the plan gave it → the outfit chosen in its place
  const [swapped, setSwapped] = useState<Record<string, OutfitView>>({});
  const [savedKeys, setSavedKeys] = useState<readonly string[]>([]);
  const [lastWorn, setLastWorn] = useState<ReadonlyMap<string, string | null>>(new Map());
  // the outfits 今天穿了 was done on here (the wear log keeps days per piece, not outfits)
  const [wornKeys, setWornKeys] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState<{ origin: string; what: 'save' | 'wear' | 'swap' } | null>(null);
  const [swap, setSwap] = useState<Swap | null>(null);
  const asking = useRef(0);

  /** The cards as shown: each the plan's outfit or the one swapped in, with what was saved and worn since. */
  function cards(outfits: readonly OutfitView[]): Array<{ origin: string; outfit: OutfitView; worn: boolean }> {
    return outfits.map((planned) => {
      const shown = swapped[planned.key] ?? planned;
      return { origin: planned.key, outfit: withWears({ ...shown, saved: shown.saved || savedKeys.includes(shown.key) }, lastWorn), worn: wornKeys.includes(shown.key) };
    });
  }

  function refused(error: AppError) {
    if (error.code === 'NOT_MEMBER') return options.onNotMember();
    void Taro.showToast({ title: refusalText(error), icon: 'none' });
  }

  async function save(origin: string, outfit: OutfitView) {
    if (busy) return;
    setBusy({ origin, what: 'save' });
    const answer = await outfitsApi.save({ pieceIds: pieceIds(outfit), scene: options.scene(), reason: outfit.reason.slice(0, 80) });
    setBusy(null);
    if (!answer.ok) return refused(answer.error);
    setSavedKeys((keys) => [...keys, outfit.key]);
    void Taro.showToast({ title: '已收藏，可在「收藏的搭配」查看', icon: 'none' });
  }

  async function wear(origin: string, outfit: OutfitView) {
    const ids = wornIds(outfit);
    if (busy || ids.length === 0) return;
    setBusy({ origin, what: 'wear' });
    const answer = await wardrobeApi.wear(ids);
    setBusy(null);
    if (!answer.ok) return refused(answer.error);
    setLastWorn((held) => new Map([...held, ...answer.data.items.map((i) => [i.id, i.lastWornAt] as const)]));
    setWornKeys((keys) => [...keys, outfit.key]);
    void Taro.showToast({ title: `已记下：今天穿了这套（${ids.length} 件）`, icon: 'none' });
  }

  async function askSwap(origin: string, outfit: OutfitView, slot: Category) {
    if (busy) return;
    const mine = (asking.current += 1);
    setBusy({ origin, what: 'swap' });
    setSwap({ origin, slot, answer: { status: 'loading' } });
    const answer = await outfitsApi.swap({ pieceIds: pieceIds(outfit), slot, scene: options.scene() });
    if (mine !== asking.current) return;
    setBusy(null);
    if (!answer.ok && answer.error.code === 'NOT_MEMBER') return options.onNotMember();
    setSwap({ origin, slot, answer: answer.ok ? { status: 'ready', options: answer.data.outfits, problem: answer.data.problem } : { status: 'error', error: answer.error } });
  }

  function choose(outfit: OutfitView) {
    if (!swap) return;
    const piece = outfit.slots[swap.slot] as WardrobePiece | undefined;
    setSwapped((held) => ({ ...held, [swap.origin]: outfit }));
    setSwap(null);
    void Taro.showToast({ title: `已换成${piece?.name ?? '新的一件'}`, icon: 'none' });
  }

  function closeSwap() {
    asking.current += 1;
    setBusy(null);
    setSwap(null);
  }

  /** A new scene: the cards start from the new plan. */
  function reset() {
    setSwapped({});
    closeSwap();
  }

  const busyOn = (origin: string) => (busy?.origin === origin ? busy.what : null);
  const openPiece = (piece: WardrobePiece) => void Taro.navigateTo({ url: pageUrl('wardrobeItem', { id: piece.id }) });
  const openSaved = () => void Taro.navigateTo({ url: pageUrl('savedOutfits') });

  return { cards, busyOn, save, wear, askSwap, choose, closeSwap, swap, reset, openPiece, openSaved };
}
