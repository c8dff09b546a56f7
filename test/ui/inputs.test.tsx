import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RangeSlider } from '../../src/ui/range-slider.tsx';
import { TypedInput } from '../../src/ui/typed-input.tsx';

/** A slider whose owner keeps positions only up to `max` (a clamp), as a store would. */
function Owner({ max = 10, onTaken }: { readonly max?: number; readonly onTaken?: (p: number) => void }) {
  const [position, setPosition] = useState(4);
  return (
    <RangeSlider
      label="Size"
      steps={20}
      shown={{ position: position, valueText: `${position} units` }}
      onPosition={(p) => {
        const taken = Math.min(max, p);
        onTaken?.(taken);
        setPosition(taken);
      }}
    />
  );
}

describe('RangeSlider', () => {
  it('shows its position and text, and follows a new position', () => {
    const { rerender } = render(<RangeSlider label="Size" steps={20} shown={{ position: 4, valueText: '4 units' }} onPosition={() => {}} />);
    const slider = screen.getByRole('slider', { name: 'Size' });
    expect(slider).toHaveValue('4');
    expect(slider).toHaveAttribute('aria-valuetext', '4 units');
    rerender(<RangeSlider label="Size" steps={20} shown={{ position: 7.4, valueText: '7 units' }} onPosition={() => {}} />);
    expect(slider).toHaveValue('7');
    expect(slider).toHaveAttribute('aria-valuetext', '7 units');
    expect(screen.getByText('7 units')).toBeInTheDocument();
  });

  it('gives a moved position to its owner, and shows what the owner took', async () => {
    const taken = vi.fn<(p: number) => void>();
    render(<Owner onTaken={taken} />);
    const slider = screen.getByRole('slider', { name: 'Size' });
    fireEvent.change(slider, { target: { value: '6' } });
    await act(async () => {});
    expect(taken).toHaveBeenLastCalledWith(6);
    expect(slider).toHaveValue('6');
    expect(slider).toHaveAttribute('aria-valuetext', '6 units');
  });

  it('puts back a position its owner refuses, as a controlled input would', async () => {
    render(<Owner max={10} />);
    const slider = screen.getByRole('slider', { name: 'Size' });
    fireEvent.change(slider, { target: { value: '10' } });
    await act(async () => {});
    // 15 is clamped to 10, which the owner already holds: no new render, and still the thumb goes back.
    fireEvent.change(slider, { target: { value: '15' } });
    await act(async () => {});
    expect(slider).toHaveValue('10');
    expect(slider).toHaveAttribute('aria-valuetext', '10 units');
  });
});

/** A promise and what settles it: an answer that comes when the test says. */
function later<T>(): { readonly promise: Promise<T>; readonly resolve: (value: T) => void } {
  let resolve: ((value: T) => void) | undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve: (value) => resolve?.(value) };
}

/** A box whose owner answers a commit later (as one that loads its parser does), moving the value to 100T. */
function LaterOwner() {
  const [value, setValue] = useState('16T');
  const commit = async (text: string): Promise<string | null> => {
    await Promise.resolve();
    setValue('100T');
    return `${text} is above the largest; showing 100T.`;
  };
  return <TypedInput label="Market size" value={value} onCommit={commit} />;
}

describe('TypedInput', () => {
  it('keeps what is typed until Enter, then gives it to its owner', () => {
    const commit = vi.fn<(text: string) => string | null>(() => null);
    render(<TypedInput label="Market size" value="16T" onCommit={commit} />);
    const box = screen.getByRole('textbox', { name: 'Market size' });
    expect(box).toHaveValue('16T');
    fireEvent.change(box, { target: { value: '23T' } });
    expect(box).toHaveValue('23T');
    expect(commit).not.toHaveBeenCalled();
    fireEvent.submit(box);
    expect(commit).toHaveBeenCalledWith('23T');
  });

  it('says what it could not read, and a new value from elsewhere replaces the text and the error', () => {
    const { rerender } = render(<TypedInput label="Market size" value="16T" onCommit={() => 'Not a market size.'} />);
    const box = screen.getByRole('textbox', { name: 'Market size' });
    fireEvent.change(box, { target: { value: 'lots' } });
    fireEvent.blur(box);
    expect(screen.getByRole('alert')).toHaveTextContent('Not a market size.');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    rerender(<TypedInput label="Market size" value="23T" onCommit={() => 'Not a market size.'} />);
    expect(box).toHaveValue('23T');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(box).toHaveAttribute('aria-invalid', 'false');
  });

  it('does not commit the value it already shows', () => {
    const commit = vi.fn<(text: string) => string | null>(() => null);
    render(<TypedInput label="Share" value="0.5%" onCommit={commit} />);
    const box = screen.getByRole('textbox', { name: 'Share' });
    fireEvent.change(box, { target: { value: ' 0.5% ' } });
    fireEvent.blur(box);
    expect(commit).not.toHaveBeenCalled();
  });

  it('uses the latest owner callback after a re-render', () => {
    const first = vi.fn<(text: string) => string | null>(() => null);
    const second = vi.fn<(text: string) => string | null>(() => null);
    const { rerender } = render(<TypedInput label="Share" value="0.5%" onCommit={first} />);
    rerender(<TypedInput label="Share" value="0.5%" onCommit={second} />);
    const box = screen.getByRole('textbox', { name: 'Share' });
    fireEvent.change(box, { target: { value: '1%' } });
    fireEvent.blur(box);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('1%');
  });

  it('keeps the typed text while an answer is on its way, then says what it could not read', async () => {
    const answer = later<string | null>();
    const commit = vi.fn<(text: string) => Promise<string | null>>(() => answer.promise);
    render(<TypedInput label="Market size" value="16T" onCommit={commit} />);
    const box = screen.getByRole('textbox', { name: 'Market size' });
    fireEvent.change(box, { target: { value: 'lots' } });
    fireEvent.submit(box);
    expect(commit).toHaveBeenCalledWith('lots');
    expect(box).toHaveValue('lots');
    expect(screen.queryByRole('alert')).toBeNull();
    await act(async () => answer.resolve('Not a market size.'));
    expect(screen.getByRole('alert')).toHaveTextContent('Not a market size.');
    expect(box).toHaveValue('lots');
    expect(box).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the value a later answer moved into range, with the message about it', async () => {
    render(<LaterOwner />);
    const box = screen.getByRole('textbox', { name: 'Market size' });
    fireEvent.change(box, { target: { value: '999T' } });
    fireEvent.submit(box);
    expect(await screen.findByRole('alert')).toHaveTextContent('999T is above the largest; showing 100T.');
    expect(box).toHaveValue('100T');
  });
});
