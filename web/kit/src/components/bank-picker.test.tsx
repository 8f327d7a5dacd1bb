import { fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeBff, json, renderWithKit } from '../../test/fake-bff'
import { BankPicker } from './bank-picker'

const banks = [
  {
    id: '1ffe704d39629a929c8e293880fb449a',
    name: 'Moneyhub Open Banking Mock',
    type: 'test',
    status: 'available',
    payments: true,
  },
  {
    id: '2ffe704d39629a929c8e293880fb449a',
    name: 'Barclays',
    type: 'api',
    status: 'available',
    payments: true,
  },
  {
    id: '3ffe704d39629a929c8e293880fb449a',
    name: 'Monzo',
    type: 'api',
    status: 'unavailable',
    payments: false,
  },
]

const RECENT_KEY = 'mhkit:recent-banks'

afterEach(() => {
  localStorage.clear()
})

describe('BankPicker', () => {
  it('filters banks as the person types and announces the count', async () => {
    const bff = fakeBff({ 'GET /api/banks': () => json({ data: banks }) })
    renderWithKit(<BankPicker />, bff)
    const group = await screen.findByRole('group', { name: 'Choose your bank' })
    expect(within(group).getAllByRole('radio')).toHaveLength(3)
    expect(bff.calls[0]?.query.get('kind')).toBe('ais')

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search banks' }), 'mon')
    expect(within(group).getAllByRole('radio')).toHaveLength(2)
    expect(screen.getByText('2 banks')).toHaveAttribute('role', 'status')

    await userEvent.type(screen.getByRole('searchbox'), 'xyz')
    expect(screen.getByRole('status')).toHaveTextContent('No banks match “monxyz”')
  })

  it('is usable from the keyboard and reports the chosen bank', async () => {
    const bff = fakeBff({ 'GET /api/banks': () => json({ data: banks }) })
    const onChange = vi.fn()
    renderWithKit(<BankPicker onChange={onChange} />, bff)
    await screen.findByRole('group')
    await userEvent.tab() // search box
    await userEvent.tab() // first radio
    expect(screen.getByRole('radio', { name: 'Moneyhub Open Banking Mock' })).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}')
    expect(screen.getByRole('radio', { name: 'Barclays' })).toBeChecked()
    expect(onChange).toHaveBeenLastCalledWith(banks[1])
  })

  it('shows an unavailable bank but does not let it be chosen', async () => {
    const bff = fakeBff({ 'GET /api/banks': () => json({ data: banks }) })
    renderWithKit(<BankPicker />, bff)
    expect(await screen.findByRole('radio', { name: /Monzo/ })).toBeDisabled()
  })

  it('says why an unavailable bank cannot be chosen', async () => {
    const bff = fakeBff({ 'GET /api/banks': () => json({ data: banks }) })
    renderWithKit(<BankPicker />, bff)
    expect(
      await screen.findByRole('radio', { name: /^Monzo\s*Unavailable right now$/ }),
    ).toBeDisabled()
  })

  it('shows each bank’s logo, and its initial when the logo is missing or fails to load', async () => {
    const withIcons = [
      { ...banks[0], iconUrl: `/api/banks/${banks[0]?.id ?? ''}/icon` },
      ...banks.slice(1),
    ]
    const bff = fakeBff({ 'GET /api/banks': () => json({ data: withIcons }) })
    const { container } = renderWithKit(<BankPicker />, bff)
    await screen.findByRole('group', { name: 'Choose your bank' })
    const img = container.querySelector('img.mhkit-bank__icon')
    expect(img).toHaveAttribute('src', `/api/banks/${banks[0]?.id ?? ''}/icon`)
    expect(img).toHaveAttribute('alt', '')
    // Barclays has no logo: its initial stands in, hidden from screen readers.
    const letters = [...container.querySelectorAll('.mhkit-bank__icon--letter')]
    expect(letters.map((l) => l.textContent)).toEqual(['B', 'M'])
    expect(letters[0]).toHaveAttribute('aria-hidden', 'true')

    if (img) fireEvent.error(img)
    expect(container.querySelector('img')).toBeNull()
    expect(
      [...container.querySelectorAll('.mhkit-bank__icon--letter')].map((l) => l.textContent),
    ).toEqual(['M', 'B', 'M'])
  })

  it('lists the banks picked before first, under "Your recent banks", after a reload', async () => {
    const bff = fakeBff({ 'GET /api/banks': () => json({ data: banks }) })
    const first = renderWithKit(<BankPicker />, bff)
    await userEvent.click(await screen.findByRole('radio', { name: 'Barclays' }))
    expect(JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]')).toEqual([banks[1]?.id])
    first.unmount()

    renderWithKit(<BankPicker />, bff)
    const recent = await screen.findByRole('group', { name: 'Your recent banks' })
    expect(
      within(recent)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual([banks[1]?.id])
    // Listed once: the rest of the banks leave it out.
    const rest = screen.getByRole('group', { name: 'All banks' })
    expect(within(rest).queryByRole('radio', { name: 'Barclays' })).toBeNull()
    // Still one radio group with one tab stop.
    const names = screen.getAllByRole('radio').map((r) => r.getAttribute('name'))
    expect(new Set(names).size).toBe(1)
  })

  it('keeps at most three recent banks, newest first, and ignores anything else stored', async () => {
    localStorage.setItem(
      RECENT_KEY,
      JSON.stringify(['<script>', banks[2]?.id, banks[0]?.id, 'f'.repeat(32), 'e'.repeat(32)]),
    )
    const bff = fakeBff({ 'GET /api/banks': () => json({ data: banks }) })
    renderWithKit(<BankPicker />, bff)
    const recent = await screen.findByRole('group', { name: 'Your recent banks' })
    // Unknown ids (banks no longer listed) are skipped; the cap applies to what was stored.
    expect(
      within(recent)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual([banks[2]?.id, banks[0]?.id])
    await userEvent.click(screen.getByRole('radio', { name: 'Barclays' }))
    expect(JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]')).toEqual([
      banks[1]?.id,
      banks[2]?.id,
      banks[0]?.id,
    ])
  })

  it('neither shows nor stores recent banks with recent={false}', async () => {
    localStorage.setItem(RECENT_KEY, JSON.stringify([banks[1]?.id]))
    const bff = fakeBff({ 'GET /api/banks': () => json({ data: banks }) })
    renderWithKit(<BankPicker recent={false} />, bff)
    await userEvent.click(await screen.findByRole('radio', { name: 'Moneyhub Open Banking Mock' }))
    expect(screen.queryByRole('group', { name: 'Your recent banks' })).toBeNull()
    expect(JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]')).toEqual([banks[1]?.id])
  })

  it('shows one flat list of matches while searching', async () => {
    localStorage.setItem(RECENT_KEY, JSON.stringify([banks[1]?.id]))
    const bff = fakeBff({ 'GET /api/banks': () => json({ data: banks }) })
    renderWithKit(<BankPicker />, bff)
    await screen.findByRole('group', { name: 'Your recent banks' })
    await userEvent.type(screen.getByRole('searchbox'), 'bar')
    expect(screen.queryByRole('group', { name: 'Your recent banks' })).toBeNull()
    expect(screen.getAllByRole('radio')).toHaveLength(1)
  })
})
