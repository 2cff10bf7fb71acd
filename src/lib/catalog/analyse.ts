import { createHash } from 'node:crypto';
import type { AgentData, SkippedFile } from './agent.ts';
import { cliFieldsOf } from '../fields/claude-agents.ts';
import { checkAgent } from '../check/checks.ts';
import { commandsRunBy, type AgentCommand } from '../fields/commands.ts';
import { cleanDescription, summarise } from '../fields/description.ts';
import type { DecodedText } from '../read/text.ts';
import { finding, sortFindings, verdictOf, type Finding, type FindingPlace } from '../check/findings.ts';
import { CLAUDE_CODE_VERSION, readAsClaudeCode, type ClaudeCodeSkip } from '../read/claude-code.ts';
import { keyLines, locateFrontmatter, type FrontmatterBlock } from '../read/frontmatter.ts';
import { LIMITS } from '../read/limits.ts';
import { promptLimit } from '../text/markdown.ts';
import { normaliseFields } from '../fields/normalise.ts';
import { placeFile } from './place.ts';
import { permissionProfile } from '../fields/profile.ts';
import type { RuleId } from '../check/rules.ts';
import { parseYamlStrict, parseYamlTolerant, type Fields } from '../read/yaml.ts';

/** An agent before the catalogue-wide steps give it a slug and find its twins; it still carries its prompt and the fields `claude --agents` takes. */
export type AgentDraft = Omit<AgentData, 'slug' | 'twins'> & {
  body: string;
  bodyLine: number;
  /** Line of the `description` key, where catalogue-wide findings about the description point. */
  descriptionLine: number;
  cliFields: ReturnType<typeof cliFieldsOf>;
};

/** What became of one file: an agent, or a skipped file with the reasons. */
export type FileOutcome = { kind: 'agent'; agent: AgentDraft } | { kind: 'skipped'; skipped: SkippedFile };

/** Findings of one rule past this many in one file are summed up in one more, so a hostile file cannot flood the report. */
const FINDINGS_PER_RULE = 50;

/** Line-ending style and final newline of a file's text. */
export function lineFacts(text: string): { lineEndings: AgentData['file']['lineEndings']; finalNewline: boolean } {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  const lineEndings = crlf === 0 && lf === 0 ? 'none' : crlf === 0 ? 'lf' : lf === 0 ? 'crlf' : 'mixed';
  return { lineEndings, finalNewline: text.endsWith('\n') };
}

function capPerRule(findings: Finding[]): Finding[] {
  const counts = new Map<string, number>();
  const kept: Finding[] = [];
  for (const f of findings) {
    const n = (counts.get(f.rule) ?? 0) + 1;
    counts.set(f.rule, n);
    if (n <= FINDINGS_PER_RULE) kept.push(f);
  }
  for (const [rule, n] of counts) {
    const last = findings.findLast((f) => f.rule === rule)!;
    if (n > FINDINGS_PER_RULE) kept.push({ ...last, message: `…and ${n - FINDINGS_PER_RULE} more findings of this rule in this file.` });
  }
  return kept;
}

/** The rule of a finding about why Claude Code skips a file. */
const SKIP_RULES: Readonly<Record<ClaudeCodeSkip['reason'], RuleId>> = {
  'not-markdown': 'file-extension',
  'file-too-large': 'file-too-large',
  'no-frontmatter': 'frontmatter-missing',
  'yaml-unreadable': 'yaml-unreadable',
  'name-missing': 'name-missing',
  'name-not-text': 'name-missing',
  'name-rejected': 'name-reserved',
  'description-missing': 'description-missing',
  'description-not-text': 'description-missing',
  'text-not-unicode': 'text-invalid-unicode',
  'hooks-unloadable': 'hooks-invalid',
};

/**
 * The fields to show when Claude Code cannot read the frontmatter (or finds none where a block is): a strict
 * reading of our own block, else a lenient one, each line it could not use a finding.
 */
