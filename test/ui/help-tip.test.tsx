import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HelpTip } from '../../src/ui/help-tip.tsx';

const TEXT = 'Multiple: the scenario price divided by today’s price (3x is three times today’s price).';

function setup() {
  render(
    <div>
      <button type="button">Multiple</button>
      <HelpTip term="multiple" />
      <button type="button">After</button>
    </div>,
  );
  return screen.getByRole('button', { name: 'Explain' });
}

describe('HelpTip', () => {
  it('is closed at first, adds no text to its header, and never takes the term as its name', () => {
    setup();
    expect(screen.queryByRole('tooltip')).toBeNull();
    expect(screen.getByRole('button', { name: 'Multiple' })).toBeInTheDocument();
    expect(document.body.textContent).toBe('MultipleAfter');
  });

  it('opens on keyboard focus, closes on Escape and when focus leaves', async () => {
    const user = userEvent.setup();
    const button = setup();
    await user.tab();
    await user.tab();
    expect(button).toHaveFocus();
    // The first tip to open loads the glossary; its text shows as soon as that is in.
    expect(await screen.findByRole('tooltip')).toHaveTextContent(TEXT);
    expect(button).toHaveAccessibleDescription(TEXT);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).toBeNull();
    await user.click(button);
    expect(screen.getByRole('tooltip')).toBeVisible();
    await user.tab();
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('opens on hover and closes when the pointer leaves', async () => {
    const user = userEvent.setup();
    const button = setup();
    await user.hover(button);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(TEXT);
    await user.unhover(button);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('explains several terms one after another', async () => {
    const user = userEvent.setup();
    render(<HelpTip term={['cases', 'totalMarket']} />);
    await user.click(screen.getByRole('button', { name: 'Explain' }));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      /^Bear, base, moon: three captures per token, .* base is the middle estimate\. Total market: the value of all crypto tokens together/,
    );
  });
});
