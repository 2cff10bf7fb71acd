/**
 * What Claude Code does with an agent file, as measured on the release below (see the conformance suite in
 * tests/conformance, which runs that release on every folder of agents the tests have): where it finds the
 * frontmatter, how it reads YAML that does not parse, which files it skips and why, and how it lists an agent
 * it loaded. Pure: the caller reads the file.
 */
import { keyLines, type FrontmatterBlock } from './frontmatter.ts';
import { parseYamlStrict, type FieldValue, type Fields, type YamlCut, type YamlFailure } from './yaml.ts';

/** The Claude Code release the catalogue's verdicts are checked against (`npm run claude-code:update` moves it). */
export const CLAUDE_CODE_VERSION = '2.1.332';

/** Claude Code's own limits on an agent file. */
export const CLAUDE_CODE_LIMITS = {
  /** Larger files are not read at all. */
  fileBytes: 1024 * 1024,
  /** Longer names are rejected. */
  nameChars: 256,
} as const;

/** Why Claude Code skips a file, with the line to point at. */
export interface ClaudeCodeSkip {
  reason:
    | 'not-markdown'
    | 'file-too-large'
    | 'no-frontmatter'
    | 'yaml-unreadable'
    | 'name-missing'
    | 'name-not-text'
    | 'name-rejected'
    | 'description-missing'
    | 'description-not-text'
    | 'text-not-unicode'
    | 'hooks-unloadable';
  line: number;
  message: string;
}

/** What Claude Code registers for an agent it loads. */
export interface ClaudeCodeAgent {
  /** The `name`, exactly as read: not trimmed. */
  name: string;
  /** The `description` as Claude Code shows it to the model: `\n` written as two characters becomes a line break. */
  description: string;
  /** The tools, split as Claude Code splits them; `undefined` when it gives the agent every tool. */
  tools: string[] | undefined;
  /** The `disallowedTools`, split the same way, when the file has them. */
  disallowedTools: string[] | undefined;
}

/** How Claude Code read one file. */
export interface ClaudeCodeReading {
  /** The frontmatter block as Claude Code cuts it, when it finds one. */
  block: FrontmatterBlock | undefined;
  /** The fields it read, when it could read the YAML (strictly, or after quoting values). */
  fields: Fields | undefined;
  /** Set when strict YAML rejected the block and Claude Code read it only after quoting values. */
  strictFailure: YamlFailure | undefined;
  /** Why the whole file is skipped, if it is. */
  skip: ClaudeCodeSkip | undefined;
  /** What it registers, when it loads the file. */
  agent: ClaudeCodeAgent | undefined;
  /** Hook entries it drops while still loading the agent, one line each. */
  ignoredHooks: string[];
  /** What our reading of those fields left out to stay bounded (see parseYamlStrict). */
  cuts: YamlCut[];
}

const BOM = 0xfeff;

/**
 * The frontmatter block as Claude Code cuts it: `---` at the very start of the file (after a BOM), any
 * whitespace and a line break, then everything up to the first `---` anywhere, even inside a value, then any
 * whitespace. A block indented, after a blank line, opened by `----` or closed only at `...` is not seen.
 * `rawYaml` is the YAML as Claude Code parses it, carriage returns and all; the block's `yaml` has LF endings.
 */
export function claudeCodeBlock(text: string): { block: FrontmatterBlock; rawYaml: string } | undefined {
  const content = text.charCodeAt(0) === BOM ? text.slice(1) : text;
  if (content.indexOf('---', 3) < 0) return undefined;
  const match = /^(---\s*\n)([\s\S]*?)(---\s*\n?)/.exec(content);
  if (!match) return undefined;
  const [whole, opener, rawYaml] = match as unknown as [string, string, string, string];
  const lineBreaks = (part: string) => part.split('\n').length - 1;
  const lf = (part: string) => part.replace(/\r\n?/g, '\n');
  const block: FrontmatterBlock = {
    yaml: lf(rawYaml).replace(/\n$/, ''),
    text: lf(whole).trimEnd(),
    openLine: 1,
    yamlLine: 1 + lineBreaks(opener),
    bodyLine: 1 + lineBreaks(whole),
    body: lf(content.slice(whole.length)),
  };
  return { block, rawYaml };
}

