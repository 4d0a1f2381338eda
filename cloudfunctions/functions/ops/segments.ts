import { failure, success } from '../../contract';
import type { opsSegmentsContract } from '../../contract/opsSegments';
import { membersByIds } from '../../data/members';
import { findDefinitions, type PlacementFilter, saveDefinitions, segmentCounts, segmentMoves } from '../../data/segments';
import { tagGroups } from '../../data/staffTags';
import { findStore } from '../../data/stores';
import type { SegmentDefinitions } from '../../domain/ops/segments/definition';
import { checkDefinitions } from '../../domain/ops/segments/validate';
import { MOVE_SAMPLE, segmentCountList, segmentMoveList } from '../../domain/ops/segments/view';
import { toIso } from '../../domain/time';
import type { Staff } from '../../domain/staff/staff';
import type { Handlers } from '../../platform/handler';
import { staffCaller } from '../staff/caller';

const filterOf = (staff: Staff, input: { tier?: PlacementFilter['tier']; tags?: string[] }): PlacementFilter => ({ storeId: staff.storeId, tier: input.tier, tags: input.tags ? [...new Set(input.tags)] : undefined });
const filterEcho = (f: PlacementFilter) => ({ tier: f.tier ?? null, tags: f.tags ?? [] });

const definitionsView = (d: SegmentDefinitions) => ({
  version: d.version,
  definitions: d.definitions.map((x) => ({ code: x.code, name: x.name, r: x.r, f: x.f, m: x.m, joinedWithinDays: x.joinedWithinDays })),
  updatedAt: d.updatedAt ? toIso(d.updatedAt) : null,
  updatedBy: d.updatedBy?.name ?? null,
});

/** 会员分群 for the store's manager: counts, movement since a week ago, and the definitions as data. */
export const segmentsHandlers: Handlers<typeof opsSegmentsContract> = {
  /** Members per segment in the manager's store (by tier and staff tags too): one aggregation over the placements. */
  async segmentCounts(input, ctx) {
    const caller = await staffCaller(ctx, ['manager']);
    if (!caller.ok) return caller;
    const filter = filterOf(caller.value, input);
    const [rows, defs, store, groups] = await Promise.all([segmentCounts(ctx.db, filter), findDefinitions(ctx.db), findStore(ctx.db, filter.storeId), tagGroups(ctx.db)]);
    const { total, segments } = segmentCountList(defs.definitions, rows);
    const scoredOn = rows.reduce<string | null>((max, r) => (max === null || r.scoredOn > max ? r.scoredOn : max), null);
    return success({
      storeId: filter.storeId,
      storeName: store?.name ?? filter.storeId,
      filter: filterEcho(filter),
      scoredOn,
      total,
      segments,
      tagChoices: groups.flatMap((g) => g.tags.map((t) => ({ tagId: t.tagId, name: t.name, groupName: g.name }))),
    });
  },

  /** Who moved between segments since a week ago in the manager's store: counts per move, a masked sample of each. */
  async segmentMovement(input, ctx) {
    const caller = await staffCaller(ctx, ['manager']);
    if (!caller.ok) return caller;
    const filter = filterOf(caller.value, input);
    const [rows, defs, counts] = await Promise.all([segmentMoves(ctx.db, filter, MOVE_SAMPLE * 2), findDefinitions(ctx.db), segmentCounts(ctx.db, filter)]);
    const shown = rows.sort((a, b) => b.count - a.count).slice(0, 30);
    const members = await membersByIds(ctx.db, shown.flatMap((r) => r.memberIds));
    const nicknames = new Map(members.filter((m) => !m.leavingSince).map((m) => [m._id, m.nickname]));
    const scoredOn = counts.reduce<string | null>((max, r) => (max === null || r.scoredOn > max ? r.scoredOn : max), null);
    return success({
      storeId: filter.storeId,
      filter: filterEcho(filter),
      scoredOn,
      moves: segmentMoveList(defs.definitions, shown, nicknames),
      moved: rows.reduce((s, r) => s + r.count, 0),
    });
  },

  /** The brand's segment definitions in order of precedence (the defaults until a manager saves). */
  async segmentDefinitions(_input, ctx) {
    const caller = await staffCaller(ctx, ['manager']);
    if (!caller.ok) return caller;
    return success(definitionsView(await findDefinitions(ctx.db)));
  },

  /** Saves the definitions whole if nobody saved since the version the manager edited (CONFLICT otherwise); the next nightly run places by them. */
  async saveSegmentDefinitions(input, ctx) {
    const caller = await staffCaller(ctx, ['manager']);
    if (!caller.ok) return caller;
    const checked = checkDefinitions(input.definitions);
    if (!checked.ok) return checked;
    const by = { staffId: caller.value._id, name: caller.value.name };
    if (!(await saveDefinitions(ctx.db, input.version, checked.value, by, ctx.now))) return failure('CONFLICT', '分群定义已被他人修改，请刷新后再改');
    return success(definitionsView({ _id: 'rfm', version: input.version + 1, definitions: checked.value, updatedAt: ctx.now, updatedBy: by }));
  },
};
