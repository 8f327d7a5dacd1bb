import type { BffError } from '../api/bff-error'
import { describeError } from '../api/describe-error'
import type { ErrorDescription } from '../api/describe-error'
import type { MhkitMessages } from '../messages/mhkit-messages'
import type { ConnectState } from './connect-machine'

type Describe = (error: BffError, messages: MhkitMessages) => ErrorDescription

/** A failure before the bank's page opened: the group's message under a title that says so. */
const describeStartFailure: Describe = (error, m) => ({
  ...describeError(error, m),
  title: m.connectStartFailed ?? 'Could not start connecting',
})

/**
 * How a connect button words its flow's error. A flow that failed before it had an id never
 * reached the bank (the BFF or Moneyhub refused to start it), so its title says that connecting
 * did not start, rather than the error group's title ("Moneyhub unavailable"), which reads as
 * if the person's data were at stake; the message and action stay the group's.
 *
 * @param state - the connect flow's state
 */
export function describeConnectError(state: ConnectState): Describe {
  return state.status === 'failed' && state.flowId === undefined
    ? describeStartFailure
    : describeError
}