/** Values that a second reading quotes: ones holding a flow, alias, anchor, tag, comment, block or reserved character, or `: `. */
const LOSSY_VALUE = /[{}[\]*&#!|>%@`]|: /;

/**
 * Claude Code's second reading of frontmatter that strict YAML rejects: each `key: value` line whose value
 * holds a character YAML would read specially is rewritten as `key: "value"` (a value already in quotes, or a
 * flow list that parses, is left alone), and tabs that start a line become two spaces each. Lines with a
 * carriage return at the end never match, so a file with CRLF line endings gets no second chance.
 */
export function quoteLossyValues(yaml: string): string {
  const lines = yaml.split('\n').map((line) => {
    const match = /^([a-zA-Z_-]+):\s+(\S.*)$/.exec(line);
    if (!match) return line;
    const [, key, value] = match as unknown as [string, string, string];
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) return line;
    if (value.startsWith('[') && value.endsWith(']')) {
      const flow = parseYamlStrict(`v: ${value}`);
      if ('fields' in flow && Array.isArray(flow.fields.get('v'))) return line;
    }
    if (!LOSSY_VALUE.test(value)) return line;
    return `${key}: "${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  });
  return lines.join('\n').replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length));
}

/**
 * Splits tool entries as Claude Code does: at commas and spaces outside parentheses, so `Read Grep` is two
 * tools and `Bash(git diff *)` one.
 */
export function splitToolEntry(entry: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inRule = false;
  const push = () => {
    if (current.trim()) parts.push(current.trim());
    current = '';
  };
  for (const char of entry) {
    if (char === '(') {
      inRule = true;
      current += char;
    } else if (char === ')') {
      inRule = false;
      current += char;
    } else if ((char === ',' || char === ' ') && !inRule) {
      push();
    } else if (current || char.trim()) {
      current += char;
    }
  }
  push();
  return parts;
}

/**
 * A `tools` or `disallowedTools` value as Claude Code reads it: absent is `undefined` (every tool); a string is
 * split; in a list, text entries are split and the rest dropped; anything else, an empty value included, is an
 * empty list (no tools at all); a `*` anywhere means every tool.
 */
export function claudeToolList(value: FieldValue | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '' || value === false || value === 0) return [];
  const entries = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const tools = entries.flatMap(splitToolEntry);
  return tools.includes('*') ? undefined : tools;
}

/** Hook events Claude Code knows (2.1.332). */
export const HOOK_EVENTS: ReadonlySet<string> = new Set([
  'PreToolUse',
  'PostToolUse',
  'PostToolUseFailure',
  'PostToolBatch',
  'Notification',
  'UserPromptSubmit',
  'UserPromptExpansion',
  'SessionStart',
  'SessionEnd',
  'Stop',
  'StopFailure',
  'SubagentStart',
  'SubagentStop',
  'PreCompact',
  'PostCompact',
  'PreModelSwitch',
  'PostModelSwitch',
  'PermissionRequest',
  'PermissionDenied',
  'Setup',
  'TeammateIdle',
  'TaskCreated',
  'TaskCompleted',
  'Elicitation',
  'ElicitationResult',
  'ConfigChange',
  'WorktreeCreate',
  'WorktreeRemove',
  'InstructionsLoaded',
  'CwdChanged',
  'FileChanged',
  'DirectoryAdded',
  'MessageDisplay',
  'PreSkillShellCommand',
]);

/** Events whose hooks may guard permissions: a broken one makes Claude Code drop the whole agent. */
const GUARD_EVENTS: ReadonlySet<string> = new Set(['PreToolUse', 'PermissionRequest', 'PreSkillShellCommand']);
/** Top-level fields Claude Code does not search for misplaced guard hooks. */
const UNSCANNED_FIELDS: ReadonlySet<string> = new Set(['metadata', 'mcpServers', 'lspServers']);

type Plain = { [key: string]: FieldValue };
const isMapping = (value: FieldValue | undefined): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A mapping with a guard event holding hooks (`PreToolUse: [...]`). */
function holdsGuardEvent(value: FieldValue | undefined): boolean {
  return (
    isMapping(value) &&
    Object.entries(value).some(([key, item]) => GUARD_EVENTS.has(key) && item !== null && !(Array.isArray(item) && item.length === 0))
  );
}

/** A hook matcher (`{ matcher, hooks: [...] }`) where an event map belongs. */
function isMatcher(value: FieldValue | undefined): boolean {
  if (!isMapping(value)) return false;
  if (!('matcher' in value) && Object.keys(value).some((key) => HOOK_EVENTS.has(key))) return false;
  const hooks = value['hooks'];
  if (Array.isArray(hooks)) return hooks.length > 0;
  return isMapping(hooks) && ('matcher' in value || typeof hooks['type'] === 'string');
}

/** Guard hooks somewhere within three levels of a value: Claude Code refuses an agent that holds them out of place. */
function holdsGuardHooks(
  value: FieldValue | undefined,
  depth = 3,
  options: { matchersCount: boolean; unscanned?: ReadonlySet<string>; inHooksList?: boolean } = { matchersCount: true },
): boolean {
  if (holdsGuardEvent(value)) return true;
  if (options.matchersCount && isMatcher(value)) return true;
  if (depth === 0 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => holdsGuardHooks(item, depth - 1, options));
  if (options.inHooksList && typeof value['type'] === 'string') return false;
  const unscanned = options.unscanned ?? new Set<string>();
  return Object.entries(value).some(
    ([key, item]) =>
      !unscanned.has(key) &&
      holdsGuardHooks(item, depth - 1, {
        unscanned,
        matchersCount: options.matchersCount && !HOOK_EVENTS.has(key),
        inHooksList: key === 'hooks' && Array.isArray(item),
      }),
  );
}

const isText = (value: FieldValue | undefined) => typeof value === 'string';
const isOptional = (value: FieldValue | undefined, check: (v: FieldValue) => boolean) => value === undefined || check(value);

/** Why one hook entry is not one Claude Code can run, if it is not. */
export function hookEntryProblem(entry: FieldValue): string | undefined {
  if (!isMapping(entry)) return 'a hook entry must be a mapping with a `type`';
  const type = entry['type'];
  if (typeof type !== 'string') return type === undefined ? 'a hook entry has no `type`' : 'a hook entry `type` must be text';
  const positive = (v: FieldValue) => typeof v === 'number' && v > 0;
  const textList = (v: FieldValue) => Array.isArray(v) && v.every(isText);
  const common =
    isOptional(entry['timeout'], positive) &&
    isOptional(entry['statusMessage'], isText) &&
    isOptional(entry['once'], (v) => typeof v === 'boolean');
  switch (type) {
    case 'command':
      return isText(entry['command']) && isOptional(entry['args'], textList) && common
        ? undefined
        : 'a `command` hook needs `command` as text';
    case 'prompt':
    case 'agent':
      return isText(entry['prompt']) && isOptional(entry['model'], isText) && common
        ? undefined
        : `a \`${type}\` hook needs \`prompt\` as text`;
    case 'http':
      return isText(entry['url']) && /^https?:\/\/./i.test(entry['url']) && common
        ? undefined
        : 'an `http` hook needs `url` as a web address';
    case 'mcp_tool':
      return isText(entry['server']) && isText(entry['tool']) && common
        ? undefined
        : 'an `mcp_tool` hook needs `server` and `tool` as text';
    default:
      return `\`${type.slice(0, 40)}\` is not a hook type (command, prompt, agent, http, mcp_tool)`;
  }
}

/**
 * The `hooks` field (and the rest of the frontmatter) as Claude Code judges it. A broken guard hook, guard hooks
 * outside `hooks`, a matcher or list where the event map belongs, or a `hooks` value that is not a mapping
 * make it drop the whole agent; unknown events and broken entries of other events are dropped one by one.
 */
export function hooksJudgement(fields: Fields): { unloadable: string | undefined; ignored: string[] } {
  const top: Plain = Object.fromEntries(fields);
  const ignored: string[] = [];
  if (
    holdsGuardEvent(top) ||
    Object.entries(top).some(
      ([key, value]) =>
        key !== 'hooks' &&
        !UNSCANNED_FIELDS.has(key) &&
        holdsGuardHooks(value, 3, { unscanned: UNSCANNED_FIELDS, matchersCount: !HOOK_EVENTS.has(key) }),
    )
  ) {
    return { unloadable: 'PreToolUse or PermissionRequest hooks sit outside `hooks:`, so Claude Code drops the whole agent', ignored };
  }
  const hooks = top['hooks'];
  if (!hooks) return { unloadable: undefined, ignored };
  if (isMatcher(hooks) || (Array.isArray(hooks) && hooks.some(isMatcher))) {
    return {
      unloadable: `hooks must map event names to lists of matchers; this is ${Array.isArray(hooks) ? 'a list of matchers' : 'a single matcher'}`,
      ignored,
    };
  }
  if (!isMapping(hooks))
    return {
      unloadable: `hooks must map event names (such as PreToolUse) to lists of matchers; this is ${Array.isArray(hooks) ? 'a list' : `a ${typeof hooks}`}`,
      ignored,
    };
  for (const [event, matchers] of Object.entries(hooks)) {
    const guard = GUARD_EVENTS.has(event);
    if (!HOOK_EVENTS.has(event)) {
      if (holdsGuardHooks(matchers, 3, { matchersCount: !Array.isArray(matchers) }))
        return { unloadable: `hooks.${event} is not a hook event, but it holds PreToolUse or PermissionRequest hooks`, ignored };
      ignored.push(`hooks.${event} is not a hook event; Claude Code ignores it`);
      continue;
    }
    if (!Array.isArray(matchers)) {
      if ((guard && matchers !== null) || holdsGuardHooks(matchers, 3, { matchersCount: false }))
        return { unloadable: `hooks.${event} must be a list of matchers`, ignored };
      ignored.push(`hooks.${event} is not a list of matchers; Claude Code ignores it`);
      continue;
    }
    for (const [index, matcher] of matchers.entries()) {
      const at = `hooks.${event}[${index}]`;
      if (holdsGuardHooks(matcher, 3, { matchersCount: false }))
        return { unloadable: `${at} holds PreToolUse or PermissionRequest hooks where a matcher belongs`, ignored };
      const problems: string[] = [];
      if (!isMapping(matcher)) problems.push('a matcher must be a mapping');
      else if (!Array.isArray(matcher['hooks'])) problems.push('a matcher needs `hooks:` as a list of hook entries');
      else {
        for (const entry of matcher['hooks']) {
          const problem = hookEntryProblem(entry);
          if (problem) problems.push(problem);
        }
        if (!isOptional(matcher['matcher'], isText)) problems.push('`matcher` must be text');
      }
      if (problems.length === 0) continue;
      if (guard) return { unloadable: `${at}: ${problems[0]!}`, ignored };
      ignored.push(`${at}: ${problems[0]!}; Claude Code drops it`);
    }
  }
  return { unloadable: undefined, ignored };
}

/** Why Claude Code rejects a `name` value, if it does. */
function nameSkip(value: FieldValue | undefined, line: number): ClaudeCodeSkip | undefined {
  if (value === undefined || value === null || value === '')
    return { reason: 'name-missing', line, message: 'No `name` field, so Claude Code skips this file.' };
  if (typeof value !== 'string')
    return {
      reason: 'name-not-text',
      line,
      message: `name is ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not text, so Claude Code skips this file. Put it in quotes.`,
    };
  if (value.startsWith('-'))
    return { reason: 'name-rejected', line, message: `name "${value.slice(0, 100)}" starts with \`-\`, so Claude Code skips this file.` };
  if (value.length > CLAUDE_CODE_LIMITS.nameChars)
    return {
      reason: 'name-rejected',
      line,
      message: `name is ${value.length} characters; Claude Code skips names longer than ${CLAUDE_CODE_LIMITS.nameChars}.`,
    };
  if (value.normalize('NFKC').includes(':'))
    return {
      reason: 'name-rejected',
      line,
      message: `name "${value.slice(0, 100)}" contains \`:\` (or a character that reads as one), which is reserved for plugin scopes, so Claude Code skips this file.`,
    };
  return undefined;
}

/** Why Claude Code rejects a `description` value, if it does. */
function descriptionSkip(value: FieldValue | undefined, line: number): ClaudeCodeSkip | undefined {
  if (value === undefined || value === null || value === '')
    return { reason: 'description-missing', line, message: 'No `description` field, so Claude Code skips this file.' };
  if (typeof value !== 'string')
    return {
      reason: 'description-not-text',
      line,
      message: `description is ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not text, so Claude Code skips this file. Put it in quotes.`,
    };
  return undefined;
}

/**
 * Reads a file as Claude Code does. `relPath` decides whether it is read at all (only `*.md`), `bytes` whether
 * it is small enough.
 */
export function readAsClaudeCode(input: { relPath: string; bytes: number; text: string }): ClaudeCodeReading {
  const reading: ClaudeCodeReading = {
    block: undefined,
    fields: undefined,
    strictFailure: undefined,
    skip: undefined,
    agent: undefined,
    ignoredHooks: [],
    cuts: [],
  };
  if (!input.relPath.endsWith('.md')) {
    reading.skip = {
      reason: 'not-markdown',
      line: 1,
      message: 'Claude Code reads only files whose name ends in `.md`, in lower case. Rename the file.',
    };
    return reading;
  }
  if (input.bytes > CLAUDE_CODE_LIMITS.fileBytes) {
    reading.skip = {
      reason: 'file-too-large',
      line: 1,
      message: `The file is ${input.bytes} bytes; Claude Code does not read agent files over 1 MiB.`,
    };
    return reading;
  }
  const found = claudeCodeBlock(input.text);
  reading.block = found?.block;
  if (!found) {
    reading.skip = {
      reason: 'no-frontmatter',
      line: 1,
      message: 'Claude Code finds no frontmatter: the file does not start with a `---` line followed, somewhere, by another `---`.',
    };
    return reading;
  }
  const { block, rawYaml } = found;
  const strict = parseYamlStrict(rawYaml);
  if ('fields' in strict) {
    reading.fields = strict.fields;
    reading.cuts = strict.cuts;
  } else {
    reading.strictFailure = strict.failure;
    const second = parseYamlStrict(quoteLossyValues(rawYaml));
    if ('fields' in second) {
      reading.fields = second.fields;
      reading.cuts = second.cuts;
    }
  }
  const lines = keyLines(block);
  const lineOf = (key: string) => lines.get(key) ?? block.openLine;
  if (!reading.fields) {
    const failure = reading.strictFailure!;
    reading.skip = {
      reason: 'yaml-unreadable',
      line: block.yamlLine - 1 + failure.yamlLine,
      message: `Claude Code cannot read the frontmatter, even after quoting its values (${failure.message}), so it skips this file.`,
    };
    return reading;
  }
  const fields = reading.fields;
  const name = fields.get('name');
  reading.skip = nameSkip(name, lineOf('name'));
  if (reading.skip) return reading;
  const description = fields.get('description');
  reading.skip = descriptionSkip(description, lineOf('description'));
  if (reading.skip) return reading;
  // Measured: a lone surrogate (a YAML escape such as "\uD800") in either makes Claude Code leave the agent out.
  for (const [key, value] of [
    ['name', name],
    ['description', description],
  ] as const) {
    if (!(value as string).isWellFormed()) {
      reading.skip = {
        reason: 'text-not-unicode',
        line: lineOf(key),
        message: `${key} holds a lone surrogate (an escape such as \\uD800 that is half a character), so Claude Code skips this file.`,
      };
      return reading;
    }
  }
  const hooks = hooksJudgement(fields);
  reading.ignoredHooks = hooks.ignored;
  if (hooks.unloadable) {
    reading.skip = {
      reason: 'hooks-unloadable',
      line: lineOf(fields.has('hooks') ? 'hooks' : 'PreToolUse'),
      message: `${hooks.unloadable}, so Claude Code skips this file.`,
    };
    return reading;
  }
  const disallowed = fields.get('disallowedTools');
  reading.agent = {
    name: name as string,
    description: (description as string).replaceAll('\\n', '\n'),
    tools: withMemoryTools(claudeToolList(fields.get('tools')), fields.get('memory')),
    disallowedTools: disallowed === undefined ? undefined : claudeToolList(disallowed),
  };
  return reading;
}

/**
 * Of several files in one agents folder that give the same name, the one Claude Code keeps: it reads the files
 * in order of their paths and the last one wins. Paths are relative to the folder, `/`-separated.
 */
export function keptOfSameName(relPaths: readonly string[]): string | undefined {
  return relPaths.toSorted().at(-1);
}

/** Tools an agent with `memory` always gets, added to its list when it has one. */
export const MEMORY_TOOLS = ['Write', 'Edit', 'Read'] as const;

/** An agent with a valid `memory` scope and a tools list gets Write, Edit and Read added. */
function withMemoryTools(tools: string[] | undefined, memory: FieldValue | undefined): string[] | undefined {
  if (tools === undefined || !['user', 'project', 'local'].includes(memory as string)) return tools;
  return [...tools, ...MEMORY_TOOLS.filter((tool) => !tools.includes(tool))];
}

/**
 * How Claude Code lists an agent it loaded, in the agent list it gives the model: `<name>: <description> (Tools: <tools>)`.
 * An empty tools list is listed as "All tools", though the agent gets none.
 */
export function claudeListingEntry(agent: ClaudeCodeAgent): string {
  const tools = agent.tools ?? [];
  const disallowed = agent.disallowedTools ?? [];
  let shown = 'All tools';
  if (tools.length > 0 && disallowed.length > 0) {
    const kept = tools.filter((tool) => !disallowed.includes(tool));
    shown = kept.length === 0 ? 'None' : kept.join(', ');
  } else if (tools.length > 0) {
    shown = tools.join(', ');
  } else if (disallowed.length > 0) {
    shown = `All tools except ${disallowed.join(', ')}`;
  }
  return `${agent.name}: ${agent.description} (Tools: ${shown})`;
}
