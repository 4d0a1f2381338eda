import { CATEGORIES as CONTRACT_CATEGORIES, CATEGORY_NAMES as CONTRACT_CATEGORY_NAMES } from '../../../../cloudfunctions/contract/styleWords';
import { CATEGORIES, CATEGORY_NAMES } from './words';

describe('the outfit page speaks the contract’s words', () => {
  it('its category tabs are the contract’s categories, in its order, with its names', () => {
    expect(CATEGORIES).toEqual(CONTRACT_CATEGORIES);
    expect(CATEGORY_NAMES).toEqual(CONTRACT_CATEGORY_NAMES);
  });
});
