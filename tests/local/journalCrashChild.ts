/**
 * Run by tests/local/journal.test.ts as its own process (node --import tsx): opens the journal,
 * writes many members, then removes one and kills itself with SIGKILL (kill -9) at the given step
 * of the rewrite that removal starts. Exit code 3: the step was never reached.
 */
import { database } from '../../cloudfunctions/platform/cloud';
import { installLocalCloud } from '../../local/cloud/install';
import { rewriteSteps, type RewriteStep } from '../../local/cloud/journal';

const [file, step, count] = process.argv.slice(2) as [string, RewriteStep, string];

async function main(): Promise<void> {
  const cloud = installLocalCloud({ journalFile: file, indexes: {} });
  const members = Array.from({ length: Number(count) }, (_x, i) => ({
    c: 'members',
    id: `m${i}`,
    doc: { _id: `m${i}`, openid: `openid-${i}`, nickname: `会员${i}`, phone: `1380000${String(i).padStart(4, '0')}`, birthday: '03-14' },
  }));
  await cloud.db.apply(members);
  await database().collection('members').doc('m0').update({ data: { nickname: '要离开的会员', phone: '13912345678' } });
  rewriteSteps.at = (at) => {
    if (at === step) process.kill(process.pid, 'SIGKILL');
  };
  await database().collection('members').doc('m0').remove();
  process.exit(3);
}

void main();
