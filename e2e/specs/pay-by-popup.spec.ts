import { expect, test } from '../fixtures'
import { MOCK_BANK } from '../support/journeys'
import { ACME, paymentStatusText, submitPayment } from '../support/payment-journeys'

test('a payment in a popup approves in the window and opens its status page in the app tab', async ({
  page,
  bank,
}) => {
  const popupOpened = page.waitForEvent('popup')
  await submitPayment(page, { amount: '7.50', payee: ACME, mode: 'popup' })
  const popup = await popupOpened
  await expect(
    page.getByRole('status').filter({ hasText: 'Approve the payment in the popup window' }),
  ).toBeVisible()

  const inPopup = bank.in(popup)
  await inPopup.choose(MOCK_BANK)
  // The callback page in the popup hands over to the opener and closes itself.
  const popupClosed = popup.waitForEvent('close')
  await inPopup.approve()
  await popupClosed

  await expect(page).toHaveURL(/\/payments\/[^/]+$/)
  await expect(paymentStatusText(page)).toHaveText('Payment complete.')
  await expect(page.getByRole('region', { name: 'Payment', exact: true })).toContainText('£7.50')
  await expect(page.getByRole('listitem').filter({ hasText: 'payment:success' })).toBeVisible()
})
