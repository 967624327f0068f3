/**
 * Writes the DLP benchmark's deterministic corpus: filler lines of five flavours with labeled
 * sensitive values and hard negatives sprinkled in at known offsets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extension, type Flavour, filler } from './dlp-filler.ts';
import { hardNegative, type PlantKind, plant } from './dlp-plants.ts';
import { createRandom } from './dlp-values.ts';

export interface Label {
  file: string;
  kind: PlantKind;
  /** UTF-16 offsets in the file's text, as scanners see it. */
  start: number;
  end: number;
}

export interface CorpusSpec {
  seed: number;
  files: number;
  bytesPerFile: number;
  /** Kinds planted, drawn uniformly. */
  kinds: readonly PlantKind[];
  /** One plant per this many lines on average; hard negatives at the same rate. */
  linesPerPlant: number;
  flavours: readonly Flavour[];
}

export interface Corpus {
  dir: string;
  files: string[];
  bytes: number;
  labels: Label[];
  hardNegatives: number;
}

export function writeCorpus(dir: string, spec: CorpusSpec): Corpus {
  mkdirSync(dir, { recursive: true });
  const r = createRandom(spec.seed);
  const corpus: Corpus = { dir, files: [], bytes: 0, labels: [], hardNegatives: 0 };
  for (let i = 0; i < spec.files; i += 1) {
    const flavour = spec.flavours[i % spec.flavours.length] as Flavour;
    const file = join(dir, `${String(i).padStart(4, '0')}-${flavour}.${extension[flavour]}`);
    const lines: string[] = [];
    let length = 0;
    let bytes = 0;
    while (bytes < spec.bytesPerFile) {
      let line: string;
      const roll = r.int(spec.linesPerPlant * 2);
      if (roll === 0) {
        const p = plant(r, r.pick(spec.kinds));
        const start = length + p.offset;
        corpus.labels.push({ file, kind: p.kind, start, end: start + p.value.length });
        line = p.text;
      } else if (roll === 1) {
        line = hardNegative(r);
        corpus.hardNegatives += 1;
      } else {
        line = filler[flavour](r);
      }
      lines.push(line);
      length += line.length + 1;
      bytes += Buffer.byteLength(line) + 1;
    }
    const text = `${lines.join('\n')}\n`;
    writeFileSync(file, text);
    corpus.files.push(file);
    corpus.bytes += Buffer.byteLength(text);
  }
  return corpus;
}