function fieldsForThePage(block: FrontmatterBlock, place: FindingPlace): { fields: Fields; findings: Finding[] } {
  const strict = parseYamlStrict(block.yaml);
  if ('fields' in strict)
    return { fields: strict.fields, findings: strict.cuts.map((cut) => finding(cut.rule, place, block.yamlLine, `${cut.message}.`)) };
  const tolerant = parseYamlTolerant(block.yaml);
  return {
    fields: tolerant.fields,
    findings: tolerant.dropped.map((dropped) =>
      finding('yaml-key-dropped', place, block.yamlLine - 1 + dropped.yamlLine, `Recovery for this page: ${dropped.reason}.`),
    ),
  };
}

/** Why Claude Code does not see a block that is there: indented, after blank lines, or not opened and closed as it reads them. */
function displacedMessage(block: FrontmatterBlock): string {
  if (block.displacement === 'indented')
    return 'The frontmatter block is indented; Claude Code does not see it. Recovered it for this page.';
  if (block.displacement === 'leading-blank-lines')
    return 'Blank lines come before the frontmatter; Claude Code does not see it. Recovered it for this page.';
  return 'Claude Code does not see this frontmatter: its first line must be `---` alone (then a line break) at the very start of the file. Recovered it for this page.';
}

/**
 * Reads the frontmatter as Claude Code does, with the findings that say how (see claude-code.ts). When Claude
 * Code cannot read it, the fields for the page come from our own reading, and the reason is an error.
 */
function readFields(
  text: string,
  relPath: string,
  bytes: number,
  place: FindingPlace,
): { block: FrontmatterBlock; fields: Fields; findings: Finding[]; strict: boolean } | { findings: Finding[] } {
  const claude = readAsClaudeCode({ relPath, bytes, text });
  const ours = locateFrontmatter(text);
  const findings: Finding[] = [];
  const skip = claude.skip;
  const block = claude.block ?? ours;
  if (!block) {
    findings.push(
      finding(
        'frontmatter-missing',
        place,
        1,
        'No frontmatter block: the file does not start with a `---` line closed by another `---` line.',
      ),
    );
    return {
      findings: [
        ...findings,
        finding('name-missing', place, 1, 'No `name` field, so Claude Code skips this file.'),
        finding('description-missing', place, 1, 'No `description` field, so Claude Code skips this file.'),
      ],
    };
  }
  if (block.oversize || block.yaml.length > LIMITS.frontmatterBytes) {
    return {
      findings: [
        finding(
          'limit-frontmatter-size',
          place,
          block.openLine,
          `The frontmatter is larger than ${LIMITS.frontmatterBytes / 1024} KiB, so it was not read.`,
        ),
      ],
    };
  }
  if (skip?.reason === 'no-frontmatter') findings.push(finding('frontmatter-displaced', place, block.openLine, displacedMessage(block)));
  else if (skip) findings.push(finding(SKIP_RULES[skip.reason], place, skip.line, skip.message));
  if (claude.strictFailure && claude.fields) {
    const { yamlLine, message } = claude.strictFailure;
    findings.push(
      finding(
        'yaml-invalid',
        place,
        block.yamlLine - 1 + yamlLine,
        `Strict YAML rejects the frontmatter (${message}); Claude Code ${CLAUDE_CODE_VERSION} reads it after quoting the values.`,
      ),
    );
  }
  if (claude.block && (!ours || (!ours.oversize && claude.block.yaml !== ours.yaml))) {
    const endLine = claude.block.yamlLine + claude.block.yaml.split('\n').length - 1;
    findings.push(
      finding(
        'frontmatter-cut',
        place,
        endLine,
        `Claude Code ends the frontmatter at the \`---\` on line ${endLine}; what follows it is read as the prompt.`,
      ),
    );
  }
  for (const ignored of claude.ignoredHooks)
    findings.push(finding('hooks-ignored', place, keyLines(block).get('hooks') ?? block.yamlLine, `${ignored}.`));
  if (claude.fields) {
    for (const cut of claude.cuts) findings.push(finding(cut.rule, place, block.yamlLine, `${cut.message}.`));
    return { block, fields: claude.fields, findings, strict: !claude.strictFailure };
  }
  const page = fieldsForThePage(block, place);
  return { block, fields: page.fields, findings: [...findings, ...page.findings], strict: false };
}

