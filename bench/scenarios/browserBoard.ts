// Browser board (issue 9, "Speed on a full board"): a board with 500 ideas (450 assessed, 60 of
// them promoted), 100 actions and 3 goals × 36 monthly periods, opened by its edit link in
// headless Debian Chromium (playwright-core, never a downloaded browser) and measured in the page
// with the Performance API:
//   - load: navigation start → interactive (all 500 Idéer post-its in the DOM and then the end of
//     the last long task before a 500 ms window without one), the longest task, total blocking
//     time; cold (a fresh browser context: empty HTTP cache and IndexedDB) and warm (the same page
//     navigated again: cache and IndexedDB filled) runs;
//   - drag: a post-it on the assessment grid dragged with the mouse in 60 steps (back to back)
//     while a requestAnimationFrame loop records frame intervals;
//   - typing: 20 characters typed into one post-it's text editor and saved (Ctrl+Enter) while a
//     MutationObserver records which post-its' DOM changed and a stub React DevTools hook counts
//     the components React rendered.
// The client is built into a private directory; our server (bench/servers/ours-static.ts, a child
// process) serves it from there with a temporary DATA_DIR. Every wait is bounded.

import os from 'node:os';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import * as Y from 'yjs';
import { addDays, dateInZone } from '../../shared/domain/calendar';
import { addPeriods, periodOfDate } from '../../shared/domain/periods';
import { addAction, addGoal, addIdea, assessIdea, promoteToAction, setActionDeadline, setActionStatus, setActual, setTarget } from '../../shared/schema';
import type { ActionStatus } from '../../shared/domain/actionStatus';
import { connectClient, createBoard, sleep, withTimeout } from '../lib/clients';
import fs from 'node:fs';
import { forgetTempDir, makeTempDir, readCpuSeconds, readMachineBusySeconds, startServer, type ServerProcess } from '../lib/servers';
import { Samples, type LatencySummary } from '../lib/stats';
import { buildClient } from './initialJs';

export const BOARD_SIZE = { ideas: 500, assessed: 450, promoted: 60, actions: 100, goals: 3, periods: 36 } as const;
export const BUDGET = { interactiveMs: 1500, dragP95Ms: 20, typingPostIts: 1 } as const;
/** The main thread counts as quiet after this long without a long task (TTI-style, shorter than Lighthouse's 5 s). */
export const QUIET_MS = 500;
const DRAG_STEPS = 60;
const TYPED = 'hurtigere på tavlen!'; // 20 characters
const IDENTITY_KEY = 'maaltavle.identity';

export interface LoadRun {
  rep: number;
  kind: 'cold' | 'warm';
  ok: boolean;
  error?: string;
  /** ms from navigation start (performance.timeOrigin) */
  cardsMs?: number;
  interactiveMs?: number;
  longestTaskMs?: number;
  longTasks?: number;
  /** Σ (long task − 50 ms) up to interactive */
  blockingMs?: number;
  fcpMs?: number;
  domContentLoadedMs?: number;
  loadEventMs?: number;
  cards?: number;
  /** 1-minute load average when the run ended (how busy the machine was). */
  load1?: number;
  /** CPU other processes (not the bench, its Chromium, our server) used during the run, % of one core. */
  backgroundCpuPercent?: number;
}

export interface DragRun {
  rep: number;
  ok: boolean;
  error?: string;
  /** From the first move to the last: 60 moves in this long. */
  dragMs?: number;
  frames?: LatencySummary;
  /** Only the frames that followed a pointermove. */
  moveFrames?: LatencySummary;
  /** The frame intervals themselves (pooled over the runs for the budget row). */
  intervals?: number[];
  /** Frame intervals of the same page doing nothing, just before the drag (the floor). */
  idle?: LatencySummary;
  longestTaskMs?: number;
  /** After the drop (the assessment is written, the grid laid out again): longest task within 1.5 s. */
  dropLongestTaskMs?: number;
  /** Other processes' CPU during the drag, % of one core. */
  backgroundCpuPercent?: number;
}

