import type { Rule } from './rule.ts';

/**
 * Rules about the input itself rather than the agent format: files that cannot be read, links that
 * leave the source, and the limits of {@link ../limits.ts} that keep hostile files from taking the build down.
 */
export const INPUT_RULES = {
  'yaml-key-dropped': {
    severity: 'warning',
    title: 'Frontmatter line the recovery could not read',
    hint: 'Strict YAML rejected the frontmatter, and this line is not a `key: value` pair the recovery can read. Fix the YAML error first.',
  },
  'file-unreadable': {
    severity: 'error',
    title: 'File or folder cannot be read',
    hint: 'Check its permissions, or remove it from the source folder.',
  },
  'file-special': {
    severity: 'warning',
    title: 'Not a regular file or folder',
    hint: 'Pipes, sockets and devices are never read. Remove it from the source folder.',
  },
  'file-name-invalid': {
    severity: 'error',
    title: 'File name is not valid UTF-8',
    hint: 'Rename the file using UTF-8; its name cannot be shown or linked reliably.',
  },
  'symlink-outside': {
    severity: 'warning',
    title: 'Symbolic link leaves the source folder',
    hint: 'Links are followed only inside the source folder, so a cloned collection cannot publish files from the build machine. Set `followExternalLinks: true` on the source to follow it.',
  },
  'symlink-loop': {
    severity: 'warning',
    title: 'Symbolic link loop',
    hint: 'The link points back into a folder already read (or at itself). Remove it.',
  },
  'symlink-broken': {
    severity: 'warning',
    title: 'Broken symbolic link',
    hint: 'The link points at nothing. Remove it or fix its target.',
  },
  'limit-file-size': {
    severity: 'error',
    title: 'File too large',
    hint: 'Agent files are loaded into every run of the agent; split the prompt or move reference material elsewhere.',
  },
  'limit-frontmatter-size': {
    severity: 'error',
    title: 'Frontmatter too large',
    hint: 'Keep the frontmatter to the documented fields; put long text in the body.',
  },
  'limit-yaml-expansion': {
    severity: 'warning',
    title: 'YAML aliases expand too far to show',
    hint: 'Remove the anchors (`&`) and aliases (`*`); agent frontmatter needs neither. Claude Code reads such a file, up to some ten million values.',
  },
  'limit-yaml-depth': {
    severity: 'warning',
    title: 'YAML nested too deeply to show',
    hint: 'Agent frontmatter fields are strings and short lists; flatten the nesting.',
  },
  'yaml-alias-cycle': {
    severity: 'warning',
    title: 'YAML alias that contains itself',
    hint: 'Remove the anchor (`&`) and the alias (`*`) that refers back to it; Claude Code reads the rest of the frontmatter.',
  },
  'limit-frontmatter-keys': {
    severity: 'warning',
    title: 'Too many frontmatter fields',
    hint: 'Keep the frontmatter to the documented fields.',
  },
  'limit-field-length': {
    severity: 'warning',
    title: 'Field value too long',
    hint: 'Shorten the value; the page shows it cut.',
  },
  'limit-list-length': {
    severity: 'warning',
    title: 'List too long',
    hint: 'Shorten the list; the page shows only the first entries.',
  },
  'limit-prompt-size': {
    severity: 'warning',
    title: 'Prompt too long to render',
    hint: 'The page shows the prompt as plain text, cut; the download is complete. A shorter prompt also costs less on every run.',
  },
  'limit-prompt-nesting': {
    severity: 'warning',
    title: 'Prompt nested too deeply to render',
    hint: 'The page shows the prompt as plain text; the download is complete. Flatten the quotes or lists.',
  },
  'limit-folder-depth': {
    severity: 'warning',
    title: 'Folder nested too deeply',
    hint: 'Folders below this depth are not read. Move the agents up.',
  },
  'limit-file-count': {
    severity: 'error',
    title: 'Too many entries in one source',
    hint: 'Entries past the limit are not read. Point the source at a smaller folder.',
  },
  'categories-invalid': {
    severity: 'warning',
    title: 'Problem in a categories file',
    hint: 'Give each category a `label`, and an `order` that is a finite number. Categories the file cannot describe get a label made from the folder name.',
  },
  'internal-error': {
    severity: 'error',
    title: 'The catalogue failed on this file',
    hint: 'This is a bug in the catalogue, not necessarily in the file. The file was left out so the build could go on; please report it with the file.',
  },
} as const satisfies Record<string, Rule>;
