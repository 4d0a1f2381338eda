import * as z from 'zod/mini';
import { emptyInput, isoInstantSchema, opaqueIdSchema, optionalWordsSchema, storeIdSchema, tierSchema } from './fields';

/**
 * Stylist 1v1 booking (issue 18, 成长者 and 忠诚者): stylists publish slots at their store, members
 * book one with what they want help with, cancel or move until 2 hours before; the stylist's day
 * list shows each member masked, with their style report and wardrobe; done or no-show.
 */

export const BOOKING_SCENE_CHOICES = ['通勤', '约会', '聚会', '度假', '面试', '日常搭配', '衣橱整理'] as const;
/** A real calendar day, YYYYMMDD, in the years the programme runs (20000230 and 99999999 are not days). */
const dayKeySchema = z.string().check(
  z.regex(/^20\d{6}$/, 'day is YYYYMMDD'),
  z.refine((d) => {
    const [y, m, day] = [Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6, 8))];
    const date = new Date(Date.UTC(y, m - 1, day));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === day;
  }, 'day is not a calendar day'),
);
const requestIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,40}$/, 'requestId is 8–40 letters, digits, "_" or "-"'));
const slotIdSchema = z.string().check(z.regex(/^S\d{3,}-\d{8}-\d{4}-[a-f0-9]{6,16}$/, 'not a slot id'));
const bookingIdSchema = z.string().check(z.regex(/^\d{12}:[A-Za-z0-9_-]{8,40}$/, 'not a booking id'));

export const bookingStateSchema = z.enum(['booked', 'cancelled', 'done', 'noShow']);

export const slotViewSchema = z.object({ slotId: z.string(), startAt: isoInstantSchema, endAt: isoInstantSchema, time: z.string(), stylistName: z.string() });
export type SlotView = z.infer<typeof slotViewSchema>;

export const bookingViewSchema = z.object({
  bookingId: z.string(),
  storeId: z.string(),
  storeName: z.string(),
  stylistName: z.string(),
  startAt: isoInstantSchema,
  /** "12月1日 周二 14:00–14:45" */
  when: z.string(),
  scene: z.string(),
  budgetFen: z.nullable(z.int()),
  note: z.nullable(z.string()),
  pieces: z.array(z.object({ pieceId: z.string(), name: z.string(), image: z.string() })),
  state: bookingStateSchema,
  /** cancel or move allowed now (until 2 hours before) */
  canChange: z.boolean(),
  /** why it was cancelled, in shop words (by the brand: 因会员等级调整，你的预约已取消) */
  cancelReason: z.nullable(z.string()),
});
export type BookingView = z.infer<typeof bookingViewSchema>;

export const eligibilitySchema = z.object({
  tier: tierSchema,
  tierName: z.string(),
  canBook: z.boolean(),
  /** in plain words: what the member may do, or why not and how to unlock (再消费 ¥x 升级成长者即可预约) */
  text: z.string(),
  upcoming: z.int(),
  maxUpcoming: z.int(),
  pausedUntil: z.nullable(isoInstantSchema),
});
export type BookingEligibility = z.infer<typeof eligibilitySchema>;

export const bookingOptionsInput = z.strictObject({ storeId: z.optional(storeIdSchema), day: z.optional(dayKeySchema) });
export const bookingOptionsOutput = z.object({
  eligibility: eligibilitySchema,
  stores: z.array(z.object({ storeId: z.string(), name: z.string(), freeSlots: z.int() })),
  storeId: z.nullable(z.string()),
  days: z.array(z.object({ day: z.string(), label: z.string(), freeSlots: z.int() })),
  day: z.nullable(z.string()),
  slots: z.array(slotViewSchema),
  scenes: z.array(z.string()),
  /** the member's wardrobe pieces to pair (active ones) */
  pieces: z.array(z.object({ pieceId: z.string(), name: z.string(), image: z.string() })),
});
export type BookingOptions = z.infer<typeof bookingOptionsOutput>;

