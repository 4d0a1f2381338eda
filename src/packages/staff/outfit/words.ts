/** The catalogue's categories as the outfit page's tabs name them: the shop's vocabulary (plain words, no schema library). */
export { CATEGORIES, CATEGORY_NAMES } from '../../../../cloudfunctions/contract/styleVocabulary';
