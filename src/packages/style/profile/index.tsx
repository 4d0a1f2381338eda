import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MemberTag, TagSource } from '../../../../cloudfunctions/contract/style';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { shopDate } from '../../../services/format';
import { pageUrl } from '../../../services/routes';
import { styleApi } from '../../../services/style';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { saveProblemText } from '../errors';
import { Editor } from './Editor';
import { EDITOR_OF, type EditorKind, type Preferences } from './preferences';
import './index.scss';

/** The groups of 我的风格档案, in the order they show. */
const GROUPS: ReadonlyArray<{ group: MemberTag['group']; title: string }> = [
  { group: 'style', title: '风格' },
  { group: 'colour', title: '色彩' },
  { group: 'body', title: '版型与尺码' },
  { group: 'scene', title: '场合' },
  { group: 'price', title: '价位' },
  { group: 'purchase', title: '购买习惯' },
  { group: 'behaviour', title: '最近在看' },
  { group: 'programme', title: '会员活动' },
];

export const SOURCE_WORDS: Record<TagSource, string> = {
  quiz: '来自风格测试',
  purchase: '来自购买记录',
  behaviour: '来自浏览',
  member: '我设置的',
  programme: '来自会员活动',
};

/**
 * 我的风格档案: every tag the programme holds of the member, grouped, each with where it came from
 * and when; the preferences (sizes, fit, silhouette, scenes, colours) edited in place with chips.
 * The choices are the quiz's own, sent with the tags; a list the member emptied reads 无.
 */
export default function ProfilePage() {
  const tags = useRemote(styleApi.tags, { auto: false });
  const { readAgain, notMember, setLeftElsewhere } = useReadOnShow([remoteRead(tags)]);
  const [editing, setEditing] = useState<EditorKind | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (tags.state.status === 'error' && !notMember) {
    return (
      <View className='page profile'>
        <ErrorState error={tags.state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (tags.state.status !== 'ready') {
    return (
      <View className='page profile'>
        <LoadingBlock height={240} label='正在加载风格档案' />
        <View className='profile__gap' />
        <LoadingBlock height={600} />
      </View>
    );
  }

  const { tags: all, hasReport, preferences: own, choices } = tags.state.data;
  const openQuiz = () => void Taro.navigateTo({ url: pageUrl('styleQuiz') });
  if (all.length === 0 && !hasReport) {
    return (
      <View className='page profile'>
        <View className='profile-empty'>
          <Text className='profile-empty__title'>还没有风格档案</Text>
          <Text className='profile-empty__text'>做一次风格测试，约 3 分钟：你的风格、色彩季型、版型和尺码都会记在这里，随时可以改。</Text>
          <Button className='btn btn-primary profile-empty__go' onClick={openQuiz}>
            去做风格测试
          </Button>
        </View>
      </View>
    );
  }

  function edit(kind: EditorKind) {
    setProblem(null);
    setEditing(kind);
  }

  async function save(change: Preferences) {
    if (saving) return;
    setSaving(true);
    setProblem(null);
    const answer = await styleApi.setPreferences(change);
    setSaving(false);
    if (!answer.ok) {
      if (answer.error.code === 'NOT_MEMBER') return setLeftElsewhere(true);
      return setProblem(saveProblemText(answer.error));
    }
    tags.set(answer.data);
    setEditing(null);
    void Taro.showToast({ title: '已保存', icon: 'success' });
  }

  return (
    <View className='page profile'>
      {hasReport ? (
        <View className='profile-top' onClick={() => void Taro.navigateTo({ url: pageUrl('styleReport') })} role='link' hoverClass='profile-top--pressed'>
          <Text className='profile-top__text'>标签来自你的风格测试、购买和浏览；尺码、版型、场合和颜色可以自己改。</Text>
          <Text className='profile-top__go'>查看风格报告 ›</Text>
        </View>
      ) : (
        <View className='profile-top profile-top--quiz' onClick={openQuiz} role='link' hoverClass='profile-top--pressed'>
          <Text className='profile-top__text'>做一次风格测试，档案会更完整：风格、色彩季型和尺码。</Text>
          <Text className='profile-top__go'>去做风格测试 ›</Text>
        </View>
      )}
      {GROUPS.map(({ group, title }) => {
        const mine = all.filter((t) => t.group === group);
        if (mine.length === 0) return null;
        return (
          <View key={group} className='section profile-group' data-group={group}>
            <Text className='section-title'>{title}</Text>
            {mine.map((tag) => {
              const editor = tag.editable ? EDITOR_OF[tag.code] : undefined;
              // both colour tags share one editor: it opens under the first of them
              const opensHere = editor !== undefined && editing === editor && mine.find((t) => EDITOR_OF[t.code] === editor) === tag;
              // one short value (M, 合身, 秋季型 · 暖秋) stands beside its label: the list stays short
              // an empty list is "none": said, not left blank
              const shown = tag.values.length > 0 ? tag.values : ['无'];
              const inline = shown.length === 1 && shown[0]!.length <= 8;
              const values = (
                <View className={`profile-tag__values${inline ? ' profile-tag__values--inline' : ''}`}>
                  {shown.map((v) => (
                    <Text key={v} className='profile-tag__value'>
                      {v}
                    </Text>
                  ))}
                </View>
              );
              return (
                <View key={tag.code} className='profile-tag' data-tag={tag.code}>
                  <View className='profile-tag__head'>
                    <Text className='profile-tag__label'>{tag.label}</Text>
                    {inline ? values : null}
                    {editor && editing !== editor ? (
                      <View className='profile-tag__edit' onClick={() => edit(editor)} role='button' aria-label={`修改${tag.label}`} hoverClass='profile-tag__edit--pressed'>
                        修改
                      </View>
                    ) : null}
                  </View>
                  {inline ? null : values}
                  <Text className={`profile-tag__source profile-tag__source--${tag.source}`}>
                    {SOURCE_WORDS[tag.source]} · {shopDate(tag.updatedAt)}
                  </Text>
                  {opensHere ? (
                    <Editor kind={editor} tags={all} own={own} choices={choices} saving={saving} problem={problem} onSave={(change) => void save(change)} onCancel={() => setEditing(null)} />
                  ) : null}
                </View>
              );
            })}
          </View>
        );
      })}
      <Text className='muted profile__foot'>改过的标签会标为「我设置的」，比风格测试的结果优先。</Text>
    </View>
  );
}
