// Ideas (Idéer): post-its with a collaborative text, placed on the assessment grid when judged.

import * as Y from 'yjs';
import { newId } from '../ids';
import { clampUnit, zoneOf, type Position, type Zone } from '../domain/zones';
import { roots } from './board';
import { cleanText, ensureText, replaceText } from './text';
import { ensureArray, entryMaps, isRecord, readArray, readNumber, readOptionalString, readString } from './values';

export interface Question {
  author: string;
  text: string;
  at: string;
}

export interface Idea {
  id: string;
  text: string;
  author: string;
  color: string;
  createdAt: string;
  round: number;
  /** Position on the grid, or null when not assessed. */
  position: Position | null;
  zone: Zone | null;
  questions: Question[];
  actionId?: string;
}

export interface IdeaInput {
  text: string;
  author: string;
  color: string;
  round?: number;
  createdAt?: string;
}

function readQuestion(item: unknown): Question | null {
  if (!isRecord(item) || typeof item.text !== 'string') return null;
  return {
    text: item.text,
    author: typeof item.author === 'string' ? item.author : '',
    at: typeof item.at === 'string' ? item.at : '',
  };
}

export function readIdea(id: string, map: Y.Map<unknown>): Idea {
  const effect = clampUnit(map.get('effect'));
  const resources = clampUnit(map.get('resources'));
  const position = effect !== null && resources !== null ? { effect, resources } : null;
  return {
    id,
    text: readString(map, 'text'),
    author: readString(map, 'author'),
    color: readString(map, 'color'),
    createdAt: readString(map, 'createdAt'),
    round: readNumber(map, 'round') ?? 0,
    position,
    zone: zoneOf(position),
    questions: readArray(map, 'questions', readQuestion),
    actionId: readOptionalString(map, 'actionId'),
  };
}

/** All ideas, oldest first. */
export function readIdeas(doc: Y.Doc): Idea[] {
  return entryMaps(roots(doc).ideas)
    .map(([id, map]) => readIdea(id, map))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function ideaMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value = roots(doc).ideas.get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

export function addIdea(doc: Y.Doc, input: IdeaInput): string {
  const id = newId();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('text', new Y.Text(cleanText(input.text.trim())));
    map.set('author', input.author.trim());
    map.set('color', input.color);
    map.set('createdAt', input.createdAt ?? new Date().toISOString());
    map.set('round', input.round ?? 0);
    map.set('effect', null);
    map.set('resources', null);
    map.set('questions', new Y.Array());
    roots(doc).ideas.set(id, map);
  });
  return id;
}

export function setIdeaText(doc: Y.Doc, id: string, text: string): void {
  doc.transact(() => {
    const map = ideaMap(doc, id);
    if (map) replaceText(ensureText(map, 'text'), cleanText(text));
  });
}

/** Place an idea on the grid (values clamped to 0..1), or take it off with null. */
export function assessIdea(doc: Y.Doc, id: string, position: Position | null): void {
  doc.transact(() => {
    const map = ideaMap(doc, id);
    if (!map) return;
    map.set('effect', position ? clampUnit(position.effect) : null);
    map.set('resources', position ? clampUnit(position.resources) : null);
  });
}

export function askQuestion(doc: Y.Doc, id: string, question: Question): void {
  doc.transact(() => {
    const map = ideaMap(doc, id);
    if (map) ensureArray(map, 'questions').push([{ ...question, text: cleanText(question.text.trim()) }]);
  });
}

export function removeIdea(doc: Y.Doc, id: string): void {
  roots(doc).ideas.delete(id);
}
