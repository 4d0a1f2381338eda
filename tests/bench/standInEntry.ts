/** What a cold-start child loads to stand in for the platform: bundled by coldStart.ts. */
export { installLocalCloud } from '../../local/index';
export { seedDemoData } from '../../local/seed';
