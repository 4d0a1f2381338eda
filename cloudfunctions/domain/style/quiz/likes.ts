import type { ColourChoice, QuizStep } from '../../../contract/styleQuiz';

const colour = (id: string, name: string, hex: string): ColourChoice => ({ id, name, hex });

/**
 * Colours a member loves and avoids: their taste, recorded apart from what suits them (it never
 * moves the season). Every swatch here is a colour some season wears or keeps as a neutral, under
 * the same name and hex as in the palettes, so the report can tell whether a loved colour suits.
 */
export const LIKES_STEP: QuizStep = {
  id: 'likes',
  kind: 'likes',
  title: '你爱穿和不想穿的颜色',
  hint: '可多选，也可以都不选；同一个颜色只能选一边',
  colours: [
    colour('red', '正红', '#c8102e'),
    colour('wine', '酒红', '#7a2e3a'),
    colour('coral', '珊瑚红', '#ff6f61'),
    colour('peach', '桃粉', '#ffb3a7'),
    colour('fuchsia', '玫红', '#d6246e'),
    colour('dustyRose', '雾粉', '#d8aab2'),
    colour('orange', '亮橙', '#ff8c42'),
    colour('mustard', '芥末黄', '#d4a017'),
    colour('lemon', '柠檬黄', '#f7e463'),
    colour('leaf', '嫩绿', '#9acd32'),
    colour('olive', '橄榄绿', '#6b7047'),
    colour('forest', '墨绿', '#2f4f3a'),
    colour('mint', '薄荷绿', '#a8d8c8'),
    colour('teal', '孔雀蓝', '#1f6e7a'),
    colour('sapphire', '宝石蓝', '#1f4fbf'),
    colour('hazeBlue', '雾霾蓝', '#7d93a8'),
    colour('powderBlue', '粉蓝', '#aec6e8'),
    colour('lavender', '薰衣草紫', '#b9a8d8'),
    colour('purple', '深紫', '#4b2a6b'),
    colour('camel', '驼色', '#c19a6b'),
    colour('black', '纯黑', '#000000'),
    colour('white', '纯白', '#ffffff'),
  ],
};
