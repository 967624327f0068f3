import { join } from 'node:path';

export const templateDir = join(process.cwd(), 'node_modules', '.cache', 'periscope-test');
export const pgliteTemplatePath = join(templateDir, 'pglite-template.tar');
export const postgresTemplateName = () => 'periscope_template';
