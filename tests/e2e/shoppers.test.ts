import { joinRoute, joinThroughPage, newOpenid, startStage, TEST_TIMEOUT_MS, type Stage } from './support/app';
import type { Locator } from 'playwright-core';

jest.setTimeout(TEST_TIMEOUT_MS);

/** The H5 preview stands in for WeChat's identity with `?openid=`: each tab is the shopper it names. */
describe('two shoppers in one browser', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await startStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  const memberNumber = async (card: Locator) => (await card.locator('.tier-card__fact', { hasText: 'NO.' }).innerText()).replace(/\D/g, '');

  it('shows two tabs opened for different shoppers two different member numbers, each the one the gateway knows for that shopper', async () => {
    const [a, b] = [newOpenid('tab-a'), newOpenid('tab-b')];
    const tabA = await stage.open(joinRoute(a));
    const tabB = await stage.open(joinRoute(b), { besides: tabA });
    // one tab at a time, as a person would: a tab in the background runs its timers slowly
    await tabA.bringToFront();
    const cardA = await joinThroughPage(tabA);
    await tabB.bringToFront();
    const cardB = await joinThroughPage(tabB);

    const [numberA, numberB] = await Promise.all([memberNumber(cardA), memberNumber(cardB)]);
    expect(numberA).toBe((await stage.fn('member', { action: 'card' }, a)).data.memberId);
    expect(numberB).toBe((await stage.fn('member', { action: 'card' }, b)).data.memberId);
    expect(numberA).not.toBe(numberB);

    // the card route carries no openid any more: each tab still acts as its own shopper after a reload
    for (const [tab, card, number] of [[tabA, cardA, numberA], [tabB, cardB, numberB]] as const) {
      await tab.bringToFront();
      await tab.reload();
      await card.locator('.tier-card__fact', { hasText: 'NO.' }).waitFor();
      expect(await memberNumber(card)).toBe(number);
    }
  });
});
