/** What a person can do about an error. */
export type ErrorAction = 'retry' | 'reconnect' | 'start-again' | 'wait' | 'contact-support'
