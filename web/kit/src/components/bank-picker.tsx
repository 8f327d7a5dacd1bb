import { useId, useState } from 'react'
import type { ReactNode } from 'react'
import type { Bank, BankListKind } from '../api/contract'
import { useBanks } from '../hooks/use-banks'
import { cx } from '../internal/class-names'
import { queryGate } from '../internal/query-gate'
import { readRecentBanks, rememberRecentBank } from '../internal/recent-banks'
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
  /**
   * Show "Your recent banks" first: the last three banks picked in this browser, kept in
   * `localStorage` (`mhkit:recent-banks`, bank ids only). Default `true`; `false` neither
   * shows nor stores them.
   */
  recent?: boolean
}

/**
 * A bank's logo (the BFF serves it from the app's origin), or its initial on a tinted square
 * when there is none or it fails to load. Decorative: the bank's name is next to it.
 */
function BankLogo({ bank }: { bank: Bank }) {
  const [failed, setFailed] = useState(false)
  if (bank.iconUrl && !failed) {
    return (
      <img
        className="mhkit-bank__icon"
        src={bank.iconUrl}
        alt=""
        width={24}
        height={24}
        loading="lazy"
        onError={() => setFailed(true)}
      />
    )
  }
  return (
    <span className="mhkit-bank__icon mhkit-bank__icon--letter" aria-hidden="true">
      {bank.name.charAt(0).toLocaleUpperCase('en-GB')}
    </span>
  )
}

function normalise(text: string): string {
  return text.toLocaleLowerCase('en-GB').normalize('NFKD')
}

/**
 * A searchable bank chooser over {@link useBanks}: a search box and a native radio group
 * (arrow keys move, Space selects, one tab stop) with each bank's logo (or its initial when
 * the logo is missing or fails), "Your recent banks" first, and banks that are down shown
 * but disabled with the reason. The match count is announced as the person types. Works from
 * 360 px wide.
 */
export function BankPicker({
  value,
  onChange,
  kind,
  label,
  className,
  renderBank,
  children,
  recent = true,
}: BankPickerProps) {
  const query = useBanks(kind)
  const m = useMessages()
  const { data } = query
  const [search, setSearch] = useState('')
  const [own, setOwn] = useState<string | undefined>(undefined)
  // Read once: a pick is stored for next time but does not reshuffle the list under the
  // person's cursor (or keyboard focus) now.
  const [recentIds] = useState(() => (recent ? readRecentBanks() : []))
  const id = useId()
  const selected = value ?? own
  const classes = cx('mhkit-bank-picker', className)

  const gate = queryGate(query, classes, m.banksLoading ?? 'Loading banks…')
  if (gate !== null || data === undefined) return gate
  const term = normalise(search.trim())
  const banks = term ? data.data.filter((bank) => normalise(bank.name).includes(term)) : data.data
  // While searching, one flat list of matches; otherwise the recent banks lead, once each.
  const recentBanks =
    recent && !term
      ? recentIds.flatMap((bankId) => data.data.filter((bank) => bank.id === bankId))
      : []
  const rest = recentBanks.length ? banks.filter((bank) => !recentBanks.includes(bank)) : banks

  const option = (bank: Bank) => {
    const unavailable = bank.status === 'unavailable'
    return (
      <label key={bank.id} className={cx('mhkit-bank', unavailable && 'mhkit-bank--unavailable')}>
        <input
          type="radio"
          name={`${id}-bank`}
          value={bank.id}
          checked={selected === bank.id}
          disabled={unavailable}
          onChange={() => {
            setOwn(bank.id)
            if (recent) rememberRecentBank(bank.id)
            onChange?.(bank)
          }}
        />
        {renderBank ? (
          renderBank(bank)
        ) : (
          <>
            <BankLogo bank={bank} />
            <span className="mhkit-bank__name">{bank.name}</span>
            {unavailable ? (
              <span className="mhkit-badge">{m.bankUnavailable ?? 'Unavailable right now'}</span>
            ) : null}
          </>
        )}
      </label>
    )
  }

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
        {recentBanks.length ? (
          // One radio group (one name, one tab stop) in two labelled parts.
          <>
            <fieldset className="mhkit-bank-picker__section mhkit-bank-picker__recent">
              <legend>{m.banksRecent ?? 'Your recent banks'}</legend>
              {recentBanks.map(option)}
            </fieldset>
            <fieldset className="mhkit-bank-picker__section">
              <legend>{m.banksAll ?? 'All banks'}</legend>
              {rest.map(option)}
            </fieldset>
          </>
        ) : (
          banks.map(option)
        )}
      </fieldset>
      {children}
    </div>
  )
}
