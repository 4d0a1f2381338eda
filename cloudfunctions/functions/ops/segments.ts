import type { opsSegmentsContract } from '../../contract/opsSegments';
import type { Handlers } from '../../platform/handler';

export const segmentsHandlers: Handlers<typeof opsSegmentsContract> = {};
