/**
 * A text cell a spreadsheet would run as a formula gets a leading apostrophe
 * (CSV injection). Imports take it off again, so exports round-trip. Shared by
 * the server's streamed exports and the domain's in-memory workbooks.
 */
export const neutralize = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
