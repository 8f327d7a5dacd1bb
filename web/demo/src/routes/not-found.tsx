import { Link } from '../link'

/** Any path the demo does not know. */
export function NotFoundScreen() {
  return (
    <section className="demo-panel">
      <h1>Page not found</h1>
      <p>
        <Link to="/">Back to the overview</Link>
      </p>
    </section>
  )
}
