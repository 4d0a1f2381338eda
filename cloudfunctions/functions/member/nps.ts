import type { memberNpsContract } from '../../contract/memberNps';
import type { Handlers } from '../../platform/handler';

export const npsHandlers: Handlers<typeof memberNpsContract> = {};
