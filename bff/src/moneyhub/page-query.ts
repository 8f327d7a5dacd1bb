/** Paging of the data API's list calls (docs/moneyhub-protocol.md §9.2). */
/** Paging of list calls. */
export interface PageQuery {
  limit?: number
  offset?: number
}
