import { navigate } from './router'

/**
 * Where the kit's data components send a person whose bank needs reconnecting (their
 * `onReconnect`): the Connections screen, where each connection has its Reconnect button.
 */
export function toConnections(): void {
  navigate('/connections')
}