export interface TypingPhase {
  /** Distinct ideas (data-idea-id) whose post-it in Idéer changed in the DOM. */
  ideaCards: number;
  /** Distinct ideas whose card or marker on the assessment grid changed. */
  gridCards: number;
  /** Distinct ideas touched anywhere (Idéer, grid, list) — the budget's "post-its". */
  postIts: number;
  /** Only the post-it typed into (or nothing) was touched. */
  onlyThatOne: boolean;
  /** Mutation records outside any post-it, by the field they are in. */
  outside: Record<string, number>;
  commits: number;
  /** Components React rendered (function/class/forwardRef/memo), over all commits. */
  components: number;
  /** Distinct Idéer post-its whose card component rendered. */
  cardComponents: number;
  longestTaskMs: number;
}

export interface TypingRun {
  rep: number;
  ok: boolean;
  error?: string;
  typing?: TypingPhase;
  save?: TypingPhase;
  /** React's DevTools hook was injected (the React counts are real), or not (they are 0). */
  reactHooked?: boolean;
}

export interface BrowserBoardResult {
  ok: boolean;
  error?: string;
  reps: number;
  chromium?: string;
  buildMs?: number;
  seedMs?: number;
  stateBytes?: number;
  loads: LoadRun[];
  drags: DragRun[];
  typings: TypingRun[];
  /** Frame intervals of every drag pooled. */
  dragFrames?: LatencySummary;
  pageErrors: string[];
  loadavgBefore?: number[];
  loadavgAfter?: number[];
  totalMs?: number;
}

// ---------------------------------------------------------------- the board

/** The n-th point of the R2 low-discrepancy sequence in [0, 1)²: spread evenly, and the same every run. */
const r2 = (n: number) => ({ x: (0.5 + n * 0.7548776662) % 1, y: (0.5 + n * 0.5698402910) % 1 });

const PEOPLE = ['Mette', 'Lars', 'Ulla', 'Jonas', 'Sofie', 'Karim', 'Birgitte', 'Henrik'];
const VERBS = ['Ring til', 'Skriv til', 'Hjælp', 'Vejled', 'Spørg', 'Besøg', 'Inviter', 'Følg op på'];
const WHO = ['borgere over 75', 'pårørende', 'nye tilflyttere', 'virksomheder', 'foreninger', 'skoler', 'plejehjem', 'biblioteket'];
const ABOUT = ['digitale ansøgninger', 'MitID', 'Digital Post', 'selvbetjening', 'sagsbehandlingstid', 'fuldmagt', 'borger.dk', 'breve om afgørelser'];
const STATUSES: ActionStatus[] = ['decided', 'started', 'finished', 'evaluated'];

