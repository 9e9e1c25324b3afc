/** No payload of the project's services nests deeper; a deeper body is refused before it is parsed. */
export const MAX_JSON_DEPTH = 32;

/**
 * How deep the JSON text nests, counted without parsing (and so without recursion): a body
 * thousands of levels deep must not reach a parser or a validator that walks it recursively.
 * Stops counting once `limit` is passed.
 */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c /* \ */) index += 1;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      depth += 1;
      if (depth > limit) return true;
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth -= 1;
    }
  }
  return false;
}
