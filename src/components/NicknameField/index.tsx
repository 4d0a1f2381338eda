import { Input, Text, View } from '@tarojs/components';
import { nicknameProblem } from '../../../cloudfunctions/contract/rules';

/** What a shopper reads when a nickname cannot go on the card (the functions apply the same rule). */
export const NICKNAME_PROBLEM_TEXT = '昵称不能超过20个字，也不能只有空格或特殊符号';

/** The nickname as it will be stored: NFC, trimmed. */
export function cleanNickname(typed: string): string {
  return typed.normalize('NFC').trim();
}

/** True when the typed nickname is empty or one the card can show. */
export function nicknameIsUsable(typed: string): boolean {
  const clean = cleanNickname(typed);
  return clean === '' || nicknameProblem(clean) === null;
}

/** A form row for the nickname: WeChat's nickname keyboard in the mini program, a text box in H5. */
export function NicknameField({ value, onChange }: { value: string; onChange: (typed: string) => void }) {
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
      {!nicknameIsUsable(value) && <Text className='form-row__problem'>{NICKNAME_PROBLEM_TEXT}</Text>}
    </>
  );
}
