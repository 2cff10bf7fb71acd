/**
 * Puts text on the clipboard exactly, CR characters included. Uses the Clipboard API where it
 * exists, and otherwise a `copy` event whose data we set ourselves (a textarea would turn CRLF into LF).
 */
export async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission denied or not focused: try the legacy path below.
    }
  }
  let copied = false;
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
    copied = event.clipboardData !== null;
  };
  document.addEventListener('copy', onCopy);
  try {
    copied = document.execCommand('copy') && copied;
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  return copied;
}
