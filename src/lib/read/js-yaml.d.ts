import type { Type } from 'js-yaml';

// js-yaml exports its built-in types as `types`; its typings leave them out. Only `merge` is used here.
declare module 'js-yaml' {
  export const types: { readonly merge: Type };
}
