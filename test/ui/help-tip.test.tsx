import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HelpTip } from '../../src/ui/help-tip.tsx';

const TEXT = 'Multiple: the scenario price divided by today’s price.';

function setup() {
  render(
    <div>
      <button type="button">Multiple</button>
      <HelpTip text={TEXT} />
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
    expect(screen.getByRole('tooltip')).toHaveTextContent(TEXT);
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
    expect(screen.getByRole('tooltip')).toHaveTextContent(TEXT);
    await user.unhover(button);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});
