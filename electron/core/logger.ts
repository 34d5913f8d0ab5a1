/** What the core needs of a logger; main passes electron-log, tests a silent one. Never log tokens or customer data. */
export interface Logger {
  info(message: string, ...rest: unknown[]): void
  warn(message: string, ...rest: unknown[]): void
  error(message: string, ...rest: unknown[]): void
}

export const consoleLogger: Logger = {
  info: (m, ...r) => console.info(m, ...r),
  warn: (m, ...r) => console.warn(m, ...r),
  error: (m, ...r) => console.error(m, ...r),
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }
