import type { ReactNode } from 'react'
import type { ConnectCallbackStatus } from '../hooks/use-connect-callback'
import { useSession } from '../hooks/use-session'
import type { ConnectStatus } from '../internal/connect-machine'
import { cx } from '../internal/class-names'
import { useMessages } from '../messages/use-messages'

/** Where a connection stands, as {@link ConnectProgress} shows it. */
export type ConnectProgressStep = 'preparing' | 'at-bank' | 'finishing' | 'connected'

/** What {@link connectProgressStep} reads: a start page's or a return page's status. */
export type ConnectProgressSource = ConnectStatus | ConnectCallbackStatus

/**
 * The step a connect flow is at, from `useConnectBank().status` (start page) or
 * `useConnectCallback().status` (return page); `undefined` when there is no step to show
 * (idle, failed, cancelled). A page can title itself from it.
 *
 * @param status - the flow hook's status
 */
export function connectProgressStep(
  status: ConnectProgressSource,
): ConnectProgressStep | undefined {
  return stepOf[status]
}

const stepOf: Partial<Record<ConnectProgressSource, ConnectProgressStep>> = {
  preparing: 'preparing',
  'awaiting-user': 'at-bank',
  completing: 'finishing',
  loading: 'finishing',
  pending: 'finishing',
  succeeded: 'connected',
  'popup-handoff': 'connected',
}

// In order: each step's label and what the live region says while it is current.
const STEPS: ReadonlyArray<readonly [ConnectProgressStep, string, string]> = [
  ['preparing', 'Preparing', 'Preparing a secure connection…'],
  ['at-bank', 'At your bank', 'Continue at your bank…'],
  ['finishing', 'Finishing', 'Finishing connecting your bank…'],
  ['connected', 'Connected', ''],
]

/** Props of {@link ConnectProgress}. */
export interface ConnectProgressProps {
  /** The flow's status: `useConnectBank().status` or `useConnectCallback().status`. */
  status: ConnectProgressSource
  /**
   * The bank's name for the success line ("Acme Bank connected."). Default: the name of the
   * connection the flow produced (`connectionId`), from the session, else "Your bank".
   */
  bankName?: string
  /** The connection the flow produced (`flow.result.connectionId`), to name its bank. */
  connectionId?: string | undefined
  className?: string
  /** Accessible name of the list of steps. Default "Connecting your bank". */
  label?: string
  /** Shown under the success line: what to do next (e.g. a link to the accounts). */
  children?: ReactNode
}

/**
 * A connect flow's progress as four steps — preparing → at your bank → finishing → connected —
 * with the current one marked (`aria-current="step"` and a spinner hook,
 * `.mhkit-step[data-state="current"]`), each change announced in a polite live region, and a
 * clear success state ("<Bank> connected." and `children` for what next). Renders nothing when
 * there is no step to show (idle, failed, cancelled: errors are the error notice's job).
 *
 * Compose it into the kit's connect components, which stay small:
 *
 * @example
 * ```tsx
 * <ConnectBankButton renderStatus={(c) => <ConnectProgress status={c.status} />} />
 * <ConnectCallback render={(cb) => <ConnectProgress status={cb.status} connectionId={cb.flow?.result?.connectionId} />} />
 * ```
 */
export function ConnectProgress({
  status,
  bankName,
  connectionId,
  className,
  label,
  children,
}: ConnectProgressProps) {
  const session = useSession()
  const m = useMessages()
  const step = connectProgressStep(status)
  if (step === undefined) return null
  const current = STEPS.findIndex(([name]) => name === step)
  const done = step === 'connected'
  const bank =
    bankName ??
    session.data?.connections?.find((connection) => connection.id === connectionId)?.bankName
  return (
    <div className={cx('mhkit-connect-progress', className)} data-step={step} aria-busy={!done}>
      <ol
        className="mhkit-steps"
        aria-label={label ?? m.connectStepsLabel ?? 'Connecting your bank'}
      >
        {STEPS.map(([name, stepLabel], index) => {
          const state = index < current || done ? 'done' : index === current ? 'current' : 'todo'
          return (
            <li
              key={name}
              className="mhkit-step"
              data-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="mhkit-step__marker" aria-hidden="true" />
              <span className="mhkit-step__label">{m.connectSteps?.[name] ?? stepLabel}</span>
              {state === 'done' ? (
                <span className="mhkit-visually-hidden">{m.connectStepDone ?? ' (done)'}</span>
              ) : null}
            </li>
          )
        })}
      </ol>
      <p role="status" aria-live="polite" className="mhkit-connect-progress__status">
        {done
          ? (m.connectedBank?.(bank) ?? `${bank ?? 'Your bank'} connected.`)
          : (m.connectStepStatus?.[step] ?? STEPS[current]?.[2])}
      </p>
      {done ? <div className="mhkit-connect-progress__next">{children}</div> : null}
    </div>
  )
}
