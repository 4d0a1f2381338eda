/**
 * Outfits (今日穿搭, 搭配这件) and what they need: the rules a look is judged by, the pieces, the
 * wear figures (被遗忘的宝贝, 单次穿着成本) and the offline weather. Pure: no I/O, no clock — the
 * caller passes the date and the temperature. Types shared with the function and the app are in
 * contract/outfits.
 */
export type { Slot, WardrobePiece } from '../../contract/outfits';
export type { Day, RecentOutfit } from './day';
export { FACE_SLOTS, offerableTo, pieceOfProduct } from './pieces';
export { OUTFIT_RULES, type OutfitRule } from './rules';
export { outerNeed, type OuterNeed } from './rules/seasonWeather';
export { costPerWear, FORGOTTEN_AFTER_DAYS, type ForgottenPiece, forgottenPieces } from './wear';
export { type DayTemperature, temperatureFor } from './weather';
