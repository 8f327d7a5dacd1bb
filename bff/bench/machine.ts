import { cpus, loadavg, totalmem } from 'node:os'

/** What the bench ran on, printed beside the figures because every figure depends on it. */
export interface Machine {
  cores: number
  model: string
  memoryGb: number
  node: string
  /** 1, 5 and 15-minute load averages. */
  load: number[]
}

export function describeMachine(): Machine {
  return {
    cores: cpus().length,
    model: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    load: loadavg(),
  }
}

export function formatLoad(load: readonly number[]): string {
  return load.map((n) => n.toFixed(2)).join(' ')
}
