import type { ReactNode } from 'react'
import { cx } from '../internal/class-names'

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  /** A short title, e.g. "No accounts yet". */
  title: ReactNode
  /** The sentence and the action that follow it (e.g. a `<ConnectBankButton>`). */
  children?: ReactNode
  className?: string
}

/**
 * A calm "nothing here yet" block: a title, a sentence and an action. The data components show
 * it when there is nothing to list — or no session yet — instead of an error; apps can use it
 * for their own screens so every empty state looks alike.
 */
export function EmptyState({ title, children, className }: EmptyStateProps) {
  return (
    <div className={cx('mhkit-empty', className)}>
      <p className="mhkit-empty__title">{title}</p>
      {children}
    </div>
  )
}
