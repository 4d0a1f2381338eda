/**
 * The H5 build's toast (see toast.ts): Taro's H5 toast comes with its modal and action sheet, ≈ 36 KB
 * (and a second copy of tslib) the card's first script would otherwise carry for a message it
 * rarely shows; here it is fetched the first time one is shown.
 */
export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  void import('./showToast').then((m) => m.showToast(title, icon));
}
