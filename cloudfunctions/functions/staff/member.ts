import type { staffMemberContract } from '../../contract/staffMember';
import type { Handlers } from '../../platform/handler';

export const staffMemberHandlers: Handlers<typeof staffMemberContract> = {};
