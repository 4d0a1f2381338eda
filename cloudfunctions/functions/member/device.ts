import { success } from '../../contract';
import type { memberContract } from '../../contract/member';
import { DEVICE_HANDLE_DIGITS, OTP_STEP_SECONDS } from '../../contract/tillCode';
import { findMemberByOpenid, keptForMember } from '../../data/members';
import { addTillDevice, deleteDevicesOf, replaceOlderDevices } from '../../data/tillDevices';
import { notMember } from '../../domain/member';
import { issueTillDevice } from '../../domain/tillDevice';
import { receiptView } from '../../domain/till/receipt';
import { toIso } from '../../domain/time';
import type { ActionHandler } from '../../platform/handler';
import { randomDigits } from '../../platform/random';
import { deviceSecret } from '../../platform/tillCodeKey';

/** Random handles collide so rarely (a few live devices per 10^8) that a few draws are plenty; more means a bug. */
const MAX_DRAWS = 5;

type DeviceAction = (typeof memberContract)['device'];
type ReceiptAction = (typeof memberContract)['receipt'];

/**
 * A fresh device for the offline till code, asked for on every online open: a random handle (its
 * id: a handle held by any device is drawn again), the secret derived from it (never stored), and
 * the member's older devices marked replaced — each still serves a till that scanned it a moment
 * ago (domain/tillDevice.ts), then nothing. A member who began leaving meanwhile keeps no device.
 */
export const issueDevice: ActionHandler<DeviceAction> = async (_input, ctx) => {
  const m = await findMemberByOpenid(ctx.db, ctx.openid);
  if (!m) return notMember();
  for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
    const device = issueTillDevice(m._id, randomDigits(DEVICE_HANDLE_DIGITS), ctx.now);
    if ((await addTillDevice(ctx.db, device)) === 'duplicate') continue;
    await replaceOlderDevices(ctx.db, device);
    if (!(await keptForMember(ctx.db, m._id, async () => void (await deleteDevicesOf(ctx.db, m._id))))) return notMember();
    return success({
      handle: device._id,
      secret: Buffer.from(deviceSecret(m._id, device._id, device.issuedAt)).toString('hex'),
      issuedAt: toIso(device.issuedAt),
      rotateBy: toIso(device.rotateBy),
      serverTime: toIso(ctx.now),
      stepSeconds: OTP_STEP_SECONDS,
    });
  }
  throw new Error('could not draw a free device handle');
};

/** What the last till order that used one of the member's codes did (the member document carries it: one read), or null before any. */
export const lastReceipt: ActionHandler<ReceiptAction> = async (_input, ctx) => {
  const m = await findMemberByOpenid(ctx.db, ctx.openid);
  if (!m) return notMember();
  return success({ receipt: m.lastReceipt ? receiptView(m.lastReceipt) : null });
};
