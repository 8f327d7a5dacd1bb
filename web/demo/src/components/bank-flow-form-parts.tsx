// The parts every "set something up at your bank" form of the demo shares (the VRP permission
// and the standing order): the summary of refused fields and the two ways to continue.

/**
 * Says how many fields need attention and that nothing reached the bank; nothing when none do.
 *
 * @param props.count - how many fields the checks refused
 */
export function FieldErrorSummary({ count }: { readonly count: number }) {
  if (count === 0) return null
  return (
    <p className="demo-alert" role="alert">
      {count === 1 ? '1 field needs' : `${count} fields need`} your attention. Nothing has been sent
      to your bank yet.
    </p>
  )
}

/**
 * Continue to the bank in this tab (the form's submit button) or in a popup.
 *
 * @param props.busy - a flow is under way: both are disabled
 * @param props.onPopup - starts the popup flow (from the click, so the window may open)
 */
export function ContinueToBank({
  busy,
  onPopup,
}: {
  readonly busy: boolean
  readonly onPopup: () => void
}) {
  return (
    <div className="demo-actions">
      <button type="submit" className="demo-button" disabled={busy}>
        Continue to your bank
      </button>
      <button
        type="button"
        className="demo-button"
        data-variant="secondary"
        disabled={busy}
        onClick={onPopup}
      >
        Continue in a popup
      </button>
    </div>
  )
}
