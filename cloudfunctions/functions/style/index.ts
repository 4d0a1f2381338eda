import { styleContract } from '../../contract/style';
import { createMain } from '../../platform/handler';
import { styleHandlers } from './handlers';
import { outfitHandlers } from './outfits';
import { wardrobeHandlers } from './wardrobe';

/** The `style` cloud function: the style quiz, its report and history, the member's tags and preferences, the catalogue, the wardrobe and outfits. */
export const main = createMain('style', styleContract, { ...styleHandlers, ...wardrobeHandlers, ...outfitHandlers });
