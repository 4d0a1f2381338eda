/** The collection names: only the data layer knows them. */
export const COLLECTIONS = {
  members: 'members',
  memberCodes: 'memberCodes',
  stores: 'stores',
  staff: 'staff',
  products: 'products',
} as const;
