/**
 * What a nickname may be, free of zod: the functions' schema (fields.ts) and the app's NicknameField
 * apply the same check. Apart from formats.ts so that the app bundles these rules only with the
 * pages that edit a nickname (join, 编辑资料), not with the tab pages.
 */
import { graphemes } from './formats';

/**
 * Characters that are invisible or break text: controls, format marks (zero-width, bidi
 * overrides), lone surrogates, private use, unassigned and noncharacters (U+FDD0…, U+xFFFE/F:
 * Cn), line separators, and the default-ignorable marks that draw nothing (combining grapheme
 * joiner, Khmer inherent vowels, variation selectors — U+FE0F only where it makes an emoji).
 */
const UNSHOWABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u034F\u17B4\u17B5\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
/** U+FE0F after an emoji or a keycap's digit asks for the picture: the one variation selector a name may carry. */
const EMOJI_PRESENTATION = /(?:\p{Extended_Pictographic}|[0-9#*])\uFE0F/gu;
/** Regional indicators make a flag only in pairs that name a region (ISO 3166-1): on their own they are boxed letters. */
const REGIONS =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET EU FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM UN US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW';
const REGION_SET = new Set(REGIONS.split(' '));
const INDICATOR_RUN = /\p{Regional_Indicator}+/gu;

/** True when regional indicators stand outside a flag (an odd one, or a pair naming no region). */
function strayIndicators(text: string): boolean {
  for (const [run] of text.matchAll(INDICATOR_RUN)) {
    const letters = [...run].map((ch) => String.fromCharCode(ch.codePointAt(0)! - 0x1f1e6 + 65));
    if (letters.length % 2 !== 0) return true;
    for (let i = 0; i < letters.length; i += 2) if (!REGION_SET.has(letters[i]! + letters[i + 1]!)) return true;
  }
  return false;
}
/** What shows nothing on its own: spaces, combining marks, format marks and blank-looking letters. */
const INVISIBLE = /[\p{White_Space}\p{M}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;
/** Emoji built with joiners or tags (👨‍💻, 🏳️‍🌈, 🏴󠁧󠁢󠁳󠁣󠁴󠁿): their format marks are part of a visible picture. */
const EMOJI_SEQUENCE =
  /\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?(?:(?:\u200D\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?)+|[\u{E0020}-\u{E007E}]+\u{E007F})/gu;
export const NICKNAME_MAX_CHARS = 20;

const visibleLength = (text: string) => graphemes(text).length;

/**
 * Marks one character may carry, counted decomposed (NFD: á̀̂ is a + three accents, however it was
 * typed). Zalgo text piles the general diacritics (U+0300… and the other marks of no script of
 * their own) on one letter; real writing puts at most two on a letter (Vietnamese ệ ờ, Yoruba ẹ́; a
 * keycap 1️⃣ is 1 + U+FE0F + U+20E3). Scripts with marks of their own stack more (Tibetan
 * subjoins letters: སྒྲུ is three), so marks of any kind are capped higher.
 */
export const MAX_DIACRITICS_PER_CHARACTER = 2;
export const MAX_MARKS_PER_CHARACTER = 4;
const MARK = /\p{M}/u;
const GENERAL_MARK = /\p{Script=Inherited}/u;

/** True when some character carries more marks than a reader can make out. */
function stacksMarks(text: string): boolean {
  let marks = 0;
  let diacritics = 0;
  for (const ch of text.normalize('NFD')) {
    if (!MARK.test(ch)) {
      marks = 0;
      diacritics = 0;
      continue;
    }
    marks += 1;
    if (GENERAL_MARK.test(ch)) diacritics += 1;
    if (marks > MAX_MARKS_PER_CHARACTER || diacritics > MAX_DIACRITICS_PER_CHARACTER) return true;
  }
  return false;
}

/**
 * Letters drawn in a costume: small capitals and superscript letters (ᴀʙᴄ ᴬᴮᶜ), squared and
 * parenthesised CJK abbreviations (㍿ ㈱ ㌀), presentation forms (ligatures ﬁ, Arabic contextual forms), the
 * mathematical alphabets 𝐀𝓐𝔸 and the letterlike ones filling their gaps (ℍ ℝ ℬ), and enclosed or
 * squared letters and digits (Ⓐ ① 🄰 ❶ ㉑). A staff screen, a search or a screen reader cannot read
 * them as the letters they imitate, and they make one name look like another. Emoji that live in
 * these blocks (🅰️ Ⓜ️ 🆗 ㊗️) and flags' regional indicators stay allowed.
 */
const COSTUMED =
  /[\u0262\u026A\u0274\u0280\u028F\u0299\u029C\u029F\u02B0-\u02B8\u02E0-\u02E4\u1D00-\u1DBF\u2070-\u209F\u3200-\u3250\u3260-\u32B0\u32C0-\u33FF\uFB00-\uFDFF\uFE70-\uFEFF\u{1D400}-\u{1D7FF}\u2102\u2107\u210A-\u2113\u2115\u2119-\u211D\u2124\u2128\u212C\u212D\u212F-\u2131\u2133\u2134\u2145-\u2149\u2460-\u24FF\u2776-\u2793\u3251-\u325F\u32B1-\u32BF\u{1F100}-\u{1F1FF}]/u;
const EMOJI_OR_FLAG_PART = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

function wearsCostume(text: string): boolean {
  for (const ch of text) if (COSTUMED.test(ch) && !EMOJI_OR_FLAG_PART.test(ch)) return true;
  return false;
}

/** Why a nickname cannot go on a card; the app words each in Chinese (NicknameField). */
export type NicknameFault = 'empty' | 'unshowable' | 'stackedMarks' | 'costumed' | 'tooLong';

/** What the function says for each fault (INVALID_INPUT, for developers). */
export const NICKNAME_FAULT_MESSAGES: Record<NicknameFault, string> = {
  empty: 'nickname is empty',
  unshowable: 'nickname has invisible or control characters',
  stackedMarks: `nickname stacks more than ${MAX_DIACRITICS_PER_CHARACTER} combining marks on one character`,
  costumed: 'nickname has presentation forms or lookalike letters (ligatures, mathematical, enclosed or squared letters and digits)',
  tooLong: `nickname is at most ${NICKNAME_MAX_CHARS} characters`,
};

/** Why a (trimmed, NFC) nickname cannot be shown on a card, or null. */
export function nicknameFault(nickname: string): NicknameFault | null {
  if (nickname.replace(INVISIBLE, '') === '') return 'empty';
  if (UNSHOWABLE.test(nickname.replace(EMOJI_SEQUENCE, '_').replace(EMOJI_PRESENTATION, '_')) || strayIndicators(nickname)) return 'unshowable';
  if (stacksMarks(nickname)) return 'stackedMarks';
  if (wearsCostume(nickname)) return 'costumed';
  if (visibleLength(nickname) > NICKNAME_MAX_CHARS) return 'tooLong';
  return null;
}

/** The fault in the function's words, or null. */
export function nicknameProblem(nickname: string): string | null {
  const fault = nicknameFault(nickname);
  return fault ? NICKNAME_FAULT_MESSAGES[fault] : null;
}

/**
 * Why a free text staff write (a note, an outfit list's words) cannot be shown as written, or null:
 * nothing visible, invisible or control characters (the same rule as a nickname), marks piled on
 * one character, or more than `maxChars` characters as a person counts them.
 */
export function plainTextProblem(text: string, maxChars: number): string | null {
  if (text.replace(INVISIBLE, '') === '') return 'text is empty';
  if (UNSHOWABLE.test(text.replace(/[\n\t]/g, ' ').replace(EMOJI_SEQUENCE, '_').replace(EMOJI_PRESENTATION, '_')) || strayIndicators(text)) return 'text has invisible or control characters';
  if (stacksMarks(text)) return `text stacks more than ${MAX_DIACRITICS_PER_CHARACTER} combining marks on one character`;
  if (visibleLength(text) > maxChars) return `text is at most ${maxChars} characters`;
  return null;
}
