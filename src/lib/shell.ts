/**
 * A file name that is safe to put in a shell command and a download attribute: the agent name
 * when it is plain, the slug otherwise (names come from untrusted files).
 */
export function safeFileName(name: string, slug: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? `${name}.md` : `${slug}.md`;
}

/** Quotes a string for a POSIX shell with single quotes. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** One-line shell commands that install an agent file for a project and for the user. */
export function installCommands(rawUrl: string, fileName: string): { project: string; user: string } {
  const url = shellQuote(rawUrl);
  return {
    project: `mkdir -p .claude/agents && curl -fsSL ${url} -o .claude/agents/${fileName}`,
    user: `mkdir -p ~/.claude/agents && curl -fsSL ${url} -o ~/.claude/agents/${fileName}`,
  };
}

