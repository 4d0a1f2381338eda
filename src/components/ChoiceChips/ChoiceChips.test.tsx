import { fireEvent, render } from '@testing-library/react';
import { ChoiceChips } from './index';

const SIZES = ['S', 'M', 'L'].map((s) => ({ value: s, label: s }));

describe('choice chips', () => {
  it('a single choice reads as radio buttons, the chosen one checked', () => {
    const { container } = render(<ChoiceChips label='上装尺码' options={SIZES} selected={['M']} onToggle={() => undefined} />);
    expect(container.querySelector('[role="radiogroup"]')?.getAttribute('aria-label')).toBe('上装尺码');
    expect(Array.from(container.querySelectorAll('[role="radio"]'), (c) => [c.textContent, c.getAttribute('aria-checked')])).toEqual([
      ['S', 'false'],
      ['M', 'true'],
      ['L', 'false'],
    ]);
    expect(container.querySelector('.choice-chip--on')?.textContent).toBe('M');
  });

  it('a multiple choice reads as checkboxes; a tap hands its value over', () => {
    const toggled: string[] = [];
    const { container } = render(<ChoiceChips multiple label='常穿场景' options={SIZES} selected={['S', 'L']} onToggle={(v) => toggled.push(v)} />);
    expect(container.querySelectorAll('[role="checkbox"][aria-checked="true"]')).toHaveLength(2);
    fireEvent.click(container.querySelectorAll('[role="checkbox"]')[1]!);
    expect(toggled).toEqual(['M']);
  });
});
