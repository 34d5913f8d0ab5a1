/**
 * RFC 5545 line folding by octets. The `ics` package folds at 75 characters, so a line
 * with accents or emoji exceeds the 75-octet limit some clients enforce; the writer
 * unfolds its output and folds it again here, by UTF-8 bytes, never inside a character.
 */

/** Octets per physical line, CRLF excluded (RFC 5545 section 3.1). */
export const FOLD_OCTETS = 75

const utf8Length = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4)

/**
 * One logical content line as physical lines joined by CRLF + space. The continuation's
 * leading space counts towards its 75 octets.
 *
 * @example
 * foldLine('DESCRIPTION:' + 'é'.repeat(40)) // 'DESCRIPTION:éééé…\r\n éé…'
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= FOLD_OCTETS) return line
  const parts: string[] = []
  let current = ''
  let octets = 0
  let limit = FOLD_OCTETS
  // for…of walks code points, so a surrogate pair is never split.
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0)
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
      limit = FOLD_OCTETS - 1
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/**
 * Unfolds a block of iCalendar text (CRLF line ends) and folds every line again by octets.
 *
 * @example
 * refold('SUMMARY:Ölwechsel…\r\n\t…\r\n') // the same content, folded at 75 octets
 */
export function refold(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n')
  return lines.map(foldLine).join('\r\n')
}
