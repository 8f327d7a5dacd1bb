import { useId, useState } from 'react'
import type { ReactNode } from 'react'
import type { Bank, BankListKind } from '../api/contract'
import { useBanks } from '../hooks/use-banks'
import { cx } from '../internal/class-names'
import { queryGate } from '../internal/query-gate'
import { useMessages } from '../messages/use-messages'

/** Props of {@link BankPicker}. */
export interface BankPickerProps {
  /** The selected bank id (controlled); omit to let the picker keep its own selection. */
  value?: string
  /** Called with the bank the person picked. */
  onChange?: (bank: Bank) => void
  /** Which banks: to connect (`ais`, default) or to pay from (`payments`). */
  kind?: BankListKind
  /** Group label. Default "Choose your bank". */
  label?: string
  className?: string
  /** Replaces the label content of each bank option. */
  renderBank?: (bank: Bank) => ReactNode
  /** Shown under the list, e.g. a `<ConnectBankButton bankId={...}>`. */
  children?: ReactNode
}

function normalise(text: string): string {
  return text.toLocaleLowerCase('en-GB').normalize('NFKD')
}

/**
 * A searchable bank chooser over {@link useBanks}: a search box and a native radio group
 * (arrow keys move, Space selects, one tab stop), with banks that are down shown but disabled.
 * The match count is announced as the person types.
 */
export function BankPicker({
  value,
  onChange,
  kind,
  label,
  className,
  renderBank,
  children,
}: BankPickerProps) {
  const query = useBanks(kind)
  const m = useMessages()
  const { data } = query
  const [search, setSearch] = useState('')
  const [own, setOwn] = useState<string | undefined>(undefined)
  const id = useId()
  const selected = value ?? own
  const classes = cx('mhkit-bank-picker', className)

  const gate = queryGate(query, classes, m.banksLoading ?? 'Loading banks…')
  if (gate !== null || data === undefined) return gate
  const term = normalise(search.trim())
  const banks = term ? data.data.filter((bank) => normalise(bank.name).includes(term)) : data.data
  return (
    <div className={classes}>
      <label className="mhkit-field" htmlFor={`${id}-search`}>
        {m.banksSearch ?? 'Search banks'}
      </label>
      <input
        id={`${id}-search`}
        className="mhkit-input"
        type="search"
        autoComplete="off"
        value={search}
        aria-controls={`${id}-list`}
        onChange={(event) => setSearch(event.target.value)}
      />
      <p role="status" className="mhkit-bank-picker__count">
        {banks.length === 0
          ? (m.banksNoMatch?.(search.trim()) ?? `No banks match “${search.trim()}”`)
          : (m.banksCount?.(banks.length) ??
            `${banks.length} bank${banks.length === 1 ? '' : 's'}`)}
      </p>
      <fieldset id={`${id}-list`} className="mhkit-bank-picker__list">
        <legend>{label ?? m.banksLabel ?? 'Choose your bank'}</legend>
        {banks.map((bank) => {
          const unavailable = bank.status === 'unavailable'
          return (
            <label
              key={bank.id}
              className={cx('mhkit-bank', unavailable && 'mhkit-bank--unavailable')}
            >
              <input
                type="radio"
                name={`${id}-bank`}
                value={bank.id}
                checked={selected === bank.id}
                disabled={unavailable}
                onChange={() => {
                  setOwn(bank.id)
                  onChange?.(bank)
                }}
              />
              {renderBank ? (
                renderBank(bank)
              ) : (
                <>
                  {bank.iconUrl ? (
                    <img className="mhkit-bank__icon" src={bank.iconUrl} alt="" />
                  ) : null}
                  <span className="mhkit-bank__name">{bank.name}</span>
                  {unavailable ? (
                    <span className="mhkit-badge">{m.bankUnavailable ?? 'Unavailable'}</span>
                  ) : null}
                </>
              )}
            </label>
          )
        })}
      </fieldset>
      {children}
    </div>
  )
}
