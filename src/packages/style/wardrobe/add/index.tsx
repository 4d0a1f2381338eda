import { Button, Image, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../../../cloudfunctions/contract';
import type { NamedColour } from '../../../../../cloudfunctions/contract/styleWords';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { ColourSwatch } from '../../../../components/ColourSwatch';
import { ErrorState, LoadingBlock } from '../../../../components/StateView';
import { errorText } from '../../../../services/errors';
import { pictureSrc } from '../../../../services/files';
import { choosePhoto, uploadPhoto } from '../../../../services/photo';
import { pageUrl } from '../../../../services/routes';
import { remoteRead, useReadOnShow } from '../../../../services/useReadOnShow';
import { useRemote } from '../../../../services/useRemote';
import { wardrobeApi } from '../../../../services/wardrobe';
import { idParam, refusalText } from '../../errors';
import { CATEGORIES, CATEGORY_NAMES, PIECE_COLOURS, SCENES, STYLES, WEAR_SEASONS } from '../../words';
import { addInput, type Draft, draftOf, editInput, draftProblems, EMPTY_DRAFT, type Field, NAME_MAX, STYLES_MAX, toggleColour, toggleIn } from './draft';
import './index.scss';

type Photo = { status: 'none' } | { status: 'uploading'; preview: string } | { status: 'failed'; preview: string; problem: string } | { status: 'done'; preview: string };

/**
 * 添加衣服: a photo (taken or from the album, uploaded at once), a name, the category, 1–3 colours
 * from swatches (the first is the main one), the season, and optionally styles (≤ 3) and scenes.
 * With `?id=` it edits that piece (its picture stays) and sends only what changed. Problems are
 * said beside their fields once the member tries to save.
 */
export default function AddPiecePage() {
  const { params } = useRouter();
  const id = idParam(params.id);
  const editing = params.id !== undefined;
  const piece = useRemote(() => wardrobeApi.item(id ?? ''), { auto: false });
  const { readAgain, notMember, setLeftElsewhere } = useReadOnShow(id ? [remoteRead(piece, { saysOwnProblems: true })] : []);
  const item = piece.state.status === 'ready' ? piece.state.data.item : null;

  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [started, setStarted] = useState(!editing);
  const [photo, setPhoto] = useState<Photo>({ status: 'none' });
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // this add's id: a retry after a timeout (the piece made, the answer lost) adds the piece once
  const [requestId] = useState(() => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`);

  useEffect(() => {
    if (editing) void Taro.setNavigationBarTitle({ title: '编辑衣服' });
  }, []);

  // a piece being edited fills the form once (a later read on show keeps what the member typed)
  useEffect(() => {
    if (item && !started) {
      setDraft(draftOf(item));
      setStarted(true);
    }
  }, [item]);

  if (editing && (!id || (piece.state.status === 'error' && piece.state.error.code === 'NOT_FOUND'))) {
    return (
      <View className='page add'>
        <View className='section add-gone' role='status'>
          <Text className='add-gone__title'>衣橱里没有这件</Text>
          <Button className='btn btn-primary' onClick={() => void Taro.redirectTo({ url: pageUrl('wardrobe') })}>
            去我的衣橱
          </Button>
        </View>
      </View>
    );
  }
  if (editing && piece.state.status === 'error' && !notMember) {
    return (
      <View className='page add'>
        <ErrorState error={piece.state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (editing && !started) {
    return (
      <View className='page add'>
        <LoadingBlock height={400} label='正在加载这件衣服' />
      </View>
    );
  }

  const problems = draftProblems(draft, editing);
  const shownProblem = (field: Field) => (tried && problems[field] ? <Text className='add-field__problem'>{problems[field]}</Text> : null);
  const patch = (next: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setProblem(null);
  };

  async function pickPhoto() {
    if (photo.status === 'uploading') return;
    const path = await choosePhoto();
    if (path) await upload(path);
  }

  async function upload(path: string) {
    setPhoto({ status: 'uploading', preview: path });
    const answer = await uploadPhoto(path);
    if (!answer.ok) return setPhoto({ status: 'failed', preview: path, problem: `照片没能上传：${errorText(answer.error, { INVALID_INPUT: '这张照片的格式不支持，换一张 JPG 或 PNG 照片' })}` });
    setPhoto({ status: 'done', preview: path });
    patch({ image: answer.data.fileID });
  }

  function tapColour(colour: NamedColour) {
    const { colours, refused } = toggleColour(draft.colours, colour);
    if (refused) return void Taro.showToast({ title: refused, icon: 'none' });
    patch({ colours });
  }

  async function save() {
    if (saving || photo.status === 'uploading') return;
    setTried(true);
    if (Object.keys(problems).length > 0) return setProblem(`还有 ${Object.keys(problems).length} 项没填好，看看标红的地方`);
    setSaving(true);
    setProblem(null);
    if (item) {
      const change = editInput(item, draft);
      if (!change) {
        setSaving(false);
        return void Taro.navigateBack();
      }
      const answer = await wardrobeApi.edit(change);
      setSaving(false);
      if (!answer.ok) return failed(answer.error);
      void Taro.showToast({ title: '已保存修改', icon: 'none' });
      return void Taro.navigateBack();
    }
    const answer = await wardrobeApi.add({ ...addInput(draft)!, requestId });
    setSaving(false);
    if (!answer.ok) return failed(answer.error);
    void Taro.showToast({ title: '已放进衣橱', icon: 'none' });
    void Taro.redirectTo({ url: pageUrl('wardrobeItem', { id: answer.data.item.id }) });
  }

  function failed(error: AppError) {
    if (error.code === 'NOT_MEMBER') return setLeftElsewhere(true);
    setProblem(error.code === 'LIMIT_REACHED' && !/[\u4e00-\u9fff]/.test(error.message) ? '衣橱里自己添加的衣服已到上限，先删掉几件不穿的再添加' : refusalText(error));
  }

  // the colours offered: the catalogue's swatches, and any colour the piece has that they lack
  const swatches = [...PIECE_COLOURS, ...draft.colours.filter((c) => !PIECE_COLOURS.some((p) => p.name === c.name))];
  const picture = photo.status !== 'none' ? photo.preview : item ? pictureSrc(item.image) : null;

  return (
    <View className='page add'>
      <View className='section add-field' data-field='image'>
        {item ? (
          <>
            <View className='add-photo add-photo--fixed'>
              <Image className='add-photo__image' src={picture ?? ''} mode='aspectFit' />
            </View>
            <Text className='muted add-field__note'>照片不能更换；想换一张，可以删掉这件后重新添加。</Text>
          </>
        ) : (
          <>
            <View className={`add-photo${picture ? ' add-photo--chosen' : ''}`} onClick={() => void pickPhoto()} role='button' aria-label={picture ? '换一张照片' : '拍照或从相册选择'} hoverClass='add-photo--pressed'>
              {picture ? (
                <Image className='add-photo__image' src={picture} mode='aspectFit' />
              ) : (
                <View className='add-photo__empty'>
                  <Text className='add-photo__plus'>＋</Text>
                  <Text className='add-photo__text'>拍照或从相册选择</Text>
                  <Text className='add-photo__hint'>平铺或挂起来拍，光线亮一些</Text>
                </View>
              )}
              {photo.status === 'uploading' ? <Text className='add-photo__state'>正在上传…</Text> : null}
              {photo.status === 'done' ? <Text className='add-photo__state add-photo__state--done'>换一张</Text> : null}
            </View>
            {photo.status === 'failed' ? (
              <View className='add-field__problem add-photo__failed' role='alert'>
                <Text>{photo.problem}</Text>
                <View className='add-photo__retry' onClick={() => void upload(photo.preview)} role='button'>
                  重新上传
                </View>
              </View>
            ) : (
              shownProblem('image')
            )}
          </>
        )}
      </View>

      <View className='section add-field' data-field='name'>
        <Text className='add-field__label'>名字</Text>
        <Input className='add-name' placeholder='比如 白衬衫、牛仔外套' value={draft.name} maxlength={NAME_MAX} onInput={(e) => patch({ name: e.detail.value })} />
        {shownProblem('name')}
      </View>

      <View className='section add-field' data-field='category'>
        <Text className='add-field__label'>类别</Text>
        <ChoiceChips label='类别' options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_NAMES[c] }))} selected={draft.category ? [draft.category] : []} onToggle={(category) => patch({ category })} />
        {shownProblem('category')}
      </View>

      <View className='section add-field' data-field='colours'>
        <Text className='add-field__label'>颜色</Text>
        <Text className='muted add-field__note'>选 1–3 个，先选的是主色</Text>
        <View className='add-colours'>
          {swatches.map((c) => {
            const at = draft.colours.findIndex((x) => x.name === c.name);
            return (
              <View key={c.name} className='add-colours__cell' data-colour={c.name}>
                <ColourSwatch hex={c.hex} label={c.name} size='small' selected={at >= 0} onTap={() => tapColour(c)} ariaLabel={`${c.name}${at === 0 ? '，主色' : at > 0 ? '，已选' : ''}`} />
              </View>
            );
          })}
        </View>
        {draft.colours.length > 0 ? (
          <Text className='add-colours__chosen'>
            已选：{draft.colours.map((c, i) => (i === 0 ? `${c.name}（主色）` : c.name)).join('、')}
          </Text>
        ) : null}
        {shownProblem('colours')}
      </View>

      <View className='section add-field' data-field='wearSeason'>
        <Text className='add-field__label'>季节</Text>
        <ChoiceChips even label='季节' options={WEAR_SEASONS.map((s) => ({ value: s, label: s }))} selected={draft.wearSeason ? [draft.wearSeason] : []} onToggle={(wearSeason) => patch({ wearSeason })} />
        {shownProblem('wearSeason')}
      </View>

      <View className='section add-field' data-field='styles'>
        <Text className='add-field__label'>
          风格<Text className='add-field__optional'>选填，最多 {STYLES_MAX} 个</Text>
        </Text>
        <ChoiceChips
          multiple
          label='风格'
          options={STYLES.map((s) => ({ value: s, label: s }))}
          selected={draft.styles}
          onToggle={(s) => {
            const next = toggleIn(draft.styles, s, STYLES, STYLES_MAX);
            if (next.refused) return void Taro.showToast({ title: `最多选${STYLES_MAX}个风格，先去掉一个`, icon: 'none' });
            patch({ styles: next.chosen });
          }}
        />
      </View>

      <View className='section add-field' data-field='scenes'>
        <Text className='add-field__label'>
          场合<Text className='add-field__optional'>选填，穿去哪儿</Text>
        </Text>
        <ChoiceChips multiple label='场合' options={SCENES.map((s) => ({ value: s, label: s }))} selected={draft.scenes} onToggle={(s) => patch({ scenes: toggleIn(draft.scenes, s, SCENES).chosen })} />
      </View>

      <View className='add__footer'>
        {problem ? (
          <View className='add__problem' role='alert'>
            {problem}
          </View>
        ) : null}
        <Button className={`btn btn-primary add__save${saving || photo.status === 'uploading' ? ' btn--off' : ''}`} disabled={saving || photo.status === 'uploading'} onClick={() => void save()}>
          {saving ? '正在保存…' : photo.status === 'uploading' ? '照片上传中…' : item ? '保存修改' : '放进衣橱'}
        </Button>
      </View>
    </View>
  );
}
