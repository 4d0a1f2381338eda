import { Input, Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../components/ChoiceChips';
import type { BookingOptions } from '../../../services/booking';

export interface BookingRequest {
  scene: string;
  budgetYuan: string;
  pieces: string[];
  note: string;
}

export interface RequestFormProps {
  options: BookingOptions;
  value: BookingRequest;
  onChange: (next: BookingRequest) => void;
}

/** 想解决什么: a scene, a budget, pieces from the wardrobe to pair (up to 6), a short note. */
export function RequestForm({ options, value, onChange }: RequestFormProps) {
  const togglePiece = (id: string) =>
    onChange({ ...value, pieces: value.pieces.includes(id) ? value.pieces.filter((p) => p !== id) : value.pieces.length < 6 ? [...value.pieces, id] : value.pieces });
  return (
    <View className='section booking-request'>
      <View className='section-title'>想解决什么</View>
      <ChoiceChips label='场景' options={options.scenes.map((s) => ({ value: s, label: s }))} selected={[value.scene]} onToggle={(scene) => onChange({ ...value, scene })} />
      <View className='form-row'>
        <Text className='form-row__label'>预算（元，可不填）</Text>
        <Input className='form-row__input' type='number' value={value.budgetYuan} placeholder='例如 1500' onInput={(e) => onChange({ ...value, budgetYuan: e.detail.value })} />
      </View>
      {options.pieces.length > 0 ? (
        <>
          <Text className='form-row__label'>想搭配的衣橱单品（最多 6 件）</Text>
          <ChoiceChips multiple label='衣橱单品' options={options.pieces.map((p) => ({ value: p.pieceId, label: p.name }))} selected={value.pieces} onToggle={togglePiece} />
        </>
      ) : (
        <Text className='muted'>衣橱里还没有单品，造型师会按你的风格报告准备</Text>
      )}
      <View className='form-row'>
        <Text className='form-row__label'>想对造型师说（可不填）</Text>
        <Input className='form-row__input' maxlength={200} value={value.note} placeholder='例如：想要显瘦一点' onInput={(e) => onChange({ ...value, note: e.detail.value })} />
      </View>
    </View>
  );
}
