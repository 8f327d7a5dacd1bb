import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react'
import { navigate, usePathname } from './router'

/** Props of {@link Link}: an anchor whose `href` is a same-origin path. */
export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  readonly to: string
  readonly children: ReactNode
}

/**
 * An anchor that navigates in place (keeping modifier-clicks and middle-clicks as ordinary
 * links) and marks itself `aria-current="page"` when it is the current path.
 */
export function Link({ to, children, onClick, ...rest }: LinkProps) {
  const pathname = usePathname()
  const handleClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return (
    <a
      {...rest}
      href={to}
      aria-current={pathname === to ? 'page' : undefined}
      onClick={handleClick}
    >
      {children}
    </a>
  )
}
