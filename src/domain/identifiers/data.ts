/** Loads the identifier tables in data/identifiers/ once, at import time (the only I/O of this folder). */
import { readFileSync } from 'node:fs';

// src/domain/identifiers and dist/domain/identifiers both sit three levels below the project root.
const DATA_DIR = new URL('../../../data/identifiers/', import.meta.url);

export function loadJson<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, DATA_DIR), 'utf8')) as T;
}
