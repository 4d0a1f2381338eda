import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ErrorState, LoadingBlock } from '../../components/StateView';
import { type PageName, pageUrl } from '../../services/routes';
import { staffMemberApi } from '../../services/staffMember';
import { toast } from '../../services/toast';
import { remoteRead, useReadOnShow } from '../../services/useReadOnShow';
import { useRemote } from '../../services/useRemote';
import type { StaffRoleName as StaffRole } from '../../../cloudfunctions/contract/staffMember';
import { memberCodeOf, STAFF_ROLE_NAMES } from './format';
import './index.scss';

/** The work entries, each for the roles it serves (none named: everyone on the staff). */
const ENTRIES: ReadonlyArray<{ page: PageName; title: string; note: string; roles?: readonly StaffRole[] }> = [
  { page: 'staffTodos', title: '今日待办', note: '生日、积分到期、回访' },
  { page: 'staffPoster', title: '我的拉新码', note: '顾客扫码入会记在你名下' },
  { page: 'staffSlots', title: '我的预约时段', note: '发布时段、当天的 1 对 1 预约', roles: ['stylist', 'manager'] },
  { page: 'staffEvents', title: '私享会', note: '创建活动、报名名单、扫码签到', roles: ['manager'] },
  { page: 'staffCocreation', title: '新品共创', note: '发布新品、投票结果', roles: ['manager'] },
  { page: 'staffFigures', title: '店员业绩', note: '拉新、首单、升级、回访', roles: ['manager'] },
  { page: 'staffAudit', title: '查看记录', note: '谁在何时查看了哪位会员', roles: ['manager'] },
  { page: 'staffTags', title: '标签管理', note: '品牌标签组的增删改', roles: ['manager'] },
  { page: 'opsDashboard', title: '门店看板', note: '拉新、复购、等级、积分负债', roles: ['manager'] },
  { page: 'opsSegments', title: '会员分群', note: '忠实、潜力、沉睡，本周的流动', roles: ['manager'] },
  { page: 'opsCampaigns', title: '精准营销', note: '选人群发券，看核销与回报', roles: ['manager'] },
  { page: 'opsAlerts', title: '经营预警', note: '拉新骤降、用券异常', roles: ['manager'] },
  { page: 'opsNps', title: '顾客满意度', note: 'NPS：门店与店员', roles: ['manager'] },
];

const openMember = (code: string) => void Taro.navigateTo({ url: pageUrl('staffMember', { code }) });

/**
 * 导购助手 · 工作台: who the clerk is, the member in front of them (scan their code in WeChat, type
 * it in the H5 preview), the day's care list and the clerk's join poster; for managers the
 * figures, the audit log and the tag groups. Staff only: anyone else is told so.
 */
export default function StaffHomePage() {
  const me = useRemote(staffMemberApi.me, { auto: false });
  const { readAgain } = useReadOnShow([remoteRead(me)]);
  const state = me.state;

  if (state.status === 'error') {
    return (
      <View className='page staff-home'>
        <ErrorState error={state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (state.status !== 'ready') {
    return (
      <View className='page staff-home'>
        <LoadingBlock height={180} label='正在加载导购助手' />
      </View>
    );
  }
  const staff = state.data.staff;
  if (!staff) {
    return (
      <View className='page staff-home'>
        <View className='section staff-home__none' role='alert'>
          <Text className='section-title'>导购助手仅对门店员工开放</Text>
          <Text className='muted'>如果你是门店员工，请联系店长在后台添加你的账号。</Text>
        </View>
      </View>
    );
  }
  return (
    <View className='page staff-home'>
      <View className='section staff-home__who'>
        <Text className='staff-home__name'>{staff.name}</Text>
        <Text className='muted'>
          {STAFF_ROLE_NAMES[staff.role]} · {staff.storeName}
        </Text>
      </View>
      <CodeBox />
      <View className='section'>
        <Text className='section-title'>工作</Text>
        {ENTRIES.filter((e) => !e.roles || e.roles.includes(staff.role)).map((e) => (
          <View key={e.page} className='staff-home__row' onClick={() => void Taro.navigateTo({ url: pageUrl(e.page) })} hoverClass='staff-home__row--pressed' role='link'>
            <Text className='staff-home__row-title'>{e.title}</Text>
            <Text className='muted'>{e.note} ›</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** The member's live code: the camera in WeChat, a box to type the 18 digits under the barcode in H5. */
function CodeBox() {
  const [text, setText] = useState('');
  const weapp = process.env.TARO_ENV === 'weapp';

  async function scan() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] });
      const code = memberCodeOf(res.result ?? '');
      if (!code) return toast('这不是会员码，请让顾客打开会员卡出示');
      openMember(code);
    } catch {
      // the clerk closed the scanner: nothing to say
    }
  }

  function submit() {
    const code = memberCodeOf(text);
    if (!code) return toast('请输入会员码下方的 18 位数字');
    setText('');
    openMember(code);
  }

  return (
    <View className='section staff-home__code'>
      <Text className='section-title'>查看顾客</Text>
      {weapp ? (
        <Button className='btn btn-primary' onClick={() => void scan()}>
          扫会员码
        </Button>
      ) : (
        <View className='staff-home__code-box'>
          <Input className='staff-home__code-input' type='number' maxlength={24} placeholder='输入会员码下方 18 位数字' value={text} onInput={(e) => setText(e.detail.value)} onConfirm={submit} />
          <Button className='btn btn-primary staff-home__code-go' onClick={submit}>
            查看
          </Button>
        </View>
      )}
      <Text className='muted staff-home__hint'>请顾客打开「会员卡」出示会员码，约 1 分钟内有效</Text>
    </View>
  );
}
