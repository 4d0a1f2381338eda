/**
 * The outfit engine (今日穿搭, 搭配这件), the wear figures (被遗忘的宝贝, 单次穿着成本) and the
 * offline weather. Pure: no I/O, no clock, no randomness of its own — the caller passes the date,
 * the temperature and a seed. Types shared with the function and the app are in contract/outfits.
 */
export type { Outfit, OutfitPlan, OutfitProblem, OutfitSlots, Slot, WardrobePiece } from '../../contract/outfits';
export type { Day, RecentOutfit } from './day';
export { completeTheLook, DEFAULT_COUNT, planOutfits, type PlanInput, sceneFor } from './plan';
export { FACE_SLOTS, offerableTo, pieceOfProduct } from './pieces';
export { OUTFIT_RULES, type OutfitRule } from './rules';
export { outerNeed, type OuterNeed } from './rules/seasonWeather';
export { costPerWear, FORGOTTEN_AFTER_DAYS, type ForgottenPiece, forgottenPieces } from './wear';
export { type DayTemperature, temperatureFor } from './weather';
