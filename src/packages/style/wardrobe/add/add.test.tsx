import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { typeInto, withText } from '../../../../../tests/ui/support/dom';
import { fail, ok } from '../../../../../tests/ui/support/member';
import { keepingWardrobe, WARDROBE } from '../../../../../tests/ui/support/styleFunction';
import { programMedia, programUpload, recorded, resetTaro, setRouterParams } from '../../../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../../../services/errors';
import AddPiecePage from './index';

const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const field = (name: string) => document.querySelector(`[data-field="${name}"]`)!;
const choose = (fieldName: string, text: string) => fireEvent.click(withText(field(fieldName), '[role="radio"], [role="checkbox"]', text));
const swatch = (name: string) => fireEvent.click(document.querySelector(`[data-colour="${name}"] .colour-swatch`)!);
const save = (text = '放进衣橱') => fireEvent.click(withText(document.body, 'taro-button-core', text));
const problems = () => Array.from(document.querySelectorAll('.add-field__problem'), (p) => p.textContent);

async function photo(path = 'wxfile://tmp/shirt.jpg') {
  programMedia([path]);
  fireEvent.click(document.querySelector('.add-photo')!);
  await screen.findByText('换一张');
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('添加衣服', () => {
  it('a photo (uploaded at once to cloud storage), a name, the category, colours from swatches, the season: the piece goes into the wardrobe and its page opens', async () => {
    const held = keepingWardrobe();
    render(<AddPiecePage />);
    await photo();
    expect(recorded.uploads).toEqual([{ cloudPath: expect.stringMatching(/^wardrobe\/[a-z0-9]+\.jpg$/), filePath: 'wxfile://tmp/shirt.jpg' }]);
    typeInto(field('name').querySelector('taro-input-core'), ' 条纹衬衫 ');
    choose('category', '上装');
    swatch('奶白');
    swatch('藏青');
    expect(document.querySelector('.add-colours__chosen')?.textContent).toBe('已选：奶白（主色）、藏青');
    choose('wearSeason', '春夏');
    choose('styles', '通勤');
    choose('styles', '法式');
    choose('scenes', '职场');
    save();
    await waitFor(() => expect(recorded.navigations).toHaveLength(1));
    expect(calls('addItem')).toEqual([
      {
        action: 'addItem',
        image: `cloud://test-env.bucket/${recorded.uploads[0]!.cloudPath}`,
        name: '条纹衬衫',
        category: 'top',
        colours: [
          { name: '奶白', hex: '#f3eee4' },
          { name: '藏青', hex: '#243a5e' },
        ],
        wearSeason: '春夏',
        // in the shop's order, whatever order they were tapped in
        styles: ['通勤', '法式'],
        scenes: ['职场'],
        requestId: expect.stringMatching(/^[a-z0-9]{8,32}$/),
      },
    ]);
    const added = held.items.at(-1)!;
    expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: `/packages/style/wardrobe/item/index?id=${encodeURIComponent(added.id)}` }]);
    expect(recorded.toasts).toEqual([{ title: '已放进衣橱', icon: 'none' }]);
  });

  it('says what is missing beside each field, in plain words, and sends nothing', async () => {
    keepingWardrobe();
    render(<AddPiecePage />);
    // nothing is red before the member tries
    expect(problems()).toEqual([]);
    save();
    expect(problems()).toEqual(['先拍一张照片，或从相册选一张', '写一个名字，比如 白衬衫', '选一个类别', '选一个颜色', '选一下什么季节穿']);
    expect(await screen.findByText('还有 5 项没填好，看看标红的地方')).toBeTruthy();
    typeInto(field('name').querySelector('taro-input-core'), '   ');
    expect(problems()).toContain('写一个名字，比如 白衬衫');
    expect(calls('addItem')).toEqual([]);
  });

  it('takes at most 3 colours and 3 styles, saying so', async () => {
    keepingWardrobe();
    render(<AddPiecePage />);
    for (const c of ['墨黑', '奶白', '藏青', '焦糖']) swatch(c);
    expect(document.querySelector('.add-colours__chosen')?.textContent).toBe('已选：墨黑（主色）、奶白、藏青');
    for (const s of ['简约', '通勤', '法式', '甜酷']) choose('styles', s);
    expect(recorded.toasts).toEqual([
      { title: '最多选3个颜色，先去掉一个', icon: 'none' },
      { title: '最多选3个风格，先去掉一个', icon: 'none' },
    ]);
    // a chosen colour tapped again lets go: the next one becomes the main colour
    swatch('墨黑');
    expect(document.querySelector('.add-colours__chosen')?.textContent).toBe('已选：奶白（主色）、藏青');
  });

  it('a photo that could not be uploaded says so, and uploads again on a tap', async () => {
    keepingWardrobe();
    render(<AddPiecePage />);
    programUpload('fail');
    programMedia(['wxfile://tmp/coat.jpg']);
    fireEvent.click(document.querySelector('.add-photo')!);
    expect(await screen.findByText(`照片没能上传：${ERROR_TEXT.UNAVAILABLE}`)).toBeTruthy();
    programUpload('ok');
    fireEvent.click(screen.getByText('重新上传'));
    await screen.findByText('换一张');
    expect(recorded.uploads.map((u) => u.filePath)).toEqual(['wxfile://tmp/coat.jpg', 'wxfile://tmp/coat.jpg']);
  });

  it('a save that got no answer is sent again with the same requestId (the function adds the piece once)', async () => {
    let lost = true;
    const held = keepingWardrobe(undefined, { addItem: () => (lost ? ((lost = false), fail('UNAVAILABLE')) : ok({ item: held.items[0]! })) });
    render(<AddPiecePage />);
    await photo();
    typeInto(field('name').querySelector('taro-input-core'), '围巾');
    choose('category', '配饰');
    swatch('酒红');
    choose('wearSeason', '秋冬');
    save();
    expect(await screen.findByText(ERROR_TEXT.UNAVAILABLE)).toBeTruthy();
    save();
    await waitFor(() => expect(recorded.navigations).toHaveLength(1));
    const ids = calls('addItem').map((c) => c.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
  });

  it('closing the picker changes nothing', async () => {
    keepingWardrobe();
    render(<AddPiecePage />);
    programMedia(null);
    // the picker answers at once (the stub): let its answer settle
    await act(async () => fireEvent.click(document.querySelector('.add-photo')!));
    expect(recorded.uploads).toEqual([]);
    expect(screen.getByText('拍照或从相册选择')).toBeTruthy();
  });

  it('at the quota, says the function’s own words (how many a wardrobe takes)', async () => {
    const held = keepingWardrobe();
    held.ownQuota = 1;
    render(<AddPiecePage />);
    await photo();
    typeInto(field('name').querySelector('taro-input-core'), '围巾');
    choose('category', '配饰');
    swatch('酒红');
    choose('wearSeason', '秋冬');
    save();
    expect(await screen.findByText('衣橱最多添加 1 件，可以先删掉不穿的')).toBeTruthy();
    expect(recorded.navigations).toEqual([]);
  });
});

