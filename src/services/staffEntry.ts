import { serviceFor } from './cloud';

/**
 * The one staff call the main package makes: 我的 asks whether the caller is on a store's staff
 * (null for everyone else) to show the 导购助手 row. Kept apart from services/staffMember.ts so the
 * main package carries this call alone.
 */
export const staffEntryApi = serviceFor('staff', (staff) => ({ me: () => staff('me') }));
