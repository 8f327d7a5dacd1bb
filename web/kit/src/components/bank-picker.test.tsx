import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
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
})
