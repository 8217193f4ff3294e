// Ideas (Idéer): post-its with a collaborative text, placed on the assessment grid when judged.

import * as Y from 'yjs';
import { newId } from '../ids';
import { clampUnit, zoneOf, type Position, type Zone } from '../domain/zones';
import { roots } from './board';
import { BoardLimitError, bytesForText, ensureRoom, fitText, maxEntriesOf, MAX_COLOR_LENGTH, MAX_NAME_LENGTH, MAX_TEXT_LENGTH, type FittedText } from '../limits';
import { checksBounds, cleanShort, cleanText, ensureText, replaceText } from './text';
import { ensureArray, entryMaps, isRecord, readArray, readNumber, readOptionalString, readString } from './values';

/** The idea's author answering a clarifying question (a short thread on the post-it). */
export interface Answer {
  author: string;
  text: string;
  at: string;
}

export interface Question {
  author: string;
  text: string;
  at: string;
  /** The answers, oldest first; absent when there are none. */
  answers?: Answer[];
}

export interface Idea {
  id: string;
  text: string;
  author: string;
  /** Everyone whose text is on the post-it (the author first; more after duplicates are merged). */
  authors: string[];
  color: string;
  createdAt: string;
  round: number;
  /** Position on the grid, or null when not assessed. */
  position: Position | null;
  zone: Zone | null;
  questions: Question[];
  actionId?: string;
  /** When it was last placed on the grid (ISO); absent when never assessed or taken off (for "Siden sidst"). */
  assessedAt?: string;
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

/** An answer stored with the question it answers (`q`: the question's `at`, `qa`: its author). */
interface StoredAnswer extends Answer {
  q: string;
  qa: string;
}

function readAnswer(item: unknown): StoredAnswer | null {
  if (!isRecord(item) || typeof item.text !== 'string' || typeof item.q !== 'string') return null;
  return {
    q: item.q,
    qa: typeof item.qa === 'string' ? item.qa : '',
    text: item.text,
    author: typeof item.author === 'string' ? item.author : '',
    at: typeof item.at === 'string' ? item.at : '',
  };
}

/** The questions with their answers attached (an answer belongs to the question with its `at` and author). */
function readThread(map: Y.Map<unknown>): Question[] {
  const questions = readArray(map, 'questions', readQuestion);
  const answers = readArray(map, 'answers', readAnswer);
  if (answers.length === 0) return questions;
  return questions.map((question) => {
    const mine = answers.filter((a) => a.q === question.at && a.qa === question.author).map(({ author, text, at }) => ({ author, text, at }));
    return mine.length > 0 ? { ...question, answers: mine } : question;
  });
}

/** The authors list (merged post-its), the author first; junk entries are dropped. */
function readAuthors(map: Y.Map<unknown>, author: string): string[] {
  const value = map.get('authors');
  const list = value instanceof Y.Array ? value.toArray() : Array.isArray(value) ? value : [];
  const names = [author, ...list.filter((n): n is string => typeof n === 'string')].map((n) => n.trim()).filter((n) => n !== '');
  return [...new Set(names)];
}

export function readIdea(id: string, map: Y.Map<unknown>): Idea {
  const effect = clampUnit(map.get('effect'));
  const resources = clampUnit(map.get('resources'));
  const position = effect !== null && resources !== null ? { effect, resources } : null;
  const author = readString(map, 'author');
  return {
    id,
    text: readString(map, 'text'),
    author,
    authors: readAuthors(map, author),
    color: readString(map, 'color'),
    createdAt: readString(map, 'createdAt'),
    round: readNumber(map, 'round') ?? 0,
    position,
    zone: zoneOf(position),
    questions: readThread(map),
    actionId: readOptionalString(map, 'actionId'),
    ...(position ? { assessedAt: readOptionalString(map, 'assessedAt') } : {}),
  };
}

/** Ideas oldest first. */
export const compareIdeas = (a: Idea, b: Idea): number => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** All ideas, oldest first. */
export function readIdeas(doc: Y.Doc): Idea[] {
  return entryMaps(roots(doc).ideas)
    .map(([id, map]) => readIdea(id, map))
    .sort(compareIdeas);
}

export function ideaMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value = roots(doc).ideas.get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

/**
 * Throws BoardLimitError when one more post-it with this text does not fit. addIdea checks it
 * itself outside a transaction; a verb that adds an idea inside its own transaction calls this
 * first (inside one, the bounds are left to the caller).
 */
/** What one more post-it with `text` may add to the document, at most. */
const ideaBytes = (text: string) => bytesForText(Math.min(text.length, MAX_TEXT_LENGTH) + MAX_NAME_LENGTH + MAX_COLOR_LENGTH) + 200;

export function ensureRoomForIdea(doc: Y.Doc, text: string): void {
  ensureRoom(doc, roots(doc).ideas, 'ideas', ideaBytes(text));
}

/**
 * Throws BoardLimitError unless all of these post-its fit at once (a reveal of hidden ideas, an
 * undo that brings several back): the writers inside one transaction leave the check to us.
 */
export function ensureRoomForIdeas(doc: Y.Doc, texts: readonly string[]): void {
  const ideas = roots(doc).ideas;
  const max = maxEntriesOf('ideas');
  if (ideas.size + texts.length > max) throw new BoardLimitError({ limit: 'entries', root: 'ideas', max });
  ensureRoom(doc, null, null, texts.reduce((sum, text) => sum + ideaBytes(text), 0));
}

/**
 * Add a post-it; its text is cut to MAX_TEXT_LENGTH (the UI says so when `fitText(text).cut`).
 * Throws BoardLimitError (nothing written) when the board holds its most ideas or bytes.
 */
export function addIdea(doc: Y.Doc, input: IdeaInput): string {
  const id = newId();
  const text = cleanText(input.text.trim());
  if (checksBounds(doc)) ensureRoomForIdea(doc, text);
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('text', new Y.Text(text));
    map.set('author', cleanShort(input.author, MAX_NAME_LENGTH));
    map.set('color', input.color.slice(0, MAX_COLOR_LENGTH));
    map.set('createdAt', input.createdAt ?? new Date().toISOString());
    map.set('round', input.round ?? 0);
    map.set('effect', null);
    map.set('resources', null);
    map.set('questions', new Y.Array());
    roots(doc).ideas.set(id, map);
  });
  return id;
}

