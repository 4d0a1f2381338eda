import type { DailyJob } from './job';

// placeholder until its issue's job lands (replaced before merge)
export const segmentsJob: DailyJob = {
  name: 'segments',
  async batch() {
    return { cursor: null, processed: 0, changed: 0 };
  },
};
