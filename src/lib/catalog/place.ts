import { categoryIdFromFolder, ROOT_CATEGORY } from './categories.ts';

/** Where a file sits in the category tree of its source. */
export interface Placement {
  /** Category id: a slug, capped in length like every slug. */
  categoryId: string;
  /** The folder name or `category:` value the id came from, e.g. `01-core-development`. */
  categoryFolder: string;
  /** Folders below the category folder, e.g. ['social-media']. */
  subPath: string[];
}

/**
 * Places a file: a `category:` field names its category explicitly and wins over the folder; otherwise
 * the first folder is the category and deeper folders are a sub-path within it. Files at the top of a
 * flat source with no field go to `general`.
 */
export function placeFile(relPath: string, categoryField: string | undefined): Placement {
  const dirs = relPath.split('/').slice(0, -1);
  const named = categoryField?.trim() || undefined;
  const folder = named ?? dirs[0] ?? ROOT_CATEGORY;
  return { categoryId: categoryIdFromFolder(folder), categoryFolder: folder, subPath: dirs.slice(1) };
}
