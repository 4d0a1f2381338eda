import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { AppError, Envelope } from '../../../../cloudfunctions/contract';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { errorText } from '../../../services/errors';
import { shopDateTime } from '../../../services/format';
import { type CampaignPreview, type CampaignResultsView, type CampaignRow, opsCampaignsApi } from '../../../services/opsCampaigns';
import { toast } from '../../../services/toast';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { CampaignForm } from './CampaignForm';
import { CampaignResults } from './CampaignResults';
import { audienceOf, blankForm, type CampaignForm as Form, launchOf } from './form';
import './index.scss';

const NOT_HERE = { FORBIDDEN: '精准营销仅对店长开放', NOT_FOUND: '没有找到这个活动' } as const;
const noCampaign: Envelope<never> = { ok: false, error: { code: 'NOT_FOUND', message: 'no campaign chosen' } };

/**
 * 精准营销 for the store's manager: the store's campaigns with their progress; 新建活动 (audience from
 * the nightly segments, preview, offer, message, control group, caps, now or later); one campaign's
 * results (use, attributed sales, ROI, uplift against the control group) and stop.
 */
export default function OpsCampaignsPage() {
  const list = useRemote(opsCampaignsApi.list, { auto: false });
  const options = useRemote(opsCampaignsApi.options, { auto: false });
  const chosenRef = useRef<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const results = useRemote<CampaignResultsView>(() => (chosenRef.current ? opsCampaignsApi.results(chosenRef.current) : Promise.resolve(noCampaign)), { auto: false });
  const [form, setForm] = useState<Form | null>(null);
  const [preview, setPreview] = useState<CampaignPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [launching, setLaunching] = useState(false);
  const [stopping, setStopping] = useState(false);
  const { readAgain } = useReadOnShow([remoteRead(list)], { onPullDown: () => void (chosenRef.current ? results.refresh() : null) });

  const say = (error: AppError, overrides: Partial<Record<AppError['code'], string>> = NOT_HERE) => toast(errorText(error, overrides));

  function open(campaignId: string) {
    chosenRef.current = campaignId;
    setChosen(campaignId);
    void results.reload();
  }

  function back() {
    chosenRef.current = null;
    setChosen(null);
    setForm(null);
    setPreview(null);
    void list.refresh();
  }

  function startNew() {
    setForm(blankForm(Date.now()));
    setPreview(null);
    void options.reload();
  }

  function change(next: Form) {
    // a preview of another audience would mislead: it goes when the audience or the control share changes
    if (form && (JSON.stringify(audienceOf(next)) !== JSON.stringify(audienceOf(form)) || next.controlPercent !== form.controlPercent)) setPreview(null);
    setForm(next);
  }

  async function runPreview() {
    if (!form) return;
    setPreviewing(true);
    const answer = await opsCampaignsApi.preview(audienceOf(form), form.controlPercent);
    setPreviewing(false);
    if (!answer.ok) return say(answer.error);
    setPreview(answer.data);
  }

  async function launch() {
    if (!form) return;
    const made = launchOf(form, Date.now());
    if ('problem' in made) return toast(made.problem);
    const size = preview ? `约 ${preview.members - preview.expectedControl} 位会员` : '所选人群';
    const confirm = await Taro.showModal({ title: form.startNow ? '发起活动' : '定时发起', content: `将向${size}发放优惠券，每人一张，发出后不能收回。确定吗？`, confirmText: '确定' });
    if (!confirm.confirm) return;
    setLaunching(true);
    const answer = await opsCampaignsApi.launch(made.launch);
    setLaunching(false);
    if (!answer.ok) return say(answer.error, { ...NOT_HERE, INVALID_INPUT: '活动信息有误：请检查优惠券、预算与开始时间' });
    toast(form.startNow ? '活动已发起，正在发券' : '活动已定时', 'success');
    setForm(null);
    setPreview(null);
    open(answer.data.campaign.campaignId);
  }

  async function stop() {
    if (!chosen) return;
    const confirm = await Taro.showModal({ title: '停止活动', content: '停止后不再发券，已发出的券仍可使用。确定停止吗？', confirmText: '停止' });
    if (!confirm.confirm) return;
    setStopping(true);
    const answer = await opsCampaignsApi.stop(chosen);
    setStopping(false);
    if (!answer.ok) return say(answer.error, { ...NOT_HERE, CONFLICT: '活动已经结束' });
    toast('活动已停止');
    void results.refresh();
  }

  if (form) {
    const o = options.state;
    return (
      <View className='page ops-campaigns'>
        {o.status === 'error' ? (
          <View>
            <ErrorState error={o.error} onRetry={() => void options.reload()} />
            <Button className='btn btn-ghost camp-back' onClick={back}>
              返回活动列表
            </Button>
          </View>
        ) : o.status !== 'ready' ? (
          <LoadingBlock height={520} label='正在加载可选人群与优惠券' />
        ) : (
          <CampaignForm form={form} options={o.data} preview={preview} previewing={previewing} launching={launching} onChange={change} onPreview={() => void runPreview()} onSubmit={() => void launch()} onCancel={back} />
        )}
      </View>
    );
  }

  if (chosen) {
    const r = results.state;
    return (
      <View className='page ops-campaigns'>
        {r.status === 'error' ? (
          <View>
            <ErrorState error={r.error} onRetry={() => void results.reload()} />
            <Button className='btn btn-ghost camp-back' onClick={back}>
              返回活动列表
            </Button>
          </View>
        ) : r.status !== 'ready' ? (
          <LoadingBlock height={520} label='正在统计活动效果' />
        ) : (
          <CampaignResults view={r.data} stopping={stopping} onStop={() => void stop()} onBack={back} />
        )}
      </View>
    );
  }

  const state = list.state;
  if (state.status === 'error') {
    return (
      <View className='page ops-campaigns'>
        <ErrorState error={state.error} onRetry={() => void readAgain()} />
        {state.error.code in NOT_HERE ? <Text className='camp-why'>{errorText(state.error, NOT_HERE)}</Text> : null}
      </View>
    );
  }
  if (state.status !== 'ready') {
    return (
      <View className='page ops-campaigns'>
        <LoadingBlock height={360} label='正在加载本店营销活动' />
      </View>
    );
  }
  return (
    <View className='page ops-campaigns'>
      <Button className='btn btn-primary camp-new' onClick={startNew}>
        新建营销活动
      </Button>
      <View className='section'>
        <Text className='section-title'>本店营销活动</Text>
        {state.data.campaigns.length === 0 ? <Text className='muted camp-none'>还没有活动：圈选会员分群，发一张券，看看带来多少回头客</Text> : null}
        {state.data.campaigns.map((c: CampaignRow) => (
          <View key={c.campaignId} className='camp-row' onClick={() => open(c.campaignId)} hoverClass='camp-row--pressed' role='link'>
            <View className='camp-row__head'>
              <Text className='camp-row__name'>{c.name}</Text>
              <Text className={`camp-status camp-status--${c.status}`}>{c.statusText}</Text>
            </View>
            <Text className='muted'>{`${c.templateName} · ${c.audienceText}`}</Text>
            <Text className='camp-row__counts'>{`已发 ${c.issued} · 对照 ${c.control} · ${shopDateTime(c.startAt)} 开始 ›`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
