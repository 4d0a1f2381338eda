import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { OutfitProduct, OutfitWardrobePiece } from '../../../../cloudfunctions/contract/staffSales';
import type { Category } from '../../../../cloudfunctions/contract/styleWords';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { errorText } from '../../../services/errors';
import { newRequestId, staffSalesApi } from '../../../services/staffSales';
import { toast } from '../../../services/toast';
import { useRemote } from '../../../services/useRemote';
import { ProductGrid } from './ProductGrid';
import { CATEGORIES, CATEGORY_NAMES } from './words';
import '../sales.scss';

const MIN_ITEMS = 2;
const MAX_ITEMS = 8;
const MAX_PIECES = 6;
const DEFAULT_TITLE = '为你搭配的一套';

/**
 * 为TA搭配 (issue 17, part 7): ?memberId= a member of the clerk's store. The engine's outfits for
 * them, or products picked from the catalogue by category (2–8), with pieces of their own wardrobe;
 * a title and a note; sent as 导购为你搭配, which the member opens in their style pages.
 */
export default function StaffOutfitPage() {
  const memberId = useRouter().params.memberId ?? '';
  if (!/^\d{6,20}$/.test(memberId)) {
    return (
      <View className='page'>
        <View className='section'>
          <Text className='section-title'>先选一位会员</Text>
          <Text className='muted'>请从会员详情或待办里的「为TA搭配」进入。</Text>
        </View>
      </View>
    );
  }
  return <OutfitPicker memberId={memberId} />;
}

