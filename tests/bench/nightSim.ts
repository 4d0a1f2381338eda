/**
 * The nightly segments job under the platform's costs: the jobs function places N members seeded
 * straight into the local cloud, with its latency model (local/cloud/latency.ts) on a simulated
 * clock, so the figure is platform time with the job's own concurrency (a page's reads side by
 * side, its placements written WRITES_IN_FLIGHT at a time, the checkpoint after each page) rather
 * than every request waiting for the last. capacity.ts scales it to the brand's 10 million members
 * and counts the timer ticks it needs (each tick gives the jobs TICK budget seconds).
 * `npx tsx tests/bench/nightSim.ts [members] [--write]` prints it (and puts it into bench/latest.json as `nightSim`).
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ManualClock } from '../../cloudfunctions/platform/clock';
import { installLocalCloud } from '../../local/cloud/install';
import { DEFAULT_LATENCY, VirtualTime } from '../../local/cloud/latency';
import { seedDemoData } from '../../local/seed';
import { START } from '../support/harness';
import { seedSegmentMembers } from '../support/segmentMembers';
import { LATEST } from './capacity';
import { runSegmentsNight } from './segments';
import { round } from './stats';

export interface NightSimReport {
  note: string;
  model: { requestMs: number; docWriteMs: number };
  members: number;
  placed: number;
  requests: number;
  /** simulated seconds of platform time the whole pass took */
  platformSeconds: number;
  platformMsPerMember: number;
  wallSeconds: number;
}

export async function measureNightSim(members = 20_000): Promise<NightSimReport> {
  const time = new VirtualTime();
  const clock = new ManualClock(START);
  const cloud = installLocalCloud({ clock, latency: { ...DEFAULT_LATENCY, wait: time.wait } });
  try {
    await seedDemoData(cloud.db);
    await seedSegmentMembers(cloud.db, members, clock.now());
    const wall = performance.now();
    const { placed, requests } = await runSegmentsNight(cloud);
    return {
      note: `the segments job over ${members.toLocaleString('en')} members through the jobs function on the local cloud's latency model (simulated time: assumed figures, not CloudBase measurements)`,
      model: { ...DEFAULT_LATENCY },
      members,
      placed,
      requests,
      platformSeconds: round(time.now() / 1000, 2),
      platformMsPerMember: round(time.now() / members, 4),
      wallSeconds: round((performance.now() - wall) / 1000, 1),
    };
  } finally {
    cloud.close();
  }
}

export function describeNightSim(r: NightSimReport): string {
  return `Segments job on the latency model (${r.model.requestMs} ms a request, ${r.model.docWriteMs} ms a write per document): ${r.members.toLocaleString('en')} members, ${r.placed.toLocaleString('en')} placed, ${r.requests.toLocaleString('en')} requests in ${r.platformSeconds} s of platform time (${r.platformMsPerMember} ms a member; ${r.wallSeconds} s wall)`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const [members] = args.filter((a) => !a.startsWith('--')).map(Number);
  measureNightSim(members || undefined)
    .then((r) => {
      console.log(describeNightSim(r));
      if (args.includes('--write')) {
        const latest = JSON.parse(fs.readFileSync(LATEST, 'utf8')) as Record<string, unknown>;
        fs.writeFileSync(LATEST, JSON.stringify({ ...latest, nightSim: r }, null, 2) + '\n');
        console.log(`wrote the nightSim section of ${LATEST}`);
      }
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
