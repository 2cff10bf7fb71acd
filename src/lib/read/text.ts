/** A file's text and what decoding found. */
export interface DecodedText {
  text: string;
  bytes: number;
  validUtf8: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decodes bytes as UTF-8, replacing invalid sequences (and saying so) rather than failing. */
export function decodeText(buffer: Uint8Array): DecodedText {
  try {
    return { text: strictUtf8.decode(buffer), bytes: buffer.length, validUtf8: true };
  } catch {
    return { text: lenientUtf8.decode(buffer), bytes: buffer.length, validUtf8: false };
  }
}
