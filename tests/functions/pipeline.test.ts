import { JOB_NAMES } from '../../cloudfunctions/contract/jobs';
import { posContract } from '../../cloudfunctions/contract/pos';
import { tillHandlers, tillSigning } from '../../cloudfunctions/functions/pos/till';
import { createHttpMain, type HttpAnswer } from '../../cloudfunctions/platform/http';
import { functionMains } from '../../local/functions';
import { createHarness, type Harness } from '../support/harness';
import { POINTS_DATA, runJobs, snapshot } from '../support/ledger';
import { orderBody, SECRET_S001, signedHeaders, tillCode } from '../support/pos';

/** Everything a POS request or a job could write. */
const ALL = [...POINTS_DATA, 'posNonces', 'coupons'];

describe('one entry pipeline: calls, the till’s HTTP requests and timer ticks are parsed, refused and answered alike', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  describe('the till (HTTP)', () => {
    /** Delivers a signed order to a `pos` main built with these handlers. */
    async function deliverTo(handlers: typeof tillHandlers) {
      const main = createHttpMain({ name: 'pos', label: 'POS', contract: posContract, handlers }, tillSigning);
      await h.join('shopper');
      const raw = JSON.stringify(orderBody(h, await tillCode(h, 'shopper'), 39_900));
      const headers = signedHeaders(raw, { storeId: 'S001', secret: SECRET_S001, timestamp: h.clock.now().getTime() });
      const { result } = await h.cloud.call(null, () => main({ path: '/pos/orders', httpMethod: 'POST', headers, body: raw, isBase64Encoded: false }));
      return result as unknown as HttpAnswer;
    }

    it('a bug thrown in a POS handler answers 500 INTERNAL without a stack', async () => {
      const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const answer = await deliverTo({
          ...tillHandlers,
          async orders() {
            throw new Error('secret detail at /srv/pos.js:12');
          },
        });
        expect(answer.statusCode).toBe(500);
        expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
        expect(answer.body).not.toMatch(/secret|\/srv|at /);
        // the log has it, for whoever is on call
        expect(errors).toHaveBeenCalledWith('[pos] internal error:', expect.objectContaining({ message: 'secret detail at /srv/pos.js:12' }));
      } finally {
        errors.mockRestore();
      }
    });

    it('a POS answer outside its contract is a bug: 500 INTERNAL', async () => {
      const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const answer = await deliverTo({ ...tillHandlers, orders: async () => ({ ok: true, value: { memberId: 42 } as never }) });
        expect(answer.statusCode).toBe(500);
        expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
      } finally {
        errors.mockRestore();
      }
    });

    it('a POS answer keeps only the fields the contract names', async () => {
      const answer = await deliverTo({
        ...tillHandlers,
        async orders(input, till) {
          const recorded = await tillHandlers.orders(input, till);
          return recorded.ok ? { ok: true, value: { ...recorded.value, openid: 'shopper', posSecret: SECRET_S001 } } : recorded;
        },
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.body).not.toMatch(/openid|posSecret|dev-secret/);
    });
  });

  describe('the timer', () => {
    const tick = (extra: Record<string, unknown> = {}) => ({ Type: 'Timer', TriggerName: 'every10min', Time: '2026-11-25T02:00:00Z', ...extra });

    it('a timer event with an unknown job is INVALID_INPUT and writes nothing', async () => {
      const before = snapshot(h, ALL);
      const { result, requests } = await h.cloud.call(null, () => functionMains().jobs!(tick({ Message: 'birthday-cake' })));
      expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^job: is one of points-expiry, .*, all$/) } });
      expect(requests).toBe(0);
      expect(snapshot(h, ALL)).toEqual(before);
    });

    it('a timer event whose message names one job runs that job alone; no message runs them all', async () => {
      const one = await runJobs(h, tick({ Message: ' sweep ' }));
      expect(one.ok && one.data.runs.map((r) => r.job)).toEqual(['sweep']);
      const all = await runJobs(h, tick({ Type: 'timer', Message: '' }));
      expect(all.ok && all.data.runs).toHaveLength(JOB_NAMES.length);
    });

    it('a timer event that is not plain data is refused before anything is read', async () => {
      const { result, requests } = await h.cloud.call(null, () => functionMains().jobs!({ ...tick(), Message: Number.NaN }));
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(requests).toBe(0);
    });
  });
});