export const bookInput = z.strictObject({
  slotId: slotIdSchema,
  scene: z.enum(BOOKING_SCENE_CHOICES),
  budget: z.optional(z.int().check(z.minimum(0), z.maximum(100_000_000))),
  pieces: z.optional(z.array(opaqueIdSchema(80)).check(z.maxLength(6, '最多选 6 件单品'))),
  note: z.optional(optionalWordsSchema(200, '备注最多 200 个看得见的字')),
  requestId: requestIdSchema,
});
export const bookingOutput = z.object({ booking: bookingViewSchema });
export const myBookingsOutput = z.object({
  upcoming: z.array(bookingViewSchema),
  past: z.array(bookingViewSchema),
  /** day-before reminders the member has allowed and not yet used (WeChat gives one message per allow) */
  reminders: z.number(),
});
export const cancelBookingInput = z.strictObject({ bookingId: bookingIdSchema });
export const moveBookingInput = z.strictObject({ bookingId: bookingIdSchema, slotId: slotIdSchema });

export const publishSlotsInput = z.strictObject({
  day: dayKeySchema,
  start: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'start is HH:mm')),
  minutes: z.union([z.literal(30), z.literal(45), z.literal(60), z.literal(90)]),
  count: z.int().check(z.minimum(1), z.maximum(12, '一次最多发布 12 个时段')),
});
export const staffSlotViewSchema = z.object({
  slotId: z.string(),
  startAt: isoInstantSchema,
  time: z.string(),
  stylistName: z.string(),
  booking: z.nullable(
    z.object({
      bookingId: z.string(),
      state: bookingStateSchema,
      scene: z.string(),
      budgetFen: z.nullable(z.int()),
      note: z.nullable(z.string()),
      member: z.object({ nickname: z.nullable(z.string()), phoneMasked: z.nullable(z.string()), tierName: z.string(), stillEligible: z.boolean() }),
      style: z.object({ season: z.nullable(z.string()), styles: z.array(z.string()) }),
      /** the pieces the member asked to pair */
      pieces: z.array(z.object({ name: z.string(), image: z.string() })),
      /** a few of the rest of their wardrobe */
      wardrobe: z.array(z.object({ name: z.string(), image: z.string() })),
      /** 已完成 may be marked (from 30 minutes before) */
      canMark: z.boolean(),
      /** 未到店 may be marked (15 minutes after the start) */
      canMarkNoShow: z.boolean(),
    }),
  ),
});
export type StaffSlotView = z.infer<typeof staffSlotViewSchema>;
export const mySlotsInput = z.strictObject({ day: z.optional(dayKeySchema) });
export const mySlotsOutput = z.object({
  day: z.string(),
  dayLabel: z.string(),
  /** the days a stylist may pick, today first, on the shop's clock (never the phone's) */
  days: z.array(z.object({ day: z.string(), label: z.string() })),
  stylistName: z.string(),
  storeName: z.string(),
  slots: z.array(staffSlotViewSchema),
});
export type MySlots = z.infer<typeof mySlotsOutput>;
export const markVisitInput = z.strictObject({ bookingId: bookingIdSchema, outcome: z.enum(['done', 'noShow']) });
export const markVisitOutput = z.object({ bookingId: z.string(), state: bookingStateSchema });

/** The tier benefits' booking actions (issue 18). */
export const benefitsBookingContract = {
  bookingOptions: { input: bookingOptionsInput, output: bookingOptionsOutput },
  book: { input: bookInput, output: bookingOutput },
  myBookings: { input: emptyInput, output: myBookingsOutput },
  cancelBooking: { input: cancelBookingInput, output: bookingOutput },
  moveBooking: { input: moveBookingInput, output: bookingOutput },
  publishSlots: { input: publishSlotsInput, output: mySlotsOutput },
  mySlots: { input: mySlotsInput, output: mySlotsOutput },
  markVisit: { input: markVisitInput, output: markVisitOutput },
} as const;
