/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally (use with `escape '\'`). */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
