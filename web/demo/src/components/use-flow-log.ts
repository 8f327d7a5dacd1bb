import type { FlowOptions } from '@mhkit/react'
import { useEventLog } from '../event-log'

/** A finished flow, as `onSuccess` receives it. */
type FinishedFlow = Parameters<NonNullable<FlowOptions['onSuccess']>>[0]

/** The flow callbacks that write each step to the demo's event log. */
export type FlowLog = Required<Pick<FlowOptions, 'onEvent' | 'onSuccess' | 'onError' | 'onCancel'>>

/**
 * Callbacks for a payment flow hook that record every step in the visible event log as
 * `<prefix>:<step>`, so a person (and the journeys) can follow the flow.
 *
 * @param prefix - the log's name for the flow (`vrp-consent`, `standing-order`)
 * @param detail - what a success records, e.g. the id of what the flow made
 */
export function useFlowLog(prefix: string, detail: (flow: FinishedFlow) => string): FlowLog {
  const { record } = useEventLog()
  return {
    onEvent: (event) => record(`${prefix}:${event.type}`, event.mode),
    onSuccess: (flow) => record(`${prefix}:success`, detail(flow)),
    onError: (error) => record(`${prefix}:error`, error.code),
    onCancel: () => record(`${prefix}:cancel`),
  }
}
