import { ShopError } from './shop'

/**
 * Puts a refused save's field issues next to the fields of the form that sent it, and returns
 * what is left to say in the dialog itself (a refusal tied to no field, or a field the form
 * does not show). The form keeps its values either way, so nothing typed is lost.
 *
 * @example
 * catch (error) { setProblem(showFieldErrors(error, Object.keys(form.values), form.setErrors)) }
 */
export function showFieldErrors(error: unknown, fields: readonly string[], setErrors: (errors: Record<string, string>) => void): string | null {
  if (!(error instanceof ShopError)) return error instanceof Error ? error.message : String(error)
  const byField = error.fieldErrors()
  const shown: Record<string, string> = {}
  const elsewhere: string[] = []
  for (const [path, message] of Object.entries(byField)) {
    if (fields.includes(path)) shown[path] = message
    else elsewhere.push(message)
  }
  setErrors(shown)
  if (Object.keys(shown).length === 0) return error.message
  return elsewhere.length > 0 ? elsewhere.join(' ') : null
}
