/** The local CloudBase stand-in: one call installs it into any Node process. */
export { installLocalCloud, PINNED } from './cloud/install';
export type { LocalCloud, LocalCloudOptions, CallResult } from './cloud/install';
export { ManualClock, systemClock } from '../cloudfunctions/platform/clock';
export type { Clock } from '../cloudfunctions/platform/clock';
