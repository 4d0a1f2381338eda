import { styleContract } from '../../contract/style';
import { createMain } from '../../platform/handler';
import { styleHandlers } from './handlers';
import { wardrobeHandlers } from './wardrobe';

/** The `style` cloud function: the style quiz, its report and history, the member's tags and preferences, the catalogue, the wardrobe. */
export const main = createMain('style', styleContract, { ...styleHandlers, ...wardrobeHandlers });