/** Parses, normalises, checks and places one file's text. Pure: no I/O, so tests can pass text directly. */
export function analyseText(sourceId: string, relPath: string, decoded: DecodedText, bytes: Uint8Array): FileOutcome {
  const place: FindingPlace = { source: sourceId, file: relPath };
  const { text } = decoded;
  const skipped = (findings: Finding[]): FileOutcome => ({
    kind: 'skipped',
    skipped: { sourceId, relPath, findings: sortFindings(capPerRule(findings)) },
  });
  const findings: Finding[] = [];
  if (!decoded.validUtf8)
    findings.push(
      finding('encoding-invalid', place, 1, 'The file is not valid UTF-8; invalid bytes show as �. The download keeps the original bytes.'),
    );
  const read = readFields(text, relPath, decoded.bytes, place);
  findings.push(...read.findings);
  if (!('block' in read)) return skipped(findings);
  const { block } = read;
  const lines = keyLines(block);
  const lineOf = (key: string) => lines.get(key) ?? block.openLine;
  const normalised = normaliseFields(read.fields, place, lineOf);
  findings.push(...normalised.findings);
  const { name, description } = normalised.fields;
  if (!name && !findings.some((f) => f.rule === 'name-missing'))
    findings.push(finding('name-missing', place, lineOf('name'), 'No `name` field, so Claude Code skips this file.'));
  if (!description && !findings.some((f) => f.rule === 'description-missing'))
    findings.push(finding('description-missing', place, lineOf('description'), 'No `description` field, so Claude Code skips this file.'));
  if (!name || !description) return skipped(findings);

  const agentFields = { ...normalised.fields, name, description };
  const commands = commandsRunBy(read.fields);
  if (commands.length > 0) {
    const [first] = commands as [AgentCommand];
    const more = commands.length > 1 ? ` and ${commands.length - 1} more` : '';
    findings.push(
      finding(
        'runs-commands',
        place,
        lineOf(first.origin.startsWith('MCP') ? 'mcpServers' : 'hooks'),
        `Runs \`${first.command.slice(0, 200)}\` on your machine (${first.origin})${more}, whatever its tools allow and without asking.`,
      ),
    );
  }
  const limit = promptLimit(block.body);
  if (limit) findings.push(finding(limit.rule, place, block.bodyLine, limit.message));
  findings.push(...checkAgent({ place, agent: agentFields, fields: read.fields, lineOf, body: block.body, bodyLine: block.bodyLine }));
  const sorted = sortFindings(capPerRule(findings));
  const cleaned = cleanDescription(description);
  const placement = placeFile(relPath, normalised.fields.category);
  return {
    kind: 'agent',
    agent: {
      name,
      description,
      descriptionText: cleaned.text,
      examples: cleaned.examples,
      summary: summarise(cleaned.text),
      tools: agentFields.tools,
      disallowedTools: agentFields.disallowedTools,
      model: agentFields.model,
      skills: agentFields.skills,
      tags: agentFields.tags,
      otherFields: agentFields.otherFields,
      ...placement,
      sourceId,
      file: { relPath, absPath: '', bytes: decoded.bytes, sha256: createHash('sha256').update(bytes).digest('hex'), ...lineFacts(text) },
      frontmatter: block.text,
      strictParse: read.strict,
      findings: sorted,
      verdict: verdictOf(sorted),
      commands,
      profile: permissionProfile(agentFields.tools, agentFields.disallowedTools, commands.length > 0),
      nameLine: lineOf('name'),
      body: block.body,
      bodyLine: block.bodyLine,
      descriptionLine: lineOf('description'),
      cliFields: cliFieldsOf(read.fields),
    },
  };
}
