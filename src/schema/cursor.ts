/**
 * The cursors of every connection: an item's offset in its list, as Relay's array connections
 * encode it (`base64("OffsetConnection:" + offset)`, what `resolveArrayConnection` reads). A
 * cursor is read only in exactly the form this API writes: anything else, a negative or
 * fractional offset, another prefix, another base64 spelling of the same text, is no cursor.
 */
const PREFIX = "OffsetConnection:";
const OFFSET = /^OffsetConnection:(0|[1-9][0-9]{0,14})$/;

/** The cursor of the item at `offset`. */
export const cursorOf = (offset: number): string => btoa(`${PREFIX}${offset}`);

/** The offset a cursor of this API names, or null for anything else. */
export function offsetOf(cursor: string): number | null {
  let text: string;
  try {
    text = atob(cursor);
  } catch {
    return null;
  }
  const digits = OFFSET.exec(text)?.[1];
  if (digits === undefined) return null;
  const offset = Number(digits);
  return cursorOf(offset) === cursor ? offset : null;
}
