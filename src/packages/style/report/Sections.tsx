import { Text, View } from '@tarojs/components';
import type { StyleReport } from '../../../../cloudfunctions/contract';
import type { NamedColour } from '../../../../cloudfunctions/contract/styleWords';
import { ColourSwatch } from '../../../components/ColourSwatch';
import { shopDate } from '../../../services/format';
import { CATEGORY_NAMES, COLOUR_AXES, seasonTitle } from '../words';
import { axisPosition, colourTraits, seasonLeaning, styleLeaning } from './readings';

/** The top of the card: the season and the styles, with the colours to wear as a strip of dots. */
export function Hero({ report, createdAt }: { report: StyleReport; createdAt: string }) {
  return (
    <View className='report-hero'>
      <Text className='report-hero__brand'>悦衣库 · 我的风格报告</Text>
      <Text className='report-hero__season'>{seasonTitle(report.colour.season)}</Text>
      <Text className='report-hero__traits'>{colourTraits(report.colour.sentence)}</Text>
      <View className='report-hero__dots'>
        {report.palette.wear.slice(0, 8).map((c) => (
          <View key={c.hex} className='report-hero__dot' style={{ backgroundColor: c.hex }} />
        ))}
      </View>
      <View className='report-hero__styles'>
        <Text className='report-hero__label'>风格</Text>
        <Text className='report-hero__style'>
          {report.style.primary.style} · {report.style.secondary.style}
        </Text>
      </View>
      <Text className='report-hero__date'>{shopDate(createdAt)} 测试</Text>
    </View>
  );
}

/** A bar's length against the largest of its kind (a share of 0 still shows a sliver). */
const barWidth = (value: number, largest: number) => `${Math.max(2, largest > 0 ? (value / largest) * 100 : 0)}%`;

/** A −100 … 100 score between its two words, with the words for where it sits. */
function AxisBar({ ends, score, words }: { ends: readonly [string, string]; score: number; words?: string }) {
  return (
    <View className='report-axis'>
      <View className='report-axis__ends'>
        <Text>{ends[0]}</Text>
        {words ? <Text className='report-axis__words'>{words}</Text> : null}
        <Text>{ends[1]}</Text>
      </View>
      <View className='report-axis__track'>
        <View className='report-axis__mid' />
        <View className='report-axis__dot' style={{ left: axisPosition(score) }} />
      </View>
    </View>
  );
}

/** 我的风格: the two leading styles, every style's share as a bar, the axes in words and why. */
export function StyleSection({ style }: { style: StyleReport['style'] }) {
  return (
    <View className='section report-style'>
      <Text className='section-title'>我的风格</Text>
      <View className='report-style__lead'>
        <View className='report-style__pick'>
          <Text className='report-style__rank'>主风格</Text>
          <Text className='report-style__name'>{style.primary.style}</Text>
          <Text className='report-style__share'>{style.primary.share}%</Text>
        </View>
        <View className='report-style__pick report-style__pick--second'>
          <Text className='report-style__rank'>次风格</Text>
          <Text className='report-style__name'>{style.secondary.style}</Text>
          <Text className='report-style__share'>{style.secondary.share}%</Text>
        </View>
      </View>
      <Text className='report__lean'>{styleLeaning(style)}</Text>
      <View className='report-bars'>
        {/* each bar against the largest share: nine styles near 11% each would otherwise all look empty */}
        {style.shares.map((s, i) => (
          <View key={s.style} className={`report-bar${i < 2 ? ' report-bar--lead' : ''}`}>
            <Text className='report-bar__name'>{s.style}</Text>
            <View className='report-bar__track'>
              <View className='report-bar__fill' style={{ width: barWidth(s.share, style.shares[0]!.share) }} />
            </View>
            <Text className='report-bar__value'>{s.share}%</Text>
          </View>
        ))}
      </View>
      <Text className='report__sub'>穿衣倾向</Text>
      {style.axes.map((a) => (
        <AxisBar key={a.axis} ends={a.ends} score={a.score} words={a.words} />
      ))}
      <Reasons lines={style.why} />
    </View>
  );
}

function Reasons({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <View className='report-reasons'>
      <Text className='report__sub'>为什么这么说</Text>
      {lines.map((line) => (
        <Text key={line} className='report-reasons__line'>
          {line}
        </Text>
      ))}
    </View>
  );
}

/** 色彩季型: the season, the member's colour traits, how sure, the four colour axes and why. */
export function ColourSection({ colour }: { colour: StyleReport['colour'] }) {
  return (
    <View className='section report-colour'>
      <Text className='section-title'>色彩季型</Text>
      <Text className='report-colour__sentence'>{colour.sentence}</Text>
      <Text className='report__lean'>{seasonLeaning(colour)}</Text>
      {COLOUR_AXES.map(({ axis, ends }) => (
        <AxisBar key={axis} ends={ends} score={colour.axes[axis]} />
      ))}
      <Reasons lines={colour.why} />
    </View>
  );
}

