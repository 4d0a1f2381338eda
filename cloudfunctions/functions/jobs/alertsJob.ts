import type { DailyJob } from './job';

// placeholder until its issue's job lands (replaced before merge)
export const alertsJob: DailyJob = {
  name: 'alerts',
  async batch() {
    return { cursor: null, processed: 0, changed: 0 };
  },
};
