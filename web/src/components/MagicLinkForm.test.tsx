import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter } from 'react-router';
import { createCache } from '../apollo';
import { MagicLinkForm } from './MagicLinkForm';

function renderForm() {
  return render(
    <MockedProvider mocks={[]} cache={createCache()}>
      <MemoryRouter>
        <MagicLinkForm next="/my-bookings" linkFailed={false} />
      </MemoryRouter>
    </MockedProvider>,
  );
}

afterEach(() => vi.restoreAllMocks());

describe('MagicLinkForm', () => {
  it('announces "Check your inbox" in a live region that was there all along, with the development mailbox when it is on', async () => {
    const user = userEvent.setup();
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) =>
      String(input).startsWith('/dev/mailbox') ? new Response('{"emails":[]}', { status: 200 }) : new Response('{"status":true}', { status: 200 }),
    );
    renderForm();
    const live = screen.getByRole('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    await user.type(screen.getByLabelText('Email'), 'fan@example.com');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    expect(await within(live).findByText('Check your inbox.')).toBeTruthy();
    const mailbox = await within(live).findByRole('link', { name: 'open the development mailbox' });
    expect(mailbox.getAttribute('href')).toBe('/mailbox?to=fan%40example.com');
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/auth/sign-in/magic-link');
  });

  it('ties an invalid email’s error to the field and sends nothing', async () => {
    const user = userEvent.setup();
    const fetch = vi.spyOn(globalThis, 'fetch');
    renderForm();
    await user.type(screen.getByLabelText('Email'), 'fan@');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    const field = screen.getByLabelText('Email');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Enter your email address, like name@example.com.');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says so when the box office cannot be reached', async () => {
    const user = userEvent.setup();
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    renderForm();
    await user.type(screen.getByLabelText('Email'), 'fan@example.com');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not reach the box office/);
  });
});