function SwatchRow({ title, note, colours, struck = false, kind }: { title: string; note: string; colours: NamedColour[]; struck?: boolean; kind: string }) {
  if (colours.length === 0) return null;
  return (
    <View className={`report-palette__group report-palette__group--${kind}`}>
      <View className='report-palette__head'>
        <Text className='report-palette__title'>{title}</Text>
        <Text className='report-palette__note'>{note}</Text>
      </View>
      <View className='report-palette__swatches'>
        {colours.map((c) => (
          <View key={c.hex} className='report-palette__cell'>
            <ColourSwatch hex={c.hex} label={c.name} struck={struck} />
          </View>
        ))}
      </View>
    </View>
  );
}

/** 我的色彩盘: what to wear, the neutrals, the metals, and what to be careful with. */
export function PaletteSection({ palette }: { palette: StyleReport['palette'] }) {
  return (
    <View className='section report-palette'>
      <Text className='section-title'>我的色彩盘</Text>
      <SwatchRow kind='wear' title='适合' note='靠近脸的上衣、围巾首选' colours={palette.wear} />
      <SwatchRow kind='neutrals' title='百搭中性色' note='大衣、裤装的底色' colours={palette.neutrals} />
      <SwatchRow kind='metals' title='金属' note='首饰、扣件、包的五金' colours={palette.metals} />
      <SwatchRow kind='avoid' title='慎穿' note='离脸远些，或小面积点缀' colours={palette.avoid} struck />
    </View>
  );
}

const VERDICT_WORDS = { suits: '适合', avoid: '慎穿', maybe: '可以试' } as const;

/** The member's own loves, each with what the palette says of it, and the colours they avoid. */
export function LikedSection({ liked, disliked }: { liked: StyleReport['likedColours']; disliked: StyleReport['dislikedColours'] }) {
  if (liked.length === 0 && disliked.length === 0) return null;
  return (
    <View className='section report-liked'>
      <Text className='section-title'>你爱穿的颜色</Text>
      {liked.length === 0 ? <Text className='muted'>测试时没有选爱穿的颜色</Text> : null}
      {liked.map((c) => (
        <View key={c.hex} className={`report-liked__row report-liked__row--${c.verdict}`}>
          <ColourSwatch hex={c.hex} size='small' />
          <View className='report-liked__text'>
            <Text className='report-liked__name'>{c.name}</Text>
            <Text className='report-liked__note'>{c.note}</Text>
          </View>
          <Text className={`report-liked__verdict report-liked__verdict--${c.verdict}`}>{VERDICT_WORDS[c.verdict]}</Text>
        </View>
      ))}
      {disliked.length > 0 ? (
        <View className='report-liked__avoided'>
          <Text className='report__sub'>你不想穿的</Text>
          <View className='report-palette__swatches'>
            {disliked.map((c) => (
              <View key={c.hex} className='report-palette__cell'>
                <ColourSwatch hex={c.hex} label={c.name} size='small' />
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}

/** 穿搭档案: the scenes they dress for, fit and sizes, what they usually pay. */
export function ProfileSection({ report }: { report: StyleReport }) {
  const { scenes, fit, sizes, priceBands } = report;
  return (
    <View className='section report-profile'>
      <Text className='section-title'>我的穿搭档案</Text>
      <Text className='report__sub'>常穿场合</Text>
      {scenes.map((s) => (
        <View key={s.scene} className='report-bar'>
          <Text className='report-bar__name'>{s.scene}</Text>
          <View className='report-bar__track'>
            <View className='report-bar__fill report-bar__fill--scene' style={{ width: barWidth(s.weight, Math.max(...scenes.map((x) => x.weight))) }} />
          </View>
          <Text className='report-bar__value report-bar__value--word'>{s.frequency}</Text>
        </View>
      ))}
      <Text className='report__sub'>版型与尺码</Text>
      <View className='report-facts'>
        <Fact label='上身' value={fit.top} />
        <Fact label='下身' value={fit.bottom} />
        <Fact label='轮廓' value={fit.silhouetteName} />
        <Fact label='上装' value={sizes.top} />
        <Fact label='下装' value={sizes.bottom} />
        <Fact label='鞋码' value={String(sizes.shoes)} />
      </View>
      {priceBands.length > 0 ? (
        <>
          <Text className='report__sub'>常买价位</Text>
          {priceBands.map((b) => (
            <View key={b.category} className='report-price-band'>
              <Text>{CATEGORY_NAMES[b.category]}</Text>
              <Text className='report-price-band__value'>{b.label}</Text>
            </View>
          ))}
        </>
      ) : null}
    </View>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='report-fact'>
      <Text className='report-fact__label'>{label}</Text>
      <Text className='report-fact__value'>{value}</Text>
    </View>
  );
}
