/**
 * What the pages show for the other tools: per tool, the command that installs an agent's file for it (or a
 * set's files, by running the set's install script with the tool named) into the project, in either shell, and
 * for an agent the file the site publishes and what of the agent the tool cannot carry. Made when the page
 * renders, as the Claude Code commands are, from the agent's fields (its view holds them all).
 */
import { agentFolders, installCommand, scriptCommands, type InstallShell } from '../publish/install.ts';
import { exportSitePath, notCarriedBy, OTHER_TOOL_INFO, OTHER_TOOLS, type ExportSource, type OtherTool } from '../publish/other-tools.ts';
import { exportFileName } from '../publish/other-tool-files.ts';

export interface OtherToolRow {
  tool: OtherTool;
  label: string;
  /** Where the tool reads the files in a project, and for every project of the user. */
  projectFolder: string;
  userFolder: string;
  /** The commands that install into the project. */
  install: Record<InstallShell, string>;
  /** An agent's file as the site publishes it. */
  download?: { href: string; fileName: string } | undefined;
  notCarried: string[];
}

function rowOf(tool: OtherTool, install: Record<InstallShell, string>): OtherToolRow {
  const info = OTHER_TOOL_INFO[tool];
  return { tool, label: info.label, projectFolder: info.project, userFolder: `~/${info.user}`, install, notCarried: [] };
}

/** An agent's row per tool. `href` of a site path is made by `sitePath`; commands download from `origin`. */
export function otherToolRows(source: Omit<ExportSource, 'prompt'>, sitePath: (path: string) => string, origin: string): OtherToolRow[] {
  return OTHER_TOOLS.map((tool) => {
    const info = OTHER_TOOL_INFO[tool];
    const fileName = exportFileName(source, tool);
    const href = sitePath(exportSitePath(source.slug, tool));
    const items = [{ url: `${origin}${href}`, fileName }];
    const folders = agentFolders(info.user, info.project);
    return {
      ...rowOf(tool, {
        posix: installCommand(items, 'project', 'posix', folders),
        powershell: installCommand(items, 'project', 'powershell', folders),
      }),
      download: { href, fileName },
      // The prompt does not change what is carried over, bar Copilot's length limit, which the file itself states.
      notCarried: notCarriedBy({ ...source, prompt: '' }, tool),
    };
  });
}

/** A set's row per tool: its install scripts (at `scripts`, full addresses) run with the tool named, from the site at `base`. */
export function otherToolSetRows(scripts: { sh: string; ps1: string }, base: string): OtherToolRow[] {
  return OTHER_TOOLS.map((tool) => {
    const commands = scriptCommands(scripts, base, tool);
    return rowOf(tool, { posix: commands.posix.project.install, powershell: commands.powershell.project.install });
  });
}
