import { Button, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { ChoiceChips } from '../../../components/ChoiceChips';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { errorText } from '../../../services/errors';
import { opsSegmentsApi, saveProblemText, type SegmentCounts, type SegmentDefinition, type SegmentDefinitions, type SegmentFilter, type SegmentMovement } from '../../../services/opsSegments';
import { toast } from '../../../services/toast';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { DefinitionEditor } from './DefinitionEditor';
import { MoveTable } from './MoveTable';
import { rangeText } from './rangeChips';
import { SegmentBars } from './SegmentBars';
import './index.scss';

type Tier = 'explorer' | 'grower' | 'loyal';
const TIERS: ReadonlyArray<{ value: Tier | 'all'; label: string }> = [
  { value: 'all', label: '全部等级' },
  { value: 'explorer', label: '探索者' },
  { value: 'grower', label: '成长者' },
  { value: 'loyal', label: '忠诚者' },
];
const TAGS_MAX = 5;

/** "2026-11-25" in Shanghai of an ISO instant. */
const shopDate = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10) : '');

/** "R 4–5 分 · F 不限 · 入会 ≤ 30 天": a definition's conditions in one line. */
function conditionsText(d: SegmentDefinition): string {
  const parts = [`R ${rangeText(d.r)}`, `F ${rangeText(d.f)}`, `M ${rangeText(d.m)}`];
  if (d.joinedWithinDays !== null) parts.push(`入会 ≤ ${d.joinedWithinDays} 天`);
  return d.r === null && d.f === null && d.m === null && d.joinedWithinDays === null ? '其余所有会员' : parts.join(' · ');
}

/**
 * 会员分群 (managers): the store's members per RFM segment as the nightly job placed them (by tier
 * and staff tags), who moved between segments since a week ago, and the segment definitions,
 * which a manager edits here (names, score thresholds, order). Read on every show and pull-down.
 */