describe('编辑 a piece (?id=)', () => {
  it('starts from the piece as it is, keeps its picture, and sends only what changed', async () => {
    const held = keepingWardrobe();
    setRouterParams({ id: WARDROBE[3]!.id });
    render(<AddPiecePage />);
    await waitFor(() => expect((field('name').querySelector('taro-input-core') as unknown as { value: string }).value).toBe('白衬衫'));
    expect(recorded.titles).toEqual(['编辑衣服']);
    expect(screen.getByText(/照片不能更换/)).toBeTruthy();
    expect(document.querySelector('.add-colours__chosen')?.textContent).toBe('已选：奶白（主色）');
    typeInto(field('name').querySelector('taro-input-core'), '真丝白衬衫');
    choose('wearSeason', '四季');
    save('保存修改');
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'navigateBack', url: '' }]));
    expect(calls('editItem')).toEqual([{ action: 'editItem', id: WARDROBE[3]!.id, name: '真丝白衬衫', wearSeason: '四季' }]);
    expect(held.items[3]).toMatchObject({ name: '真丝白衬衫', wearSeason: '四季' });
    expect(recorded.toasts).toEqual([{ title: '已保存修改', icon: 'none' }]);
  });

  it('a piece that is gone says so', async () => {
    keepingWardrobe();
    setRouterParams({ id: 'o:248780046127:gone' });
    render(<AddPiecePage />);
    expect(await screen.findByText('衣橱里没有这件')).toBeTruthy();
  });
});
