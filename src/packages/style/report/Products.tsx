import { Button, Image, Text, View } from '@tarojs/components';
import type { AppError } from '../../../../cloudfunctions/contract';
import type { Product } from '../../../../cloudfunctions/contract/catalog';
import { yuanText } from '../../../../cloudfunctions/contract/formats';
import type { ProductCard } from '../../../../cloudfunctions/contract/style';
import { ColourSwatch } from '../../../components/ColourSwatch';
import { errorText } from '../../../services/errors';

/** 适合你的单品: the catalogue's pieces that fit the report, as pictures with price and why; a tap opens one. */
export function ProductsSection({ products, onOpen }: { products: ProductCard[]; onOpen: (p: ProductCard) => void }) {
  return (
    <View className='section report-products'>
      <Text className='section-title'>适合你的单品</Text>
      {products.length === 0 ? (
        <Text className='muted'>合适的单品暂时都卖完了，上新后会出现在这里</Text>
      ) : (
        <View className='report-products__grid'>
          {products.map((p) => (
            <View key={p.sku} className='report-product' data-sku={p.sku} onClick={() => onOpen(p)} hoverClass='report-product--pressed' role='button' aria-label={p.name}>
              <View className='report-product__picture'>
                <Image className='report-product__image' src={p.image} mode='aspectFit' lazyLoad />
              </View>
              <Text className='report-product__name'>{p.name}</Text>
              <Text className='report-product__price'>{yuanText(p.priceFen)}</Text>
              {p.why ? <Text className='report-product__why'>{p.why}</Text> : null}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

/** What the product sheet shows: the card at once, the product's sizes once viewProduct answers. */
export type OpenProduct = { card: ProductCard; detail: { status: 'loading' } | { status: 'ready'; product: Product } | { status: 'error'; error: AppError } };

/** A simple sheet over the report: the picture, name, price, colours, the sizes in stock; 搭配这件 builds outfits around it. */
export function ProductSheet({ open, onClose, onLook }: { open: OpenProduct; onClose: () => void; onLook: () => void }) {
  const { card, detail } = open;
  return (
    <View className='report-sheet' role='dialog' aria-label={card.name}>
      <View className='report-sheet__veil' onClick={onClose} />
      <View className='report-sheet__panel report-product-sheet'>
        <View className='report-product-sheet__picture'>
          <Image className='report-product__image' src={card.image} mode='aspectFit' />
        </View>
        <Text className='report-product-sheet__name'>{card.name}</Text>
        <Text className='report-product-sheet__price'>{yuanText(card.priceFen)}</Text>
        {card.why ? <Text className='report-product-sheet__why'>{card.why}</Text> : null}
        <View className='report-product-sheet__row'>
          <Text className='report-product-sheet__label'>颜色</Text>
          <View className='report-product-sheet__colours'>
            {card.colours.map((c) => (
              <View key={c.hex} className='report-product-sheet__colour'>
                <ColourSwatch hex={c.hex} size='small' />
                <Text>{c.name}</Text>
              </View>
            ))}
          </View>
        </View>
        <View className='report-product-sheet__row'>
          <Text className='report-product-sheet__label'>尺码</Text>
          {detail.status === 'loading' ? <Text className='muted'>正在查看库存…</Text> : null}
          {detail.status === 'error' ? <Text className='report-product-sheet__problem'>{detail.error.code === 'NOT_FOUND' ? '这件商品已下架' : errorText(detail.error)}</Text> : null}
          {detail.status === 'ready' ? (
            <View className='report-product-sheet__sizes'>
              {detail.product.sizes.map((s) => (
                <Text key={s.size} className={`report-product-sheet__size${s.stock > 0 ? '' : ' report-product-sheet__size--out'}`}>
                  {s.size}
                  {s.stock > 0 ? '' : ' 缺货'}
                </Text>
              ))}
            </View>
          ) : null}
        </View>
        <View className='report-product-sheet__row'>
          <Text className='report-product-sheet__label'>风格</Text>
          <Text>{card.styles.join(' · ')}</Text>
        </View>
        <Text className='muted report-product-sheet__note'>到店出示会员码，店员可以帮你找到这件</Text>
        <View className='report-product-sheet__buttons'>
          <Button className='btn btn-ghost report-product-sheet__close' onClick={onClose}>
            知道了
          </Button>
          <Button className='btn btn-primary report-product-sheet__look' onClick={onLook}>
            搭配这件
          </Button>
        </View>
      </View>
    </View>
  );
}
