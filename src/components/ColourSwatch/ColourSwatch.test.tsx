import { fireEvent, render } from '@testing-library/react';
import { ColourSwatch, luminance } from './index';

describe('a colour swatch', () => {
  it('paints its colour with its name under it', () => {
    const { container } = render(<ColourSwatch hex='#a8693a' label='焦糖' />);
    expect((container.querySelector('.colour-swatch__dot') as HTMLElement).style.backgroundColor).toBe('rgb(168, 105, 58)');
    expect(container.textContent).toBe('焦糖');
    // not tappable: no role
    expect(container.querySelector('[role]')).toBeNull();
  });

  it('outlines a pale colour so white shows on a white card', () => {
    const { container } = render(
      <>
        <ColourSwatch hex='#ffffff' label='纯白' />
        <ColourSwatch hex='#000000' label='纯黑' />
      </>,
    );
    const dots = container.querySelectorAll('.colour-swatch__dot');
    expect(dots[0]!.classList.contains('colour-swatch__dot--pale')).toBe(true);
    expect(dots[1]!.classList.contains('colour-swatch__dot--pale')).toBe(false);
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('#000000')).toBe(0);
  });

  it('as one of a single choice it is a radio; a tap reaches the page', () => {
    let taps = 0;
    const { container } = render(<ColourSwatch hex='#5b6bb5' label='偏蓝紫' size='large' kind='radio' selected onTap={() => (taps += 1)} />);
    const swatch = container.querySelector('[role="radio"]')!;
    expect(swatch.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(swatch);
    expect(taps).toBe(1);
  });

  it('marks a side of a two-sided choice, and strikes a colour to be careful with', () => {
    const { container } = render(
      <>
        <ColourSwatch hex='#c19a6b' label='驼色' mark='liked' onTap={() => undefined} ariaLabel='驼色，喜欢' />
        <ColourSwatch hex='#d6246e' label='玫红' struck />
      </>,
    );
    expect(container.querySelector('[role="button"]')?.getAttribute('aria-label')).toBe('驼色，喜欢');
    expect(container.querySelector('.colour-swatch--liked .colour-swatch__mark')?.textContent).toBe('♥');
    expect(container.querySelectorAll('.colour-swatch__strike')).toHaveLength(1);
  });
});