export default function SegmentsPage() {
  const [filter, setFilter] = useState<SegmentFilter>({});
  const filterToRead = useRef<SegmentFilter>({});
  const counts = useRemote<SegmentCounts>(() => opsSegmentsApi.counts(filterToRead.current), { auto: false });
  const movement = useRemote<SegmentMovement>(() => opsSegmentsApi.movement(filterToRead.current), { auto: false });
  const definitions = useRemote<SegmentDefinitions>(() => opsSegmentsApi.definitions(), { auto: false });
  const { readAgain } = useReadOnShow([remoteRead(counts), remoteRead(movement, { saysOwnProblems: true }), remoteRead(definitions, { saysOwnProblems: true })]);
  const [draft, setDraft] = useState<SegmentDefinition[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [tagsOpen, setTagsOpen] = useState(false);

  const applyFilter = (next: SegmentFilter) => {
    filterToRead.current = next;
    setFilter(next);
    void counts.reload();
    void movement.reload();
  };
  const chooseTier = (value: Tier | 'all') => applyFilter({ ...filter, tier: value === 'all' ? undefined : value });
  const toggleTag = (tagId: string) => {
    const held = filter.tags ?? [];
    if (!held.includes(tagId) && held.length >= TAGS_MAX) return toast(`最多选 ${TAGS_MAX} 个标签`);
    const tags = held.includes(tagId) ? held.filter((t) => t !== tagId) : [...held, tagId];
    applyFilter({ ...filter, tags: tags.length ? tags : undefined });
  };

  const startEditing = () => {
    if (definitions.state.status !== 'ready') return;
    setProblem(null);
    setDraft(definitions.state.data.definitions.map((d) => ({ ...d })));
  };
  const save = async () => {
    if (!draft || definitions.state.status !== 'ready') return;
    setSaving(true);
    setProblem(null);
    const answer = await opsSegmentsApi.save(definitions.state.data.version, draft.map((d) => ({ ...d, name: d.name.trim() })));
    setSaving(false);
    if (answer.ok) {
      definitions.set(answer.data);
      setDraft(null);
      void counts.refresh();
      void movement.refresh();
      return toast('已保存，次日凌晨按新定义分群');
    }
    setProblem(saveProblemText(answer.error));
    if (answer.error.code === 'CONFLICT') {
      const latest = await definitions.reload();
      if (latest.ok) setDraft(latest.data.definitions.map((d) => ({ ...d })));
    }
  };

  const c = counts.state;
  const mv = movement.state;
  const defs = definitions.state;
  return (
    <View className='page segments'>
      <View className='section segments__filters'>
        <ChoiceChips label='会员等级' options={TIERS} selected={[filter.tier ?? 'all']} onToggle={chooseTier} />
        {c.status === 'ready' && c.data.tagChoices.length > 0 && (
          <>
            <View className='segments__filter-toggle' role='button' aria-expanded={tagsOpen ? 'true' : 'false'} onClick={() => setTagsOpen(!tagsOpen)}>
              <Text>{filter.tags?.length ? `店员标签：已选 ${filter.tags.length} 个（同时具备）` : '按店员标签筛选'}</Text>
              <Text className='muted'>{tagsOpen ? '收起' : '展开'}</Text>
            </View>
            {tagsOpen && <ChoiceChips label='店员标签' multiple options={c.data.tagChoices.map((t) => ({ value: t.tagId, label: t.name }))} selected={filter.tags ?? []} onToggle={toggleTag} />}
          </>
        )}
      </View>

      {c.status === 'error' ? (
        <ErrorState error={c.error} onRetry={() => void readAgain()} />
      ) : c.status === 'loading' ? (
        <LoadingBlock height={520} label='正在加载分群人数' />
      ) : (
        <View className='section'>
          <View className='segments__title-row'>
            <Text className='section-title'>{`${c.data.storeName} 分群人数`}</Text>
            <Text className='segments__total'>{`${c.data.total.toLocaleString('zh-CN')} 人`}</Text>
          </View>
          <Text className='muted segments__as-of'>{c.data.scoredOn ? `${c.data.scoredOn} 评分 · 近 12 个月 RFM` : '尚未评分：分群任务每晚运行一次，明天再来看看'}</Text>
          {c.data.total === 0 && c.data.scoredOn ? <Text className='muted'>没有符合筛选条件的会员</Text> : <SegmentBars segments={c.data.segments} total={c.data.total} />}
        </View>
      )}

      <View className='section'>
        <Text className='section-title'>近一周流动</Text>
        {mv.status === 'error' ? (
          <View className='segments__inline-error' role='alert'>
            <Text className='muted'>{errorText(mv.error)}</Text>
            <Button className='btn btn-ghost' onClick={() => void movement.reload()}>
              重新加载
            </Button>
          </View>
        ) : mv.status === 'loading' ? (
          <LoadingBlock height={240} label='正在加载分群流动' />
        ) : mv.data.moves.length === 0 ? (
          <Text className='muted'>{mv.data.scoredOn ? '与一周前相比没有会员换分群（首次评分满 7 天后开始统计）' : '评分满 7 天后可看到流动'}</Text>
        ) : (
          <>
            <Text className='muted segments__as-of'>{`与一周前相比共 ${mv.data.moved.toLocaleString('zh-CN')} 人换了分群`}</Text>
            <MoveTable moves={mv.data.moves} />
          </>
        )}
      </View>

      <View className='section'>
        <View className='segments__title-row'>
          <Text className='section-title'>分群定义</Text>
          {defs.status === 'ready' && !draft && (
            <Button className='btn btn-ghost segments__edit' onClick={startEditing}>
              编辑
            </Button>
          )}
        </View>
        {defs.status === 'error' ? (
          <View className='segments__inline-error' role='alert'>
            <Text className='muted'>{errorText(defs.error)}</Text>
            <Button className='btn btn-ghost' onClick={() => void definitions.reload()}>
              重新加载
            </Button>
          </View>
        ) : defs.status === 'loading' ? (
          <LoadingBlock height={320} label='正在加载分群定义' />
        ) : draft ? (
          <DefinitionEditor definitions={draft} onChange={setDraft} onSave={() => void save()} onCancel={() => setDraft(null)} saving={saving} problem={problem} />
        ) : (
          <View className='segments__defs'>
            {defs.data.definitions.map((d, i) => (
              <View key={d.code} className='segments__def'>
                <Text className='segments__def-name'>{`${i + 1}. ${d.name}`}</Text>
                <Text className='muted'>{conditionsText(d)}</Text>
              </View>
            ))}
            <Text className='muted segments__as-of'>{defs.data.updatedBy ? `${defs.data.updatedBy} 于 ${shopDate(defs.data.updatedAt)} 修改` : '品牌默认定义'}</Text>
          </View>
        )}
      </View>
    </View>
  );
}
