import type { DailyJob } from './job';

// placeholder until its issue's job lands (replaced before merge)
export const campaignsJob: DailyJob = {
  name: 'campaigns',
  async batch() {
    return { cursor: null, processed: 0, changed: 0 };
  },
};
