/**
 * Text as search compares it: compatibility-decomposed (so NFC and NFD input agree), accents
 * and other combining marks dropped, case folded through upper case (so "ß" matches "SS").
 * `foldForSearch('MÜLLER') === foldForSearch('müller') === 'muller'`, and "jose" finds "José".
 * Stored beside the original on every write; the search term is folded the same way.
 *
 * @example
 * foldForSearch('Jose\u0301') // 'jose'
 */
export const foldForSearch = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().toLowerCase()
