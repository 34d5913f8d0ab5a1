import type { AppErrorData, ErrorCode, FieldIssue } from '../../shared/result'

/**
 * A refusal the user should read: thrown anywhere in a handler, it rolls back the
 * transaction and reaches the screen as `{ ok: false, error }` with this code and message.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }

  toData(): AppErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.details !== undefined ? { details: this.details } : {}),
    }
  }
}

/** A refusal tied to one field, shown next to it in the form. */
export const fieldError = (path: string, message: string, code: ErrorCode = 'invalid_input'): AppError => new AppError(code, message, [{ path, message }])

export const notFound = (what: string, id: number | string): AppError => new AppError('not_found', `${what} ${id} does not exist (it may have been removed).`)
