/** Periscope as the sender named in every exported event; the version is package.json's. */
import { readFileSync } from 'node:fs';
import type { ProductInfo } from './export-event.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const periscopeProduct: ProductInfo = { name: 'Periscope', vendor: 'Periscope', version: pkg.version };
