// For plain-JavaScript scripts and outside test suites:
//   const { installLocalCloud } = require('<repo>/local/index.cjs');
//   const cloud = installLocalCloud({ seed: true });            // in memory, demo data
//   const { result } = await cloud.call('openid-1', () => require('<repo>/dist-functions/member').main({ action: 'card' }));
require('tsx/cjs');
module.exports = require('./index.ts');
