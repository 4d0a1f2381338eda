import * as z from 'zod/mini';
import { emptyInput, isoInstantSchema, memberCodeSchema, memberIdSchema, opaqueIdSchema, plainTextSchema, tierSchema, visibleText } from './fields';
import { homeStoreSchema } from './member';

/**
 * The staff assistant's member actions (issue 17): who the caller is on the staff, the member in
 * front of the clerk (by a live code or, for the store's own members, by memberId), notes and
 * complaints, the brand's tag groups and the member's staff tags, the 补偿券 of a complaint, and
 * the store's audit log. Nothing here carries an openid or a full phone number.
 */

export const staffRoleSchema = z.enum(['clerk', 'stylist', 'manager']);
export type StaffRoleName = z.infer<typeof staffRoleSchema>;

export const staffMeOutput = z.object({
  staff: z.nullable(z.object({ name: z.string(), role: staffRoleSchema, storeId: z.string(), storeName: z.string() })),
});

/** memberIds are 12 digits (functions/member); anything else is not a member. */
/** a request id the page draws per submit: a retry writes nothing twice */
export const staffRequestIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,40}$/, 'requestId is 8–40 letters, digits, "_" or "-"'));
/** a note's id (`<store>:<requestId>`), which is also the complaint's id */
export const noteIdSchema = z.string().check(z.regex(/^S\d{3,}:[A-Za-z0-9_-]{8,40}$/, 'not a note id'));
export const tagIdSchema = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, 'not a tag id'));
export const tagGroupIdSchema = z.string().check(z.regex(/^[a-z0-9-]{2,24}$/, 'not a tag group id'));
export const tagNameSchema = z.string().check(z.trim(), z.minLength(1, '标签名不能为空'), z.maxLength(12, '标签名最多 12 个字'), visibleText(12, '标签名只能用看得见的字'));

/** Why the clerk opened the member by id (the audit log's why). */
export const MEMBER_VIEW_REASONS = ['todo', 'complaint', 'followUp'] as const;
export const memberViewInput = z.union([
  z.strictObject({ code: memberCodeSchema }),
  z.strictObject({ memberId: memberIdSchema, reason: z.optional(z.enum(MEMBER_VIEW_REASONS)) }),
]);

export const NOTE_KINDS = ['note', 'complaint'] as const;
export const noteViewSchema = z.object({
  noteId: z.string(),
  kind: z.enum(NOTE_KINDS),
  text: z.string(),
  staffName: z.string(),
  at: isoInstantSchema,
  /** complaints: whether its 补偿券 was given (null for plain notes) */
  compensated: z.nullable(z.boolean()),
});
export type NoteView = z.infer<typeof noteViewSchema>;

export const memberTodoViewSchema = z.object({
  todoId: z.string(),
  kind: z.string(),
  reason: z.string(),
  dueAt: isoInstantSchema,
  overdue: z.boolean(),
  complaintId: z.nullable(z.string()),
});
export type MemberTodoView = z.infer<typeof memberTodoViewSchema>;

export const staffTagViewSchema = z.object({ tagId: z.string(), name: z.string(), groupName: z.string() });
export type StaffTagView = z.infer<typeof staffTagViewSchema>;

