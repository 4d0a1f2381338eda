import Taro from '@tarojs/taro';

/** A short message over the page (the platform's toast): a read that failed, a claim that went through. */
export function showToast(title: string, icon: 'success' | 'none' = 'none'): void {
  void Taro.showToast({ title, icon });
}
