import * as z from 'zod/mini';
import { emptyInput, isoInstantSchema, memberCodeSchema, plainTextSchema } from './fields';
import { CLOUD_FILE_ID } from './formats';
import { staffRequestIdSchema } from './staffMember';

/**
 * Private events (私享会, issue 18): a store's manager creates them (who may come: 忠诚者, or
 * 成长者 too), members see those they may join or how to unlock them, sign up (a waiting list when
 * full), cancel and show a pass; the store checks members in by scanning the member code; the
 * brand reads sign-ups, check-ins and sales to attendees. Nothing here carries an openid or a full phone.
 */

export const eventIdSchema = z.string().check(z.regex(/^S\d{3,}-[A-Za-z0-9_-]{8,40}$/, 'not an event id'));
export const eventTierSchema = z.enum(['grower', 'loyal']);
/** an uploaded picture (cloud file id) or one of the catalogue's pictures */
export const eventPictureSchema = z.string().check(
  z.maxLength(512),
  z.refine((s) => CLOUD_FILE_ID.test(s) || /^\/static\/products\/[A-Z0-9]{4,16}\.svg$/.test(s), 'picture is a cloud file id or a catalogue picture'),
);

export const createEventInput = z.strictObject({
  /** free text: visible characters only (no controls or bidi overrides), at least 2 */
  title: plainTextSchema(30).check(z.minLength(2, '请填写活动名称')),
  picture: eventPictureSchema,
  description: plainTextSchema(300, true),
  startsAt: isoInstantSchema,
  endsAt: isoInstantSchema,
  capacity: z.int().check(z.minimum(1, '名额至少 1 位'), z.maximum(500, '名额最多 500 位')),
  tiers: z.array(eventTierSchema).check(z.minLength(1), z.maxLength(2)),
  signUpFrom: isoInstantSchema,
  signUpUntil: isoInstantSchema,
  requestId: staffRequestIdSchema,
});

const eventCoreSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  picture: z.string(),
  description: z.string(),
  storeName: z.string(),
  address: z.string(),
  startsAt: isoInstantSchema,
  endsAt: isoInstantSchema,
  capacity: z.int(),
  tiers: z.array(eventTierSchema),
  /** "忠诚者" or "成长者、忠诚者" */
  tiersText: z.string(),
  signUpFrom: isoInstantSchema,
  signUpUntil: isoInstantSchema,
});

export const JOIN_STATES = ['signedUp', 'waiting', 'tierLocked', 'notYet', 'closed', 'full', 'open'] as const;
export const memberEventSchema = z.object({
  ...eventCoreSchema.shape,
  seatsLeft: z.int(),
  state: z.enum(JOIN_STATES),
  /** 可报名 / 已报名 / 候补第 n 位 / 已满 / 未到报名时间 / 等级不符 / 报名已截止 */
  stateText: z.string(),
  /** how to unlock, when it opens, or that the waiting list is open */
  hint: z.nullable(z.string()),
  waitingPosition: z.nullable(z.int()),
  checkedIn: z.boolean(),
});
export type MemberEvent = z.infer<typeof memberEventSchema>;

export const eventInput = z.strictObject({ eventId: eventIdSchema });
export const memberEventsOutput = z.object({ events: z.array(memberEventSchema) });
export const memberEventOutput = z.object({ event: memberEventSchema });

export const myPassOutput = z.object({
  event: eventCoreSchema,
  nickname: z.nullable(z.string()),
  memberId: z.string(),
  checkedInAt: z.nullable(isoInstantSchema),
  /** how the store checks in: by scanning the member code on the 会员卡 page */
  howToCheckIn: z.string(),
});

export const staffEventSchema = z.object({ ...eventCoreSchema.shape, seated: z.int(), waiting: z.int(), checkedIn: z.int() });
export type StaffEvent = z.infer<typeof staffEventSchema>;
export const createEventOutput = z.object({ event: staffEventSchema, createdNow: z.boolean() });
export const storeEventsOutput = z.object({ events: z.array(staffEventSchema) });

const attendeeSchema = z.object({ memberId: z.string(), nickname: z.nullable(z.string()), phoneMasked: z.nullable(z.string()), tierName: z.string() });
export const eventSignUpsOutput = z.object({
  event: staffEventSchema,
  seated: z.array(z.object({ ...attendeeSchema.shape, checkedInAt: z.nullable(isoInstantSchema) })),
  waiting: z.array(z.object({ ...attendeeSchema.shape, position: z.int() })),
});
export type EventSignUpsView = z.infer<typeof eventSignUpsOutput>;

export const checkInInput = z.strictObject({ eventId: eventIdSchema, code: memberCodeSchema });
export const checkInOutput = z.object({ ...attendeeSchema.shape, checkedInAt: isoInstantSchema });

export const eventFiguresOutput = z.object({
  title: z.string(),
  capacity: z.int(),
  signedUp: z.int(),
  waiting: z.int(),
  cancelled: z.int(),
  checkedIn: z.int(),
  /** net of refunds, orders of checked-in members paid within 7 days of the start */
  salesFen: z.int(),
  orders: z.int(),
  buyers: z.int(),
  salesFrom: isoInstantSchema,
  salesUntil: isoInstantSchema,
});
export type EventFigures = z.infer<typeof eventFiguresOutput>;

/** The tier benefits' events actions (issue 18). */
export const benefitsEventsContract = {
  // members
  events: { input: emptyInput, output: memberEventsOutput },
  signUp: { input: eventInput, output: memberEventOutput },
  cancelSignUp: { input: eventInput, output: memberEventOutput },
  myPass: { input: eventInput, output: myPassOutput },
  // managers of the event's store
  createEvent: { input: createEventInput, output: createEventOutput },
  storeEvents: { input: emptyInput, output: storeEventsOutput },
  eventSignUps: { input: eventInput, output: eventSignUpsOutput },
  checkIn: { input: checkInInput, output: checkInOutput },
  eventFigures: { input: eventInput, output: eventFiguresOutput },
} as const;
