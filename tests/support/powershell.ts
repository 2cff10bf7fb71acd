/**
 * A parser-level check of PowerShell text, for the install commands and scripts (there is no PowerShell on these
 * machines to run them): every string is closed, brackets balance outside strings, and no variable in a
 * double-quoted string is followed by a colon, which PowerShell would read as a drive-qualified name (`$p:`).
 */
export function powerShellProblems(text: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (char === "'") {
      i++;
      for (;;) {
        if (i >= text.length) return [...problems, 'unclosed single-quoted string'];
        if (text[i] === "'" && text[i + 1] === "'") i += 2;
        else if (text[i] === "'") break;
        else i++;
      }
    } else if (char === '"') {
      const start = ++i;
      while (i < text.length && text[i] !== '"') i += text[i] === '`' ? 2 : 1;
      if (i >= text.length) return [...problems, 'unclosed double-quoted string'];
      const inner = text.slice(start, i);
      for (const match of inner.matchAll(/\$([A-Za-z_]\w*):/g))
        problems.push(`"$${match[1]}:" reads as a drive-qualified variable; write \${${match[1]}}`);
    } else if ('({['.includes(char)) {
      stack.push(char);
    } else if (')}]'.includes(char)) {
      if (stack.pop() !== pairs[char]) problems.push(`unbalanced ${char} at ${i}`);
    }
    i++;
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join('')}`);
  return problems;
}
