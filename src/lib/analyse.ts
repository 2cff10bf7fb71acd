import { createHash } from 'node:crypto';
import type { Agent, AgentData, SkippedFile } from './agent.ts';
import { cliFieldsOf } from './claude-agents.ts';
import { checkAgent } from './checks.ts';
import { cleanDescription, summarise } from './description.ts';
import type { DecodedText } from './files.ts';
import { finding, sortFindings, verdictOf, type Finding, type FindingPlace } from './findings.ts';
import { keyLines, locateFrontmatter, type FrontmatterBlock } from './frontmatter.ts';
import { LIMITS } from './limits.ts';
import { promptLimit } from './markdown.ts';
import { normaliseFields } from './normalise.ts';
import { placeFile } from './place.ts';
import { permissionProfile } from './profile.ts';
import { parseYamlStrict, parseYamlTolerant, type Fields } from './yaml.ts';

/** An agent before the catalogue-wide steps give it a slug and find its twins; it still carries its prompt and the fields `claude --agents` takes. */
export type AgentDraft = Omit<AgentData, 'slug' | 'twins'> & { body: string; bodyLine: number; cliFields: ReturnType<typeof cliFieldsOf> };

/** What became of one file: an agent, or a skipped file with the reasons. */
export type FileOutcome = { kind: 'agent'; agent: AgentDraft } | { kind: 'skipped'; skipped: SkippedFile };

/** Findings of one rule past this many in one file are summed up in one more, so a hostile file cannot flood the report. */
const FINDINGS_PER_RULE = 50;

/** Line-ending style and final newline of a file's text. */
export function lineFacts(text: string): { lineEndings: Agent['file']['lineEndings']; finalNewline: boolean } {
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

/** Reads the frontmatter fields: strictly, or leniently when the strict reading fails, reporting why. */
function readFields(block: FrontmatterBlock, place: FindingPlace): { fields: Fields; findings: Finding[]; strict: boolean } {
  const findings: Finding[] = [];
  if (block.displacement === 'indented') {
    findings.push(finding('frontmatter-displaced', place, block.openLine, 'The frontmatter block is indented; Claude Code does not see it. Recovered it for this page.'));
  } else if (block.displacement === 'leading-blank-lines') {
    findings.push(finding('frontmatter-displaced', place, block.openLine, 'Blank lines come before the frontmatter; Claude Code does not see it. Recovered it for this page.'));
  }
  const strict = parseYamlStrict(block.yaml);
  if ('fields' in strict) return { fields: strict.fields, findings, strict: !block.displacement };
  const { rule, yamlLine, message } = strict.failure;
  const what = rule === 'yaml-invalid' ? `YAML error: ${message}` : `The YAML was not read: ${message}`;
  findings.push(finding(rule, place, block.openLine + yamlLine, `${what}. Recovered the fields leniently for this page.`));
  const tolerant = parseYamlTolerant(block.yaml);
  for (const dropped of tolerant.dropped) findings.push(finding('yaml-key-dropped', place, block.openLine + dropped.yamlLine, `Recovery: ${dropped.reason}.`));
  return { fields: tolerant.fields, findings, strict: false };
}

/** Parses, normalises, checks and places one file's text. Pure: no I/O, so tests can pass text directly. */
export function analyseText(sourceId: string, relPath: string, decoded: DecodedText, bytes: Uint8Array): FileOutcome {
  const place: FindingPlace = { source: sourceId, file: relPath };
  const { text } = decoded;
  const skipped = (findings: Finding[]): FileOutcome => ({ kind: 'skipped', skipped: { sourceId, relPath, findings: sortFindings(capPerRule(findings)) } });
  const findings: Finding[] = [];
  if (!decoded.validUtf8) findings.push(finding('encoding-invalid', place, 1, 'The file is not valid UTF-8; invalid bytes show as �. The download keeps the original bytes.'));
  const block = locateFrontmatter(text);
  if (!block) {
    findings.push(finding('frontmatter-missing', place, 1, 'No frontmatter block: the file does not start with a `---` line closed by another `---` line in column 0.'));
    return skipped([...findings, finding('name-missing', place, 1, 'No `name` field, so Claude Code skips this file.'), finding('description-missing', place, 1, 'No `description` field, so Claude Code skips this file.')]);
  }
  if (block.oversize) {
    return skipped([...findings, finding('limit-frontmatter-size', place, block.openLine, `The frontmatter is larger than ${LIMITS.frontmatterBytes / 1024} KiB, so it was not read.`)]);
  }
  const read = readFields(block, place);
  findings.push(...read.findings);
  const lines = keyLines(block);
  const lineOf = (key: string) => lines.get(key) ?? block.openLine;
  const normalised = normaliseFields(read.fields, place, lineOf);
  findings.push(...normalised.findings);
  const { name, description } = normalised.fields;
  if (!name) findings.push(finding('name-missing', place, lineOf('name'), 'No `name` field, so Claude Code skips this file.'));
  if (!description) findings.push(finding('description-missing', place, lineOf('description'), 'No `description` field, so Claude Code skips this file.'));
  if (!name || !description) return skipped(findings);

  const agentFields = { ...normalised.fields, name, description };
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
      profile: permissionProfile(agentFields.tools),
      nameLine: lineOf('name'),
      body: block.body,
      bodyLine: block.bodyLine,
      cliFields: cliFieldsOf(read.fields),
    },
  };
}