/** 500 ideas (450 assessed, 60 promoted), 100 actions, 3 goals × 36 monthly periods, in one transaction. */
export function seedFullBoard(doc: Y.Doc): void {
  let picks = 0;
  // Walks each list with a different stride, so texts vary without a random source.
  const pick = <T>(list: readonly T[]) => list[(picks++ * 5 + Math.floor(picks / list.length)) % list.length]!;
  const today = dateInZone(new Date());
  const month = periodOfDate(today, 'monthly');
  doc.transact(() => {
    const goals = [
      addGoal(doc, { name: 'Andel digitale ansøgninger', unit: '%', direction: 'up', owner: 'Mette', frequency: 'monthly' }),
      addGoal(doc, { name: 'Sagsbehandlingstid', unit: 'dage', direction: 'down', owner: 'Lars', frequency: 'monthly' }),
      addGoal(doc, { name: 'Henvendelser i borgerservice', unit: 'antal', direction: 'down', owner: 'Ulla', frequency: 'monthly' }),
    ];
    goals.forEach((goal, g) => {
      const base = [55, 9, 1200][g]!;
      const step = [0.7, -0.05, -10][g]!;
      for (let i = 0; i < BOARD_SIZE.periods; i++) {
        // 30 months back to 6 ahead: targets for all, actuals for the past ones.
        const period = addPeriods(month, i - 30);
        setTarget(doc, goal, period, Math.round((base + step * i) * 10) / 10);
        if (i < 30) setActual(doc, goal, period, Math.round((base + step * i * 0.9 + (r2(i + g).x - 0.5) * Math.abs(step) * 6) * 10) / 10, { by: PEOPLE[g]! });
      }
    });
    const start = Date.now() - 120 * 86_400_000;
    const assessed: string[] = [];
    for (let i = 0; i < BOARD_SIZE.ideas; i++) {
      const text = `${pick(VERBS)} ${pick(WHO)} om ${pick(ABOUT)} (${i + 1})`;
      const id = addIdea(doc, { text, author: pick(PEOPLE), color: i % 2 ? '#cdeffd' : '#fff3a3', createdAt: new Date(start + i * 3_600_000).toISOString() });
      if (i < BOARD_SIZE.assessed) {
        const { x, y } = r2(i);
        assessIdea(doc, id, { effect: Math.round(x * 100) / 100, resources: Math.round(y * 100) / 100 });
        assessed.push(id);
      }
    }
    for (let i = 0; i < BOARD_SIZE.actions; i++) {
      const by = pick(PEOPLE);
      const id =
        i < BOARD_SIZE.promoted
          ? promoteToAction(doc, assessed[i * 7]!, by)!
          : addAction(doc, { title: `${pick(VERBS)} ${pick(WHO)} om ${pick(ABOUT)}`, responsible: pick(PEOPLE), by });
      setActionDeadline(doc, id, addDays(today, ((i * 37) % 120) - 30));
      const status = STATUSES[i % STATUSES.length]!;
      if (status !== 'decided') setActionStatus(doc, id, status, by);
    }
  });
}

const seeded = (doc: Y.Doc) =>
  doc.getMap('ideas').size === BOARD_SIZE.ideas && doc.getMap('actions').size === BOARD_SIZE.actions && doc.getMap('goals').size === BOARD_SIZE.goals;

// ---------------------------------------------------------------- how busy the rest of the machine was

