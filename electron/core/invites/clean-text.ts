/**
 * Text from the database goes into calendar files and emails that other programs parse: a
 * stray carriage return, tab or other control character there can end a property early or
 * make a strict parser refuse the file. Every text field passes through here first.
 */

// C0 controls but tab and line feed, DEL, and the C1 range.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g

/**
 * A one-line field (summary, location, a name): line breaks and tabs become one space,
 * other control characters go, runs of spaces collapse.
 *
 * @example
 * singleLine('Oil\r\nchange\u0007') // 'Oil change'
 */
export const singleLine = (text: string): string =>
  text
    .replace(/\r\n|[\r\n\t\u2028\u2029\u0085]/g, ' ')
    .replace(CONTROL, '')
    .replace(/ {2,}/g, ' ')
    .trim()

/**
 * A multi-line field (description): any line break becomes `\n`, tabs become a space,
 * other control characters go.
 *
 * @example
 * multiLine('Bay 2\r\nDue\u0000 today') // 'Bay 2\nDue today'
 */
export const multiLine = (text: string): string =>
  text
    .replace(/\r\n|[\r\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .trim()

/**
 * RFC 5545 TEXT escaping for the properties `ics` writes without it (VALARM DESCRIPTION,
 * X-WR-CALNAME); `ics` itself turns the line breaks into `\n` afterwards.
 *
 * @example
 * escapeText('Oil, filter; A\\B') // 'Oil\\, filter\\; A\\\\B'
 */
export const escapeText = (text: string): string => text.replace(/[\\;,]/g, (c) => `\\${c}`)
