import type { opsNpsContract } from '../../contract/opsNps';
import type { Handlers } from '../../platform/handler';

export const npsHandlers: Handlers<typeof opsNpsContract> = {};