/** CPU seconds of this process and all its descendants (Chromium's processes, our server). */
function ownTreeCpuSeconds(): number {
  const parents = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const mine = new Set([process.pid]);
  for (let grown = true, rounds = 0; grown && rounds < 20; rounds++) {
    grown = false;
    for (const [pid, ppid] of parents) if (!mine.has(pid) && mine.has(ppid)) (mine.add(pid), (grown = true));
  }
  let total = 0;
  for (const pid of mine) {
    try {
      total += readCpuSeconds(pid);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Starts a window; its end gives what other processes used meanwhile, in % of one core. */
function backgroundWindow(): () => number {
  const wall = performance.now();
  const busy = readMachineBusySeconds();
  const own = ownTreeCpuSeconds();
  return () => {
    const seconds = (performance.now() - wall) / 1000;
    const others = readMachineBusySeconds() - busy - (ownTreeCpuSeconds() - own);
    return seconds > 0 ? Math.max(0, (others / seconds) * 100) : NaN;
  };
}

// ---------------------------------------------------------------- in the page

interface PageProbe {
  navigation: { domContentLoadedEventEnd: number; loadEventEnd: number } | null;
  fcp: number | null;
  cardsAt: number | null;
  cards: number;
  longTasks: [number, number][];
  now: number;
}

/**
 * Runs in the page before any of its scripts, on every navigation: the name (so the name dialog
 * does not open), observers for long tasks, paint and navigation, the moment all Idéer post-its
 * are in the DOM, and recorders for frames, DOM changes and React commits that the bench turns on
 * and off. A stub React DevTools hook counts commits only while a recording is on.
 */
function pageInit({ cards, identityKey }: { cards: number; identityKey: string }): void {
  try {
    if (!localStorage.getItem(identityKey)) localStorage.setItem(identityKey, JSON.stringify({ state: { name: 'Bench' }, version: 0 }));
  } catch {
    // not an origin with storage (about:blank)
  }
  type Fiber = { tag: number; flags: number; child: Fiber | null; sibling: Fiber | null; alternate: Fiber | null; stateNode: unknown };
  const bench = {
    navigation: null as PageProbe['navigation'],
    fcp: null as number | null,
    cardsAt: null as number | null,
    cards: 0,
    longTasks: [] as [number, number][],
    frames: null as number[] | null,
    moveFrames: [] as number[],
    dom: null as null | { ideaCards: Set<string>; gridCards: Set<string>; ids: Set<string>; outside: Record<string, number> },
    react: null as null | { commits: number; components: number; cardIds: Set<string> },
    reactHooked: false,
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  const observe = (type: string, onEntry: (entry: PerformanceEntry) => void) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {
      // entry type not supported
    }
  };
  observe('longtask', (e) => bench.longTasks.push([e.startTime, e.duration]));
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') bench.fcp = e.startTime;
  });
  observe('navigation', (e) => {
    const n = e as PerformanceNavigationTiming;
    if (n.loadEventEnd > 0) bench.navigation = { domContentLoadedEventEnd: n.domContentLoadedEventEnd, loadEventEnd: n.loadEventEnd };
  });

  const SELECTOR = '[data-field="ideas"] li.idea-card';
  const cardsWatch = new MutationObserver((records) => {
    if (bench.cardsAt !== null || !records.some((r) => r.addedNodes.length > 0)) return;
    bench.cards = document.querySelectorAll(SELECTOR).length;
    if (bench.cards >= cards) {
      bench.cardsAt = performance.now();
      cardsWatch.disconnect();
    }
  });
  cardsWatch.observe(document, { childList: true, subtree: true });

  // Frames: requestAnimationFrame intervals while on; those of frames that followed a pointermove
  // (the page had a move of the drag to handle) also apart.
  let last = 0;
  let moved = false;
  addEventListener('pointermove', () => (moved = true), { capture: true, passive: true });
  const frame = (t: number) => {
    if (!bench.frames) return;
    if (last) {
      bench.frames.push(t - last);
      if (moved) bench.moveFrames.push(t - last);
    }
    moved = false;
    last = t;
    requestAnimationFrame(frame);
  };
  const w = window as unknown as Record<string, unknown>;
  w.__benchFramesStart = () => {
    bench.frames = [];
    bench.moveFrames = [];
    last = 0;
    requestAnimationFrame(frame);
  };
  w.__benchFramesStop = () => {
    const out = { all: bench.frames ?? [], moved: bench.moveFrames };
    bench.frames = null;
    return out;
  };

  // DOM changes: which post-its (by idea id) changed, and what changed outside them.
  const domWatch = new MutationObserver((records) => {
    const dom = bench.dom;
    if (!dom) return;
    for (const record of records) {
      const node = record.target;
      const element = node instanceof Element ? node : node.parentElement;
      const card = element?.closest('[data-idea-id]');
      const id = card?.getAttribute('data-idea-id');
      if (card && id) {
        dom.ids.add(id);
        if (card.matches('[data-field="ideas"] li.idea-card')) dom.ideaCards.add(id);
        else if (card.matches('.grid-card')) dom.gridCards.add(id);
      } else {
        const where = element?.closest('[data-field]')?.getAttribute('data-field') ?? 'outside the fields';
        dom.outside[where] = (dom.outside[where] ?? 0) + 1;
      }
    }
  });
  w.__benchDomStart = () => {
    bench.dom = { ideaCards: new Set(), gridCards: new Set(), ids: new Set(), outside: {} };
    bench.react = { commits: 0, components: 0, cardIds: new Set() };
    domWatch.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  };
  w.__benchDomStop = () => {
    domWatch.takeRecords();
    domWatch.disconnect();
    const dom = bench.dom!;
    const react = bench.react!;
    bench.dom = null;
    bench.react = null;
    return {
      ideaCards: [...dom.ideaCards],
      gridCards: [...dom.gridCards],
      ids: [...dom.ids],
      outside: dom.outside,
      commits: react.commits,
      components: react.components,
      cardIds: [...react.cardIds],
    };
  };

  // React: a minimal DevTools hook. A commit's rendered components are found as React DevTools
  // does: descend only where a fiber's children were re-created this commit (next.child !==
  // prev.child) and count components that mounted or have PerformedWork (flag 1) set.
  const COMPONENT = new Set([0, 1, 11, 15]); // function, class, forwardRef, simple memo
  const firstHost = (fiber: Fiber): Element | null => {
    let f = fiber.child;
    for (let depth = 0; f && depth < 40; depth++, f = f.child) if (f.tag === 5) return f.stateNode instanceof Element ? f.stateNode : null;
    return null;
  };
  const countCommit = (rootFiber: Fiber) => {
    const react = bench.react;
    if (!react) return;
    react.commits++;
    const stack: Fiber[] = [rootFiber];
    for (let guard = 0; stack.length && guard < 200_000; guard++) {
      const next = stack.pop()!;
      const prev = next.alternate;
      if (COMPONENT.has(next.tag) && (!prev || (next.flags & 1) === 1)) {
        react.components++;
        const host = firstHost(next);
        if (host?.matches('li.idea-card') && host.closest('[data-field="ideas"]')) react.cardIds.add(host.getAttribute('data-idea-id') ?? '?');
      }
      if (!prev || next.child !== prev.child) for (let c = next.child; c; c = c.sibling) stack.push(c);
    }
  };
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject(renderer: unknown) {
      bench.reactHooked = true;
      (this as { renderers: Map<number, unknown> }).renderers.set(1, renderer);
      return 1;
    },
    onCommitFiberRoot(_id: number, root: { current: Fiber }) {
      if (bench.react) countCommit(root.current);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
}

const probe = (page: Page) =>
  page.evaluate((): PageProbe => {
    const b = (window as unknown as { __bench?: PageProbe }).__bench;
    return {
      navigation: b?.navigation ?? null,
      fcp: b?.fcp ?? null,
      cardsAt: b?.cardsAt ?? null,
      cards: b?.cards ?? document.querySelectorAll('[data-field="ideas"] li.idea-card').length,
      longTasks: b?.longTasks ?? [],
      now: performance.now(),
    };
  });

/**
 * Interactive, TTI-style: from the moment all post-its are in the DOM, the end of the last long
 * task before the first window of QUIET_MS without a long task (the moment itself if none
 * follows). null while that window has not passed yet (with 200 ms for the entries to arrive).
 */
export function interactiveAt(cardsAt: number, tasks: [number, number][], now: number): number | null {
  let t = cardsAt;
  for (const [start, duration] of [...tasks].sort((a, b) => a[0] - b[0])) {
    if (start + duration <= t) continue;
    if (start - t >= QUIET_MS) return t;
    t = Math.max(t, start + duration);
  }
  return now - t >= QUIET_MS + 200 ? t : null;
}

const summarise = (values: number[]) => {
  const s = new Samples();
  for (const v of values) s.add(v);
  return s.summary();
};

async function measureLoad(page: Page, link: string, rep: number, kind: 'cold' | 'warm'): Promise<LoadRun> {
  const background = backgroundWindow();
  try {
    await page.goto(link, { waitUntil: 'commit', timeout: 20_000 });
    const deadline = Date.now() + 30_000;
    for (let i = 0; i < 400; i++) {
      await sleep(250);
      const p = await probe(page);
      const interactive = p.cardsAt === null ? null : interactiveAt(p.cardsAt, p.longTasks, p.now);
      if (interactive !== null && p.cardsAt !== null) {
        const before = p.longTasks.filter(([start]) => start < interactive);
        return {
          rep,
          kind,
          ok: true,
          cardsMs: p.cardsAt,
          interactiveMs: interactive,
          longestTaskMs: Math.max(0, ...before.map(([, d]) => d)),
          longTasks: before.length,
          blockingMs: before.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
          fcpMs: p.fcp ?? undefined,
          domContentLoadedMs: p.navigation?.domContentLoadedEventEnd,
          loadEventMs: p.navigation?.loadEventEnd,
          cards: p.cards,
          load1: os.loadavg()[0],
          backgroundCpuPercent: background(),
        };
      }
      if (Date.now() > deadline) return { rep, kind, ok: false, error: `not interactive within 30 s (${p.cards} of ${BOARD_SIZE.ideas} post-its in the DOM)` };
    }
    return { rep, kind, ok: false, error: 'gave up waiting' };
  } catch (error) {
    return { rep, kind, ok: false, error: (error as Error).message.split('\n')[0] };
  }
}

type Frames = { all: number[]; moved: number[] };

async function measureDrag(page: Page, rep: number): Promise<DragRun> {
  try {
    const grid = page.locator('[data-testid="assessment-grid"]');
    await grid.scrollIntoViewIfNeeded({ timeout: 5000 });
    const box = await grid.boundingBox({ timeout: 5000 });
    if (!box) throw new Error('the assessment grid has no box');
    // A post-it (card or marker) on the grid, near the middle of the upper-left quadrant, so the drag has room.
    const cards = grid.locator('.grid-card[data-idea-id]:not(.remote-ghost)');
    const count = await cards.count();
    if (count === 0) throw new Error('no post-it on the grid');
    const card = cards.nth((rep * 37) % count);
    const from = await card.boundingBox({ timeout: 5000 });
    if (!from) throw new Error('the post-it has no box');
    const x0 = from.x + from.width / 2;
    const y0 = from.y + from.height / 2;
    // The idle floor: 30 frames of the page doing nothing.
    await page.evaluate(() => (window as unknown as { __benchFramesStart(): void }).__benchFramesStart());
    await sleep(30 * 16.7);
    const idle = (await page.evaluate(() => (window as unknown as { __benchFramesStop(): Frames }).__benchFramesStop())).all;
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(x0 + 12, y0 + 8, { steps: 3 }); // past dnd-kit's 6 px activation distance
    await page.locator('[data-dragging="true"], .is-dragging').first().waitFor({ state: 'attached', timeout: 5000 });
    const background = backgroundWindow();
    const t0 = await page.evaluate(() => {
      (window as unknown as { __benchFramesStart(): void }).__benchFramesStart();
      return performance.now();
    });
    // Along a diagonal of the grid and back towards the middle: 60 moves.
    const path = (i: number) => {
      const f = i / DRAG_STEPS;
      const a = f < 0.5 ? f * 2 : 2 - f * 2;
      return { x: box.x + box.width * (0.15 + 0.7 * a), y: box.y + box.height * (0.2 + 0.6 * (f < 0.5 ? a : a * 0.8)) };
    };
    // Back to back: each move waits for Chromium to take the event, so the pace is what the page allows.
    for (let i = 1; i <= DRAG_STEPS; i++) {
      const p = path(i);
      await page.mouse.move(p.x, p.y);
    }
    const { frames, t1 } = await page.evaluate(() => ({
      frames: (window as unknown as { __benchFramesStop(): Frames }).__benchFramesStop(),
      t1: performance.now(),
    }));
    const backgroundCpuPercent = background();
    await page.mouse.up();
    await sleep(1500);
    const p = await probe(page);
    const during = p.longTasks.filter(([start, d]) => start + d > t0 && start < t1);
    const after = p.longTasks.filter(([start]) => start >= t1);
    return {
      rep,
      ok: true,
      dragMs: t1 - t0,
      frames: summarise(frames.all),
      moveFrames: summarise(frames.moved),
      intervals: frames.all,
      idle: summarise(idle),
      longestTaskMs: Math.max(0, ...during.map(([, d]) => d)),
      dropLongestTaskMs: Math.max(0, ...after.map(([, d]) => d)),
      backgroundCpuPercent,
    };
  } catch (error) {
    await page.mouse.up().catch(() => {});
    return { rep, ok: false, error: (error as Error).message.split('\n')[0] };
  }
}

interface DomRecord {
  ideaCards: string[];
  gridCards: string[];
  ids: string[];
  outside: Record<string, number>;
  commits: number;
  components: number;
  cardIds: string[];
}

function phase(record: DomRecord, id: string, tasks: [number, number][], t0: number, t1: number): TypingPhase {
  return {
    ideaCards: record.ideaCards.length,
    gridCards: record.gridCards.length,
    postIts: record.ids.length,
    onlyThatOne: record.ids.every((x) => x === id),
    outside: record.outside,
    commits: record.commits,
    components: record.components,
    cardComponents: record.cardIds.length,
    longestTaskMs: Math.max(0, ...tasks.filter(([start, d]) => start + d > t0 && start < t1).map(([, d]) => d)),
  };
}

async function measureTyping(page: Page, rep: number): Promise<TypingRun> {
  let step = 'finding the post-it';
  try {
    // A different post-it each repetition, in the upper part of the Idéer list.
    const card = page.locator('[data-field="ideas"] li.idea-card').nth(3 + rep * 5);
    await card.scrollIntoViewIfNeeded({ timeout: 5000 });
    const id = (await card.getAttribute('data-idea-id', { timeout: 5000 })) ?? '';
    step = 'opening its editor';
    // The text is a button that opens the editor, or (issue 9's smaller card) the card's one menu
    // has "Redigér tekst" (the menu is a popover outside the card).
    const menu = card.locator('[data-testid="idea-menu"]');
    if ((await menu.count()) > 0) {
      await menu.click({ timeout: 5000 });
      await page.locator('[data-testid="idea-edit-open"]').click({ timeout: 5000 });
    } else {
      await card.locator('[data-testid="idea-text"]').click({ timeout: 5000 });
    }
    const editor = page.locator('[data-field="ideas"] [data-testid="idea-edit"]');
    await editor.waitFor({ state: 'visible', timeout: 5000 });
    await sleep(300);
    const start = () =>
      page.evaluate(() => {
        (window as unknown as { __benchDomStart(): void }).__benchDomStart();
        return performance.now();
      });
    const stop = () =>
      page.evaluate(() => ({ record: (window as unknown as { __benchDomStop(): DomRecord }).__benchDomStop(), t: performance.now() }));
    step = 'typing';
    const t0 = await start();
    await page.keyboard.type(TYPED, { delay: 50 });
    await sleep(300);
    const typed = await stop();
    step = 'saving';
    const t1 = await start();
    await page.keyboard.press('Control+Enter');
    await editor.waitFor({ state: 'detached', timeout: 5000 });
    await sleep(700);
    const saved = await stop();
    const p = await probe(page);
    const reactHooked = await page.evaluate(() => (window as unknown as { __bench: { reactHooked: boolean } }).__bench.reactHooked);
    return {
      rep,
      ok: true,
      typing: phase(typed.record, id, p.longTasks, t0, typed.t),
      save: phase(saved.record, id, p.longTasks, t1, saved.t),
      reactHooked,
    };
  } catch (error) {
    return { rep, ok: false, error: `${step}: ${(error as Error).message.split('\n')[0]}` };
  }
}

// ---------------------------------------------------------------- the scenario

export async function runBrowserBoard(log: (line: string) => void, { reps = 5 } = {}): Promise<BrowserBoardResult> {
  const started = performance.now();
  const result: BrowserBoardResult = { ok: false, reps, loads: [], drags: [], typings: [], pageErrors: [], loadavgBefore: os.loadavg() };
  const outDir = makeTempDir('browser-client');
  const dataDir = makeTempDir('browser-data');
  let server: ServerProcess | null = null;
  let browser: Browser | null = null;
  try {
    const build = await buildClient(outDir, log);
    result.buildMs = build.buildMs;
    if (!build.ok) throw new Error(build.error);
    server = await startServer('ours', dataDir, { entry: 'bench/servers/ours-static.ts', env: { BENCH_STATIC_DIR: outDir, LOG_LEVEL: 'warn' } });
    const board = await createBoard(server, 0, 'Fuld tavle');
    if (!board.editLink) throw new Error('POST /api/boards gave no edit link');

    const seedStarted = performance.now();
    const writer = connectClient('ours', server.port, board);
    try {
      await withTimeout(writer.firstSync, 10_000, 'the seeding client\'s first sync');
      seedFullBoard(writer.doc);
      result.stateBytes = Y.encodeStateAsUpdate(writer.doc).byteLength;
      // A second client sees all of it: the server has it.
      const check = connectClient('ours', server.port, board);
      try {
        await withTimeout(check.firstSync, 10_000, 'the checking client\'s first sync');
        for (let i = 0; i < 200 && !seeded(check.doc); i++) await sleep(50);
        if (!seeded(check.doc)) throw new Error('the seeded board did not arrive at a second client within 10 s');
      } finally {
        check.destroy();
      }
    } finally {
      writer.destroy();
    }
    result.seedMs = performance.now() - seedStarted;
    log(`  seeded ${BOARD_SIZE.ideas} ideas, ${BOARD_SIZE.actions} actions, ${BOARD_SIZE.goals} goals × ${BOARD_SIZE.periods} periods (${(result.stateBytes / 1024).toFixed(0)} KB state) in ${Math.round(result.seedMs)} ms`);

    browser = await withTimeout(
      chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        timeout: 30_000,
      }),
      40_000,
      'Chromium to start',
    );
    result.chromium = browser.version();
    for (let rep = 1; rep <= reps; rep++) {
      let context: BrowserContext | null = null;
      try {
        context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'da-DK' });
        context.setDefaultTimeout(10_000);
        // As source text: tsx (esbuild) wraps named functions in __name(), which the page lacks.
        const arg = JSON.stringify({ cards: BOARD_SIZE.ideas, identityKey: IDENTITY_KEY });
        await context.addInitScript({ content: `var __name = (f) => f;\n(${pageInit.toString()})(${arg});` });
        const page = await context.newPage();
        page.on('pageerror', (error) => {
          if (result.pageErrors.length < 10) result.pageErrors.push(error.message.split('\n')[0]!);
        });
        for (const kind of ['cold', 'warm'] as const) {
          const run = await measureLoad(page, board.editLink, rep, kind);
          result.loads.push(run);
          log(run.ok ? `  ${kind} ${rep}: post-its ${Math.round(run.cardsMs!)} ms, interactive ${Math.round(run.interactiveMs!)} ms, longest task ${Math.round(run.longestTaskMs!)} ms` : `  ${kind} ${rep}: ${run.error}`);
        }
        const drag = await measureDrag(page, rep);
        result.drags.push(drag);
        log(drag.ok ? `  drag ${rep}: ${drag.frames!.count} frames, p50 ${drag.frames!.p50.toFixed(1)} p95 ${drag.frames!.p95.toFixed(1)} max ${drag.frames!.max.toFixed(1)} ms` : `  drag ${rep}: ${drag.error}`);
        const typing = await measureTyping(page, rep);
        result.typings.push(typing);
        log(
          typing.ok
            ? `  typing ${rep}: post-its touched ${typing.typing!.postIts} while typing, ${typing.save!.postIts} on saving; React rendered ${typing.typing!.components} / ${typing.save!.components} components`
            : `  typing ${rep}: ${typing.error}`,
        );
      } finally {
        await context?.close().catch(() => {});
      }
    }
    const pooled = result.drags.flatMap((d) => d.intervals ?? []);
    if (pooled.length) result.dragFrames = summarise(pooled);
    result.ok = result.loads.some((l) => l.ok);
    return result;
  } catch (error) {
    log(`    ${(error as Error).message.split('\n').slice(0, 20).join('\n    ')}`);
    result.error = (error as Error).message.split('\n')[0];
    return result;
  } finally {
    await browser?.close().catch(() => {});
    if (server) await server.stop('SIGTERM', 10_000);
    forgetTempDir(outDir);
    forgetTempDir(dataDir);
    result.loadavgAfter = os.loadavg();
    result.totalMs = performance.now() - started;
  }
}
