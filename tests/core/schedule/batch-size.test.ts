import { describe, expect, it } from 'vitest'
import { adaptiveBatchSize } from '../../../electron/core/schedule/batch-size'

describe('schedule-all chunk size', () => {
  it('grows at most twofold after a fast chunk and shrinks to the target after a slow one', () => {
    const size = adaptiveBatchSize({ first: 200, targetMs: 40 })
    expect(size.next()).toBe(200)
    size.record(200, 1) // very fast: still only doubles
    expect(size.next()).toBe(400)
    size.record(400, 160) // four times too slow: a quarter
    expect(size.next()).toBe(100)
  })

  it('stays within its bounds and ignores the short last chunk', () => {
    const size = adaptiveBatchSize({ first: 100, min: 25, max: 150, targetMs: 40 })
    size.record(100, 10_000)
    expect(size.next()).toBe(25)
    size.record(10, 1) // shorter than asked: the end of the run, says nothing
    expect(size.next()).toBe(25)
    for (let i = 0; i < 5; i++) size.record(size.next(), 1)
    expect(size.next()).toBe(150)
  })
})
