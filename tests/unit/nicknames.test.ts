import { nicknameFault, nicknameProblem } from '../../cloudfunctions/contract/nickname';

/** The nickname as the schema and the app's form hand it to the rule: NFC, trimmed. */
const judge = (typed: string) => nicknameFault(typed.normalize('NFC').trim());

describe('a nickname anyone can read', () => {
  describe('is allowed', () => {
    it.each([
      ['with two country flags side by side', '🇨🇳🇫🇷'],
      ['with a heart drawn as an emoji (U+FE0F)', '小雅❤️'],
      ['in Latin letters with an accent or two', 'Zoë Nguyễn'],
      ['with a decomposed accent (stored composed)', 'Zoe\u0301'],
      ['in Vietnamese with two marks on one vowel, decomposed', 'Vie\u0323\u0302t'],
      ['in Thai with a vowel and a tone mark on one consonant', 'สมชาย ที่ดี'],
      ['in Tibetan with a stack of subjoined letters', 'སྒྲུབ་པ'],
      ['in Uyghur Arabic letters (not their presentation forms)', 'ئابدۇللا'],
      ['with full-width letters, as a Chinese keyboard types them', 'ＡＢＣ小店'],
      ['with a plain emoji', '小雅😀'],
      ['with a skin tone', '👍🏽小雅'],
      ['with an emoji joined from several (ZWJ)', '👨‍👩‍👧 一家'],
      ['with a rainbow flag (variation selector and joiner)', '🏳️‍🌈'],
      ['with a country flag', '🇨🇳小雅'],
      ['with a subdivision flag (tag sequence)', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
      ['with a keycap', '1️⃣号店粉'],
      ['with the emoji that live among enclosed letters', '🅰️🆗Ⓜ️㊗️'],
      ['with the degree sign and № of the letterlike block', '36℃ №1'],
    ])('%s: %s', (_name, nickname) => {
      expect(judge(nickname)).toBeNull();
    });
  });

  describe('is refused', () => {
    it.each([
      ['when Zalgo marks pile on one letter', 'Z\u0351\u0315\u0300\u035Ealgo', 'stackedMarks'],
      ['when a combining grapheme joiner hides between letters', 'a\u034Fb', 'unshowable'],
      ['when a Khmer inherent vowel draws nothing', 'a\u17B4b', 'unshowable'],
      ['when a variation selector follows a plain letter', 'a\uFE00b', 'unshowable'],
      ['when regional indicators spell a word, not a flag', '🇭🇪🇱🇱🇴', 'unshowable'],
      ['when a pair of regional indicators names no region', '🇶🇶小雅', 'unshowable'],
      ['when it is written in small capitals', 'ᴀʙᴄ', 'costumed'],
      ['when it is written in superscript letters', 'ᴬᴮᶜ', 'costumed'],
      ['when it uses squared CJK abbreviations', '㍿㌀', 'costumed'],
      ['when three accents sit on one letter', 'a\u0301\u0300\u0302', 'stackedMarks'],
      ['when a mark from another script is stacked five deep', '小\u0E49\u0E49\u0E49\u0E49\u0E49', 'stackedMarks'],
      ['when Zalgo rides on an emoji', '😀\u0301\u0301\u0301', 'stackedMarks'],
      ['when it is written in a ligature', '\uFB01sh', 'costumed'],
      ['when it uses Arabic presentation forms', '\uFEE3\uFEE4', 'costumed'],
      ['when it is written in mathematical bold', '\u{1D40C}\u{1D422}\u{1D41A}', 'costumed'],
      ['when it is written in mathematical script', '\u{1D4D0}\u{1D4EE}', 'costumed'],
      ['when it uses a double-struck letterlike capital', '\u211Dose', 'costumed'],
      ['when it uses circled letters', '\u24B6\u24B7\u24B8', 'costumed'],
      ['when it uses circled digits', '小雅\u2460\u2461', 'costumed'],
      ['when it uses dingbat circled digits', '\u2776号', 'costumed'],
      ['when it uses squared letters that are not emoji', '\u{1F130}\u{1F131}', 'costumed'],
      ['when it uses circled numbers beyond 20', '\u3251', 'costumed'],
      ['when it hides a control character', 'a\u0007b', 'unshowable'],
      ['when it hides a bidi override', 'abc\u202Eevil', 'unshowable'],
      ['when it holds a private-use glyph', 'a\uE000b', 'unshowable'],
      ['when it holds a noncharacter', 'a\uFDD0b', 'unshowable'],
      ['when it holds a noncharacter at a plane end', 'a\u{1FFFE}b', 'unshowable'],
      ['when it is only marks', '\u0301\u0301\u0301', 'empty'],
      ['when it is 21 characters', '字'.repeat(21), 'tooLong'],
    ])('%s', (_name, nickname, fault) => {
      expect(judge(nickname)).toBe(fault);
    });
  });

  it('names the reason in the function\'s answer', () => {
    expect(nicknameProblem('Z\u0351\u0315\u0300\u035Ealgo')).toBe('nickname stacks more than 2 combining marks on one character');
    expect(nicknameProblem('\u{1D40C}')).toMatch(/^nickname has presentation forms or lookalike letters/);
    expect(nicknameProblem('林小雅')).toBeNull();
  });
});
