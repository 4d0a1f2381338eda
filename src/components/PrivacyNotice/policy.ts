/**
 * The privacy notice shown before joining and on the me page. The functions record its version
 * with the member's consent: change the text, bump the version.
 */
export { PRIVACY_POLICY_VERSION as POLICY_VERSION } from '../../../cloudfunctions/contract/formats';

/** The short form a shopper reads before agreeing. */
export const POLICY_SUMMARY: Array<{ title: string; text: string }> = [
  { title: '我们收集什么', text: '微信为本小程序提供的匿名标识、你选择填写的昵称、头像和生日（仅月日），在门店的消费积分记录，以及好友邀请关系。' },
  { title: '用来做什么', text: '识别会员身份、累计积分与等级、发放生日礼和会员权益。不出售、不向第三方提供你的个人信息。' },
  { title: '你的权利', text: '随时修改资料、关闭营销消息、导出或删除你的全部会员数据。店员只能看到打码后的信息。' },
];

/** The full notice, section by section. */
export const POLICY_SECTIONS: Array<{ title: string; paragraphs: string[] }> = [
  {
    title: '一、适用范围',
    paragraphs: ['本政策适用于悦衣库会员计划（“悦衣会员”小程序及门店会员服务）。我们依据《中华人民共和国个人信息保护法》处理你的个人信息。'],
  },
  {
    title: '二、我们收集的信息',
    paragraphs: [
      '1. 入会时：微信为本小程序分配的用户标识（OpenID）、入会门店、同意本政策的时间与版本。',
      '2. 你自愿填写的：昵称、头像、生日（仅月份与日期，不含年份）。不填写不影响入会。',
      '3. 你主动绑定的：手机号（加密保存，仅显示打码后的号码）。',
      '4. 使用会员服务时：会员码的生成与核销记录、消费积分与等级记录。',
      '5. 经好友邀请入会时：你的会员信息里记下邀请人的邀请码；邀请人只看到你打码后的昵称、入会日期和首单、奖励进度，看不到消费金额等其他信息；保留到你或邀请人退出会员为止。分享本身没有奖励。',
    ],
  },
  {
    title: '三、我们如何使用',
    paragraphs: [
      '用于识别会员身份、计算积分与等级、发放生日礼遇与会员权益、为店员结账时核验会员。',
      '营销消息（新品、活动、优惠）仅在你单独同意后发送，你可随时在“我的”中关闭。',
    ],
  },
  {
    title: '四、共享与保存',
    paragraphs: [
      '我们不出售你的个人信息，也不向第三方提供，法律法规另有规定的除外。数据存储于中国境内的微信云开发环境。',
      '店员查询会员时只能看到打码后的信息（如昵称、等级、积分、手机号后四位）。',
      '你退出会员后，我们删除你的个人信息；法律要求保存的交易记录以去标识化方式保存。',
      '为防止新人礼、生日礼等限领一次的权益被重复领取，退出后仅保留由你的微信标识经加密单向计算、无法还原的摘要，以及领取过的券种、次数与生日礼年份，不含任何能识别你的信息。',
    ],
  },
  {
    title: '五、你的权利',
    paragraphs: ['你可以在“我的”页面查看和修改资料、撤回营销授权、查看授权记录、导出你的数据，或退出会员并删除数据。'],
  },
  {
    title: '六、联系我们',
    paragraphs: ['如有疑问，可在门店咨询店员，或发送邮件至 privacy@yueyiku.example。'],
  },
];
