import { startEarlyReads } from './early-reads'

// The core starts answering the first screen's reads while the app's code loads (early-reads.ts).
startEarlyReads()
void import('./start').then(({ start }) => start())