export const memberViewSchema = z.object({
  member: z.object({
    memberId: z.string(),
    nickname: z.nullable(z.string()),
    avatar: z.nullable(z.string()),
    phoneMasked: z.nullable(z.string()),
    homeStore: homeStoreSchema,
    /** the member belongs to the viewing clerk's store */
    ofThisStore: z.boolean(),
    memberSince: isoInstantSchema,
  }),
  tier: z.object({ code: tierSchema, name: z.string(), next: z.nullable(z.object({ name: z.string(), text: z.string(), ratio: z.number() })) }),
  points: z.object({ balance: z.number(), expiringSoon: z.number(), nextExpiry: z.nullable(z.object({ points: z.number(), expiresAt: isoInstantSchema })) }),
  coupons: z.array(z.object({ couponId: z.string(), name: z.string(), validUntil: isoInstantSchema })),
  style: z.object({
    season: z.nullable(z.string()),
    styles: z.array(z.string()),
    tags: z.array(z.object({ label: z.string(), values: z.array(z.string()) })),
  }),
  sizes: z.object({ top: z.nullable(z.string()), bottom: z.nullable(z.string()), shoes: z.nullable(z.number()) }),
  orders: z.array(z.object({ paidAt: isoInstantSchema, storeName: z.string(), amountFen: z.int(), items: z.array(z.object({ name: z.string(), qty: z.int(), priceFen: z.int(), size: z.nullable(z.string()) })) })),
  wardrobe: z.array(z.object({ name: z.string(), category: z.string(), image: z.string(), wears: z.int() })),
  notes: z.array(noteViewSchema),
  todos: z.array(memberTodoViewSchema),
  staffTags: z.array(staffTagViewSchema),
  /** how long the code the clerk scanned stays live (null when opened by memberId) */
  codeExpiresAt: z.nullable(isoInstantSchema),
});
export type MemberView = z.infer<typeof memberViewSchema>;

export const addNoteInput = z.strictObject({
  memberId: memberIdSchema,
  text: plainTextSchema(300),
  kind: z.enum(NOTE_KINDS),
  requestId: staffRequestIdSchema,
});
export const addNoteOutput = z.object({ note: noteViewSchema, callback: z.nullable(memberTodoViewSchema), staffTags: z.array(staffTagViewSchema) });

export const tagGroupSchema = z.object({
  groupId: z.string(),
  name: z.string(),
  tags: z.array(z.object({ tagId: z.string(), name: z.string(), locked: z.boolean() })),
});
export type TagGroupView = z.infer<typeof tagGroupSchema>;
export const tagGroupsOutput = z.object({ groups: z.array(tagGroupSchema) });

export const memberTagInput = z.strictObject({ memberId: memberIdSchema, tagId: tagIdSchema });
export const memberTagOutput = z.object({ staffTags: z.array(staffTagViewSchema) });

export const editTagGroupInput = z.strictObject({
  groupId: tagGroupIdSchema,
  change: z.union([
    z.strictObject({ op: z.literal('add'), name: tagNameSchema }),
    z.strictObject({ op: z.literal('rename'), tagId: tagIdSchema, name: tagNameSchema }),
    z.strictObject({ op: z.literal('remove'), tagId: tagIdSchema }),
  ]),
});
export const editTagGroupOutput = z.object({ group: tagGroupSchema });

export const giveCompensationInput = z.strictObject({ complaintId: noteIdSchema });
export const giveCompensationOutput = z.object({
  couponId: z.string(),
  name: z.string(),
  validUntil: isoInstantSchema,
  /** false when this complaint's 补偿券 had been given already (nothing new was issued) */
  issuedNow: z.boolean(),
});

export const auditLogInput = z.strictObject({ cursor: z.optional(opaqueIdSchema(120)) });
export const auditLogOutput = z.object({
  entries: z.array(z.object({ staffName: z.string(), memberId: z.string(), nickname: z.nullable(z.string()), view: z.string(), why: z.string(), at: isoInstantSchema })),
  next: z.nullable(z.string()),
});

export const staffMemberContract = {
  me: { input: emptyInput, output: staffMeOutput },
  memberView: { input: memberViewInput, output: memberViewSchema },
  addNote: { input: addNoteInput, output: addNoteOutput },
  tagGroups: { input: emptyInput, output: tagGroupsOutput },
  addTag: { input: memberTagInput, output: memberTagOutput },
  removeTag: { input: memberTagInput, output: memberTagOutput },
  editTagGroup: { input: editTagGroupInput, output: editTagGroupOutput },
  giveCompensation: { input: giveCompensationInput, output: giveCompensationOutput },
  auditLog: { input: auditLogInput, output: auditLogOutput },
} as const;
