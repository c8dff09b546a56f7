import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useScenarioStore } from '../../src/state/scenario-store.ts';
import { renderApp } from '../app/render-app.tsx';

beforeEach(() => {
  useScenarioStore.setState(useScenarioStore.getInitialState(), true);
});

async function openCardano(search: string) {
  renderApp(`/token/cardano${search}`);
  await screen.findByRole('heading', { level: 1, name: 'Cardano (ADA)' });
  return screen.findByRole('table', { name: 'Scenario bands' });
}

/** Types `text` into the box named `name` over what it held, and presses Enter; returns the box. */
async function typeInto(name: string, text: string): Promise<HTMLElement> {
  const user = userEvent.setup();
  const box = screen.getByRole('textbox', { name });
  await user.clear(box);
  await user.type(box, `${text}{Enter}`);
  return box;
}

const sliderText = (name: string) => screen.getByRole('slider', { name }).getAttribute('aria-valuetext');
const baseCell16T = (table: HTMLElement) => within(within(table).getByRole('row', { name: /^16T/ })).getAllByRole('cell')[1]?.textContent;

describe('typed captures', () => {
  it('takes a capture typed into its box: the slider, the table and the link follow, and the order is kept', async () => {
    const table = await openCardano('?bear=0.5&base=0.75&moon=1');
    const before = baseCell16T(table);
    expect(screen.getByRole('textbox', { name: 'Base' })).toHaveValue('0.75');
    await typeInto('Base', '1.2');
    expect(sliderText('Base capture')).toBe('1.2');
    // Moon was 1: it moves up with base, as the slider does, and its box shows it.
    expect(sliderText('Moon capture')).toBe('1.2');
    expect(screen.getByRole('textbox', { name: 'Moon' })).toHaveValue('1.2');
    expect(await screen.findByRole('alert')).toHaveTextContent('Moon moved to 1.2 to keep bear ≤ base ≤ moon.');
    expect(sliderText('Bear capture')).toBe('0.5');
    await waitFor(() => expect(baseCell16T(table)).not.toBe(before));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('base')).toBe('1.2'));
  });

  it('says what it cannot read, naming the range, and keeps the text and the capture', async () => {
    await openCardano('?bear=0.5&base=0.75&moon=1');
    const box = await typeInto('Bear', 'high');
    expect(await screen.findByRole('alert')).toHaveTextContent('"high" is not a capture such as 0.75 (from 0 to 3).');
    expect(box).toHaveValue('high');
    expect(sliderText('Bear capture')).toBe('0.5');
  });

  it('moves a capture above the range to the top of it, and says so', async () => {
    await openCardano('?bear=0.5&base=0.75&moon=1');
    const box = await typeInto('Moon', '7');
    expect(sliderText('Moon capture')).toBe('3');
    expect(box).toHaveValue('3');
    expect(await screen.findByRole('alert')).toHaveTextContent('7 is above the largest capture the model takes (3); showing 3.');
  });

  it('names every case a typed capture moved, and adds it to a note on the range', async () => {
    await openCardano('?bear=0.5&base=0.75&moon=1');
    await typeInto('Bear', '9');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '9 is above the largest capture the model takes (3); showing 3. Base and moon moved to 3 to keep bear ≤ base ≤ moon.',
    );
    expect([sliderText('Bear capture'), sliderText('Base capture'), sliderText('Moon capture')]).toEqual(['3', '3', '3']);
  });

  it('shows a typed capture to the 4 decimals the model keeps, not fewer', async () => {
    await openCardano('?bear=0.5&base=0.75&moon=1');
    const box = await typeInto('Bear', '0.4321');
    expect(sliderText('Bear capture')).toBe('0.4321');
    expect(box).toHaveValue('0.4321');
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('bear')).toBe('0.4321'));
  });

  it('leaves the arrow keys to the caret while typing', async () => {
    const user = userEvent.setup();
    await openCardano('?bear=0.5&base=0.75&moon=1');
    const box = screen.getByRole('textbox', { name: 'Base' });
    await user.click(box);
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowRight}');
    expect(sliderText('Base capture')).toBe('0.75');
    // The slider itself still steps by 0.05.
    await user.click(screen.getByRole('slider', { name: 'Base capture' }));
    await user.keyboard('{ArrowRight}');
    expect(sliderText('Base capture')).toBe('0.8');
  });
});
