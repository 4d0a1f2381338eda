import { fireEvent } from '@testing-library/react';

/**
 * Taro's components as jsdom sees them: `<taro-input-core>`, `<taro-picker-core>`… with their
 * props set as element properties by Taro's React wrapper. These helpers do what a shopper's
 * finger would make the real component do.
 */

/** Fires the event a Taro component emits, with its `detail` (e.g. `input` → `{ value }`). */
export function emit(el: Element | null, type: string, detail: unknown = {}): void {
  if (!el) throw new Error(`nothing to fire "${type}" on`);
  fireEvent(el, new CustomEvent(type, { detail, bubbles: true }));
}

/** A prop as the wrapper handed it to the component (arrays and objects are properties, not attributes). */
export function prop<T = unknown>(el: Element | null, name: string): T {
  if (!el) throw new Error(`no element to read "${name}" from`);
  return (el as unknown as Record<string, T>)[name] as T;
}

/** Types into a Taro `<Input>`: it emits `input` with the whole new value. */
export function typeInto(input: Element | null, value: string): void {
  emit(input, 'input', { value, cursor: value.length, keyCode: 0 });
}

/** The first element matching `selector` whose text contains `text`. */
export function withText(root: ParentNode, selector: string, text: string): HTMLElement {
  const found = Array.from(root.querySelectorAll<HTMLElement>(selector)).find((el) => el.textContent?.includes(text));
  if (!found) throw new Error(`no ${selector} saying "${text}"`);
  return found;
}