function OutfitPicker({ memberId }: { memberId: string }) {
  const [category, setCategory] = useState<Category | null>(null);
  // read by the load when the clerk changes tab (the reload runs before the next render)
  const categoryRef = useRef<Category | null>(null);
  const remote = useRemote(() => staffSalesApi.productsForOutfit(memberId, categoryRef.current ?? undefined));
  const [items, setItems] = useState<string[]>([]);
  const [pieces, setPieces] = useState<string[]>([]);
  const [title, setTitle] = useState(DEFAULT_TITLE);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  // every product seen, so picks from another category still show by name
  const seen = useRef(new Map<string, OutfitProduct>());
  // one id per list being made: a retried send after a lost answer is the same list
  const requestId = useRef(newRequestId());
  const state = remote.state;

  if (state.status === 'loading') return <View className='page'><LoadingBlock height={720} label='正在加载商品和搭配建议' /></View>;
  if (state.status === 'error') return <View className='page'><ErrorState error={state.error} onRetry={() => void remote.reload()} /></View>;
  const data = state.data;
  for (const p of [...data.products, ...data.suggested]) seen.current.set(p.sku, p);
  const who = data.member.nickname ?? '这位会员';

  function pick(kind: 'items' | 'pieces', id: string) {
    setProblem(null);
    const [list, set, max] = kind === 'items' ? [items, setItems, MAX_ITEMS] : [pieces, setPieces, MAX_PIECES];
    if (list.includes(id)) return set(list.filter((x) => x !== id));
    if (list.length >= max) return setProblem(kind === 'items' ? `最多选 ${MAX_ITEMS} 件商品` : `最多带上 ${MAX_PIECES} 件衣橱单品`);
    set([...list, id]);
  }

  function chooseCategory(next: Category | null) {
    categoryRef.current = next;
    setCategory(next);
    void remote.reload();
  }

  async function send() {
    if (sending) return;
    if (items.length < MIN_ITEMS) return setProblem(`至少选 ${MIN_ITEMS} 件商品`);
    if (!title.trim()) return setProblem('请写一个标题');
    setSending(true);
    setProblem(null);
    const answer = await staffSalesApi.sendOutfitList({ memberId, title: title.trim(), note: note.trim(), items, ...(pieces.length ? { wardrobe: pieces } : {}), requestId: requestId.current });
    setSending(false);
    if (!answer.ok) return setProblem(errorText(answer.error, { NOT_FOUND: '有商品已下架或衣橱单品已不在，请重新选择', FORBIDDEN: '只能为本店会员搭配' }));
    setSent(true);
    toast(`已发送给${who}`, 'success');
  }

  function again() {
    requestId.current = newRequestId();
    setItems([]);
    setPieces([]);
    setTitle(DEFAULT_TITLE);
    setNote('');
    setSent(false);
  }

  if (sent) {
    return (
      <View className='page'>
        <View className='section'>
          <Text className='section-title'>已发送给{who}</Text>
          <Text className='muted'>TA 打开悦衣会员，在「导购为你搭配」里就能看到这份清单（{items.length} 件商品）。</Text>
          <Button className='btn btn-primary outfit-pick__bar' onClick={again}>
            再搭一套
          </Button>
        </View>
      </View>
    );
  }

  const wardrobe: OutfitWardrobePiece[] = data.wardrobe;
  const pickedItems = new Set(items);
  const pickedPieces = new Set(pieces);
  return (
    <View className='page'>
      <View className='section'>
        <Text className='section-title'>为{who}搭配</Text>
        <Text className='muted'>选 {MIN_ITEMS}–{MAX_ITEMS} 件商品，可以带上 TA 衣橱里的单品，写一句话，发给 TA。</Text>
      </View>

      {data.suggestions.length > 0 ? (
        <View className='section'>
          <Text className='section-title'>搭配建议</Text>
          {data.suggestions.map((s, i) => (
            <View key={i} className='outfit-pick__suggestion'>
              <Text>{s.reason}</Text>
              <Text className='muted' style={{ display: 'block' }}>
                {s.skus.map((sku) => seen.current.get(sku)?.name ?? sku).join('、')}
                {s.wardrobeIds.length ? ` + TA 衣橱里的 ${s.wardrobeIds.length} 件` : ''}
              </Text>
              <Button
                className='btn btn-ghost outfit-pick__bar'
                onClick={() => {
                  setItems(s.skus.slice(0, MAX_ITEMS));
                  setPieces(s.wardrobeIds.slice(0, MAX_PIECES));
                  setProblem(null);
                }}
              >
                用这套
              </Button>
            </View>
          ))}
        </View>
      ) : null}

      <View className='section'>
        <Text className='section-title'>从商品里挑</Text>
        <View className='outfit-pick__tabs'>
          {[null, ...CATEGORIES].map((c) => (
            <View key={c ?? 'all'} className={`outfit-pick__tab${category === c ? ' outfit-pick__tab--on' : ''}`} role='tab' aria-selected={category === c} onClick={() => chooseCategory(c)}>
              {c ? CATEGORY_NAMES[c] : '全部'}
            </View>
          ))}
        </View>
        {data.products.length === 0 ? <Text className='muted'>这一类暂时没有在售商品</Text> : null}
        <ProductGrid pieces={data.products.map((p) => ({ id: p.sku, name: p.name, image: p.image, priceFen: p.priceFen, inStock: p.inStock }))} picked={pickedItems} onToggle={(id) => pick('items', id)} />
      </View>

      {wardrobe.length > 0 ? (
        <View className='section'>
          <Text className='section-title'>TA 的衣橱（可选）</Text>
          <ProductGrid pieces={wardrobe.map((w) => ({ id: w.id, name: w.name, image: w.image }))} picked={pickedPieces} onToggle={(id) => pick('pieces', id)} />
        </View>
      ) : null}

      <View className='section'>
        <Text className='section-title'>
          已选 {items.length}/{MAX_ITEMS} 件商品{pieces.length ? `，衣橱 ${pieces.length} 件` : ''}
        </Text>
        <Text className='muted'>{items.map((sku) => seen.current.get(sku)?.name ?? sku).join('、') || '还没有选商品'}</Text>
        <Input className='outfit-pick__field' placeholder='标题，如：周末通勤' value={title} maxlength={20} onInput={(e) => setTitle(e.detail.value)} />
        {/* an Input, not a Textarea: a Textarea's template would join every page's base.wxml (main package +2 KB) */}
        <Input className='outfit-pick__field' placeholder='写给 TA 的一句话（可不填）' value={note} maxlength={200} onInput={(e) => setNote(e.detail.value)} />
        {problem ? <Text className='counter-coupon__problem'>{problem}</Text> : null}
        <Button className={`btn btn-primary outfit-pick__bar${sending || items.length < MIN_ITEMS ? ' btn--off' : ''}`} loading={sending} onClick={() => void send()}>
          {sending ? '正在发送…' : `发送给${who}`}
        </Button>
      </View>
    </View>
  );
}
