/**
 * What an agent page shows for the other tools: per tool, the file the site publishes, the command that
 * installs it into the project, and what of the agent the tool cannot carry. Made when the page renders, as
 * the Claude Code commands are, from the agent's fields (its view holds them all).
 */
import { agentFolders, installCommand } from '../publish/install.ts';
import { exportAgent, exportSitePath, OTHER_TOOL_INFO, OTHER_TOOLS, type ExportSource, type OtherTool } from '../publish/other-tools.ts';

export interface OtherToolRow {
  tool: OtherTool;
  label: string;
  docs: string;
  href: string;
  fileName: string;
  /** Where the tool reads it in a project, and for every project of the user. */
  projectPath: string;
  userPath: string;
  install: string;
  notCarried: string[];
}

/** One row per tool. `href` of a site path is made by `sitePath`; commands download from `origin`. */
export function otherToolRows(source: Omit<ExportSource, 'prompt'>, sitePath: (path: string) => string, origin: string): OtherToolRow[] {
  return OTHER_TOOLS.map((tool) => {
    const info = OTHER_TOOL_INFO[tool];
    // The prompt does not change what is carried over, bar Copilot's length limit, which the file itself states.
    const file = exportAgent({ ...source, prompt: '' }, tool);
    const href = sitePath(exportSitePath(source.slug, tool));
    return {
      tool,
      label: info.label,
      docs: info.docs,
      href,
      fileName: file.fileName,
      projectPath: file.path,
      userPath: `~/${info.user}/${file.fileName}`,
      install: installCommand(
        [{ url: `${origin}${href}`, fileName: file.fileName }],
        'project',
        'posix',
        agentFolders(info.user, info.project),
      ),
      notCarried: file.notCarried,
    };
  });
}
