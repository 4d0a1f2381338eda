import type { ColourQuestion, QuizStep, SwatchOption } from '../../../contract/styleQuiz';

const option = (id: string, label: string, hex: string): SwatchOption => ({ id, label, hex });
const question = (question: ColourQuestion, title: string, hint: string, options: SwatchOption[]): QuizStep => ({ id: question, kind: 'colour', question, title, hint, options });

/**
 * Labels are short and free of commas: the report quotes them after a topic word ("发色浅棕偏黄").
 *
 * The six colour questions of a colour analysis, one step each, every answer with a swatch to
 * show. The step id is the question. How each answer moves undertone, value, chroma and contrast
 * is in the weights, not here.
 */
export const COLOUR_STEPS: QuizStep[] = [
  question('veins', '手腕内侧的血管，看起来是什么颜色？', '在自然光下看，不要开美颜', [
    option('blue', '偏蓝紫', '#5b6bb5'),
    option('green', '偏绿', '#6b8f5e'),
    option('mixed', '蓝绿都有', '#6f8a8f'),
  ]),
  question('jewellery', '金饰和银饰，哪个更衬你的肤色？', '想想戴上后脸色是更亮还是更暗', [
    option('silver', '银饰更亮眼', '#c0c4cc'),
    option('gold', '金饰更有气色', '#d4af37'),
    option('both', '金银都合适', '#d8b4a0'),
  ]),
  question('sun', '晒太阳后，你的皮肤通常会？', '不涂防晒的情况下', [
    option('burns', '容易晒红不易黑', '#f2c4b6'),
    option('burnsThenTans', '先晒红再变黑', '#e2b59a'),
    option('tans', '很快晒成小麦色', '#c68e5e'),
    option('deep', '肤色本就偏深', '#8d5a3b'),
  ]),
  question('hair', '你的天然发色（没染过）更接近？', '看发根或小时候的发色', [
    option('lightBrown', '浅棕偏黄', '#a67b4f'),
    option('lightAsh', '浅灰棕', '#8a7b70'),
    option('auburn', '栗棕红棕', '#7b3f2a'),
    option('softBrown', '柔和深棕', '#4a3a30'),
    option('ashBlack', '灰黑不亮', '#3a3a3c'),
    option('black', '乌黑发亮', '#141414'),
  ]),
  question('eyes', '你的瞳孔颜色更接近？', '对着窗户看镜子；眼白和瞳孔对比强选“黑白分明”', [
    option('amber', '浅棕琥珀色', '#b07a3a'),
    option('warmBrown', '暖棕色', '#6b4226'),
    option('greyBrown', '柔和灰棕', '#6e655e'),
    option('darkBrown', '深黑褐色', '#2a1d17'),
    option('clear', '黑白分明', '#0f0f14'),
  ]),
  question('contrast', '哪种搭配更衬你的脸？', '想想别人夸你气色好的那天：正红唇、黑白配算强对比', [
    option('low', '淡雅柔和的同色系', '#d9c9bd'),
    option('medium', '有一点对比', '#a08070'),
    option('high', '强对比的黑白配', '#c8102e'),
  ]),
];
