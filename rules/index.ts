/**
 * The rule catalog: every rule, listed explicitly. A conformance test checks this list equals
 * the files on disk and that ids match paths.
 */
import type { Rule } from './define-rule.ts';

export const rules: Rule[] = [];
