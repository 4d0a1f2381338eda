import { Input, Text, View } from '@tarojs/components';
import { nicknameFault, type NicknameFault } from '../../../cloudfunctions/contract/nickname';

/** What a shopper reads when a nickname cannot go on the card, by the reason the functions' own rule gives. */
export const NICKNAME_FAULT_TEXT: Record<NicknameFault, string> = {
  empty: '昵称不能只有空格或看不见的字符',
  unshowable: '昵称里有看不见的控制字符，请删掉后再试',
  stackedMarks: '昵称里有字符叠了太多符号，看不清楚，请改用普通文字',
  costumed: '昵称里有花体、连体或带圈的特殊字母数字，请改用普通文字',
  tooLong: '昵称不能超过20个字',
};

/** The nickname as it will be stored: NFC, trimmed. */
export function cleanNickname(typed: string): string {
  return typed.normalize('NFC').trim();
}

/** Why the typed nickname cannot go on the card, in plain words; null when it can (or is left empty). */
export function nicknameProblemText(typed: string): string | null {
  const clean = cleanNickname(typed);
  const fault = clean === '' ? null : nicknameFault(clean);
  return fault ? NICKNAME_FAULT_TEXT[fault] : null;
}

/** A form row for the nickname: WeChat's nickname keyboard in the mini program, a text box in H5. */
export function NicknameField({ value, onChange }: { value: string; onChange: (typed: string) => void }) {
  const problem = nicknameProblemText(value);
  return (
    <>
      <View className='form-row'>
        <Text className='form-row__label'>昵称</Text>
        <Input
          className='form-row__input'
          type={process.env.TARO_ENV === 'weapp' ? 'nickname' : 'text'}
          placeholder='怎么称呼你'
          value={value}
          // no maxlength: it counts UTF-16 units and would cut an emoji in half; the rule counts what a person sees
          maxlength={-1}
          onInput={(e) => onChange(e.detail.value)}
          // WeChat's nickname keyboard fills the box without an input event
          onBlur={(e) => onChange(e.detail.value)}
        />
      </View>
      {problem && <Text className='form-row__problem'>{problem}</Text>}
    </>
  );
}
