import { styleContract } from '../../contract/style';
import { createMain } from '../../platform/handler';
import { styleHandlers } from './handlers';

/** The `style` cloud function: the style quiz, its report and history, the member's tags and preferences, the catalogue. */
export const main = createMain('style', styleContract, styleHandlers);
