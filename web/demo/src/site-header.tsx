import { useEffect, useState, type ReactNode } from 'react'
import { Link } from './link'
import { navRoutes, usePathname } from './router'

/**
 * The demo's header: the brand, the main navigation and the session and theme controls
 * (`children`). On narrow screens the eight navigation entries fold behind a "Menu" button (a
 * disclosure: `aria-expanded`, closed again after each navigation), so the header never makes
 * the page wider than a phone.
 */
export function SiteHeader({ children }: { readonly children: ReactNode }) {
  const pathname = usePathname()
  const [menuOpen, setMenuOpen] = useState(false)
  // A followed link closes the menu, so the new screen is not hidden behind it.
  useEffect(() => setMenuOpen(false), [pathname])
  return (
    <header className="demo-header">
      <div className="demo-header__top">
        <Link to="/" className="demo-brand">
          Connect Kit <span>demo</span>
        </Link>
        <div className="demo-header__controls">{children}</div>
        <button
          type="button"
          className="demo-button demo-menu-toggle"
          data-variant="secondary"
          aria-expanded={menuOpen}
          aria-controls="demo-nav-list"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
      </div>
      <nav className="demo-nav" aria-label="Main" data-open={menuOpen}>
        <ul id="demo-nav-list">
          {navRoutes.map((item) => (
            <li key={item.path}>
              <Link to={item.path}>{item.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  )
}
