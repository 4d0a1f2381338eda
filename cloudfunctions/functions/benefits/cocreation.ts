import type { benefitsCocreationContract } from '../../contract/benefitsCocreation';
import type { Handlers } from '../../platform/handler';

export const cocreationHandlers: Handlers<typeof benefitsCocreationContract> = {};