/**
 * Set a post-it's text (merged by diff), cut to MAX_TEXT_LENGTH: `cut` says whether it was, for
 * the UI to say so. Throws BoardLimitError (nothing written) when a longer text does not fit the
 * board's bytes.
 */
export function setIdeaText(doc: Y.Doc, id: string, text: string): FittedText {
  const fitted = fitText(text, MAX_TEXT_LENGTH);
  const map = ideaMap(doc, id);
  const growth = fitted.text.length - (map ? readString(map, 'text').length : 0);
  if (growth > 0 && checksBounds(doc)) ensureRoom(doc, null, null, bytesForText(growth));
  doc.transact(() => {
    if (map) replaceText(ensureText(map, 'text'), fitted.text);
  });
  return fitted;
}

/** Place an idea on the grid (values clamped to 0..1), or take it off with null; records when (`assessedAt`). */
export function assessIdea(doc: Y.Doc, id: string, position: Position | null, at = new Date().toISOString()): void {
  doc.transact(() => {
    const map = ideaMap(doc, id);
    if (!map) return;
    map.set('effect', position ? clampUnit(position.effect) : null);
    map.set('resources', position ? clampUnit(position.resources) : null);
    if (position) map.set('assessedAt', at);
    else map.delete('assessedAt');
  });
}

export function askQuestion(doc: Y.Doc, id: string, question: Question): void {
  const text = cleanText(question.text.trim());
  if (checksBounds(doc)) ensureRoom(doc, null, null, bytesForText(text.length + MAX_NAME_LENGTH) + 64);
  doc.transact(() => {
    const map = ideaMap(doc, id);
    if (map) ensureArray(map, 'questions').push([{ ...question, author: cleanShort(question.author, MAX_NAME_LENGTH), text }]);
  });
}

export function removeIdea(doc: Y.Doc, id: string): void {
  roots(doc).ideas.delete(id);
}
