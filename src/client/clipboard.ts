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

/**
 * Copies the text of an element, or of a URL's response. The Clipboard API is given the pending text
 * as a ClipboardItem where it can take one, so the copy keeps the click's user activation while the
 * file downloads.
 */
export async function copyFrom({
  targetId,
  href,
  jsonField,
}: {
  targetId?: string | undefined;
  href?: string | undefined;
  jsonField?: string | undefined;
}): Promise<boolean> {
  if (targetId) {
    const element = document.getElementById(targetId);
    return element !== null && copyText(element.textContent ?? '');
  }
  if (!href) return false;
  const text = fetch(href).then(async (response) => {
    if (!response.ok) throw new Error(`${response.status}`);
    if (!jsonField) return response.text();
    const data = (await response.json()) as Record<string, unknown>;
    return `${JSON.stringify(data[jsonField], null, 2)}\n`;
  });
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': text.then((t) => new Blob([t], { type: 'text/plain' })) })]);
      return true;
    } catch {
      // Fall back to copying the text once it has arrived.
    }
  }
  try {
    return await copyText(await text);
  } catch {
    return false;
  }
}
