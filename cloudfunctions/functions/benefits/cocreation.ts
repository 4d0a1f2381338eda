import type { benefitsCocreationContract } from '../../contract/benefitsCocreation';
import type { Handlers } from '../../platform/handler';
import { cocreationBrandHandlers } from './cocreationBrand';
import { cocreationMemberHandlers } from './cocreationMember';

/** 新品共创: the member's pieces and vote (cocreationMember.ts), the brand's publish, close, launch and results (cocreationBrand.ts). */
export const cocreationHandlers: Handlers<typeof benefitsCocreationContract> = {
  ...cocreationMemberHandlers,
  ...cocreationBrandHandlers,
};
