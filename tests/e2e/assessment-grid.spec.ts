// Issue 9 end to end, the edit board's assessment grid: no idea hidden under another (also three
// with identical values), zone labels never covered and counted, 240 ideas condensed to numbered
// markers with the texts by zone, colour meaning the zone (unassessed is not orange), a displaced
// card still lands where its centre is dropped, and axe with label-content-name-mismatch enabled.
import AxeBuilder from '@axe-core/playwright';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type { Browser, Page } from '@playwright/test';
import { addIdea, assessIdea } from '../../shared/schema';
import { SCREENSHOTS, expect, openBoardAs, test, type CreatedBoard, type RunningServer } from './fixtures';

function connect(server: RunningServer, board: CreatedBoard) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.url.replace(/^http/, 'ws') + '/sync', board.id, doc, {
    params: { token: board.tokens.edit },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, synced, close: () => (provider.destroy(), doc.destroy()) };
}

/** Write ideas into a board through a y-websocket client in the test process, as a browser would;
 *  done when a second client sees all of them (the server has them). */
async function seedIdeas(server: RunningServer, board: CreatedBoard, fill: (doc: Y.Doc) => void): Promise<void> {
  const writer = connect(server, board);
  try {
    await writer.synced;
    fill(writer.doc);
    const check = connect(server, board);
    await check.synced;
    await expect.poll(() => check.doc.getMap('ideas').size).toBe(writer.doc.getMap('ideas').size);
    check.close();
  } finally {
    writer.close();
  }
}

const ZONE_NAMES = { green: 'Grøn', yellow: 'Gul', orange: 'Orange', red: 'Rød' } as const;
type ZoneKey = keyof typeof ZONE_NAMES;

function zoneOf(effect: number, resources: number): ZoneKey {
  if (effect >= 0.5) return resources >= 0.5 ? 'yellow' : 'green';
  return resources >= 0.5 ? 'red' : 'orange';
}

/** Pairs of grid cards whose boxes share area (more than half a pixel). */
async function overlappingCards(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll<HTMLElement>('[data-testid=assessment-grid] [data-testid=idea-card]')];
    const boxes = cards.map((card) => ({ id: card.dataset.ideaId!, r: card.getBoundingClientRect() }));
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 0.5 && y > 0.5) found.push(`${boxes[i]!.id} × ${boxes[j]!.id}`);
      }
    }
    return found;
  });
}

/** Zone labels whose centre is covered by something else (elementFromPoint is not the label). */
async function coveredLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const covered: string[] = [];
    for (const label of document.querySelectorAll<HTMLElement>('[data-testid^=zone-label-]')) {
      // elementFromPoint only sees what is in the viewport.
      label.scrollIntoView({ block: 'center', inline: 'center' });
      const r = label.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !(hit === label || label.contains(hit))) covered.push(`${label.dataset.testid} under ${hit?.outerHTML.slice(0, 80)}`);
    }
    return covered;
  });
}

/** Every grid card inside the quadrant of its own zone. */
async function cardsOutsideTheirZone(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const outside: string[] = [];
    const quadrant = (zone: string) => document.querySelector(`[data-testid=assessment-grid] .quadrant-${zone}`)!.getBoundingClientRect();
    for (const card of document.querySelectorAll<HTMLElement>('[data-testid=assessment-grid] [data-testid=idea-card]')) {
      const r = card.getBoundingClientRect();
      const q = quadrant(card.dataset.zone!);
      if (r.left < q.left - 0.5 || r.right > q.right + 0.5 || r.top < q.top - 0.5 || r.bottom > q.bottom + 0.5) outside.push(card.dataset.ideaId!);
    }
    return outside;
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function expectGridIsReadable(page: Page, counts: Record<ZoneKey, number>): Promise<void> {
  const grid = page.getByTestId('assessment-grid');
  await expect(grid.getByTestId('idea-card')).toHaveCount(Object.values(counts).reduce((a, b) => a + b, 0));
  for (const zone of Object.keys(ZONE_NAMES) as ZoneKey[]) {
    const label = grid.getByTestId(`zone-label-${zone}`);
    await expect(label).toHaveAttribute('data-count', String(counts[zone]));
    await expect(label).toContainText(`${ZONE_NAMES[zone]} · ${counts[zone]}`);
  }
  // The layout follows the measured plot: let a resize settle before measuring boxes.
  await expect.poll(() => overlappingCards(page)).toEqual([]);
  expect(await coveredLabels(page)).toEqual([]);
  expect(await cardsOutsideTheirZone(page)).toEqual([]);
}

async function gridScreenshot(page: Page, name: string): Promise<void> {
  await page.getByTestId('assessment-grid').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
  await page.locator('[data-field=assessment]').screenshot({ path: `${SCREENSHOTS}/${name}-field.png` });
}

/** Open the board as Anna at the wall-screen size and at the laptop size, one after the other. */
async function onEachScreen(browser: Browser, board: CreatedBoard, check: (page: Page, viewport: { width: number; height: number }) => Promise<void>): Promise<void> {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
  ]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await openBoardAs(page, board.links.edit, 'Anna');
    await check(page, viewport);
    await context.close();
  }
}

const TWELVE: [string, number, number][] = [
  ['Kampagne på biblioteket', 0.8, 0.2],
  ['Ring til borgere der får papirpost', 0.8, 0.2],
  ['Hjælp i borgerservice til digital post', 0.8, 0.2],
  ['Ny tekst i fritagelsesbrevet', 0.9, 0.1],
  ['Video om digital post på hjemmesiden', 0.65, 0.4],
  ['Skærm i venteområdet', 0.3, 0.6],
  ['Personlig vejledning på plejecentre', 0.75, 0.85],
  ['Samarbejde med Ældre Sagen', 0.6, 0.7],
  ['Brev på papir med QR-kode', 0.2, 0.2],
  ['Plakater i bussen', 0.1, 0.45],
  ['Ny selvbetjeningsløsning', 0.35, 0.9],
  ['Opsøgende hjemmebesøg', 0.05, 0.95],
];

test('twelve ideas, three of them on the same point: every one visible, labels free and counted, colour means the zone', async ({ browser, server, createBoard }) => {
  const board = await createBoard('Vurdering uden overlap');
  const ids = new Map<string, string>();
  await seedIdeas(server, board, (doc) => {
    for (const [text, effect, resources] of TWELVE) {
      const id = addIdea(doc, { text, author: 'Peter', color: '#ffd6a5' });
      assessIdea(doc, id, { effect, resources });
      ids.set(text, id);
    }
    ids.set('unassessed', addIdea(doc, { text: 'Endnu ikke vurderet idé', author: 'Peter', color: '#ffd6a5' }));
  });
  const counts = { green: 0, yellow: 0, orange: 0, red: 0 };
  for (const [, effect, resources] of TWELVE) counts[zoneOf(effect, resources)]++;

  await onEachScreen(browser, board, async (page, viewport) => {
    await expect(page.getByTestId('assessment-grid').getByTestId('idea-card')).toHaveCount(TWELVE.length);
    await gridScreenshot(page, `assessment-grid-12-${viewport.width}`);
    await page.locator('[data-field=ideas]').screenshot({ path: `${SCREENSHOTS}/assessment-grid-12-${viewport.width}-ideas.png` });
    await expect(page.getByTestId('assessment-grid')).toHaveAttribute('data-layout', 'cards');
    await expectGridIsReadable(page, counts);

    // Colour means the zone: the unassessed post-it is neither the orange zone's tint nor any other.
    const fill = (id: string) =>
      page.locator(`[data-field=ideas] [data-testid=idea-card][data-idea-id="${id}"]`).evaluate((el) => getComputedStyle(el).backgroundColor);
    const orangeTint = await page.locator('[data-testid=assessment-grid] .quadrant-orange').evaluate((el) => getComputedStyle(el).backgroundColor);
    const unassessed = await fill(ids.get('unassessed')!);
    expect(unassessed).not.toBe(orangeTint);
    expect(await fill(ids.get('Brev på papir med QR-kode')!)).toBe(orangeTint);
    for (const zone of ['green', 'yellow', 'red']) {
      const tint = await page.locator(`[data-testid=assessment-grid] .quadrant-${zone}`).evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(unassessed).not.toBe(tint);
    }
    // …and the zone in words on both post-its.
    const unassessedCard = page.locator(`[data-field=ideas] [data-testid=idea-card][data-idea-id="${ids.get('unassessed')}"]`);
    await expect(unassessedCard).toContainText('Ikke vurderet');
    await expect(unassessedCard).toHaveCSS('border-top-style', 'dashed');
    await expect(page.locator(`[data-field=ideas] [data-testid=idea-card][data-idea-id="${ids.get('Plakater i bussen')}"]`)).toContainText('Orange');
    await expect(page.locator(`[data-testid=assessment-grid] [data-idea-id="${ids.get('Plakater i bussen')}"]`)).toContainText('Orange');

    // The post-it's verbs are in its one menu, named by their visible labels (WCAG 2.5.3; issue 9).
    await page.locator(`[data-field=ideas] [data-idea-id="${ids.get('Plakater i bussen')}"] [data-testid=idea-menu]`).click();
    await expect(page.getByRole('menu').getByTestId('idea-promote')).toHaveAccessibleName(/^Til handleplan$/);
    await expect(page.getByRole('menu').getByTestId('idea-merge')).toHaveAccessibleName(/^Slå sammen$/);
    await page.keyboard.press('Escape');
    // The Vurdering field's scrolling region is reachable by keyboard and named.
    await expect(page.getByTestId('assessment-scroll')).toHaveAttribute('tabindex', '0');
    await expect(page.getByTestId('assessment-scroll')).toHaveAccessibleName(/Vurdering/);

    expect(await seriousViolations(page)).toEqual([]);

    if (viewport.width === 1920) {
      // A card moved aside (of the three identical, the one farthest from the true point) still
      // lands where its centre is dropped.
      // The whole grid on screen (the label checks above scrolled it about).
      await page.getByTestId('assessment-grid').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const grid = (await page.getByTestId('assessment-grid').boundingBox())!;
      const truth = { x: grid.x + 0.2 * grid.width, y: grid.y + 0.2 * grid.height };
      const triple = ['Kampagne på biblioteket', 'Ring til borgere der får papirpost', 'Hjælp i borgerservice til digital post'];
      const boxes = await Promise.all(
        triple.map(async (text) => ({ text, box: (await page.locator(`[data-testid=assessment-grid] [data-idea-id="${ids.get(text)}"]`).boundingBox())! })),
      );
      const far = (b: { x: number; y: number; width: number; height: number }) => Math.hypot(b.x + b.width / 2 - truth.x, b.y + b.height / 2 - truth.y);
      boxes.sort((a, b) => far(b.box) - far(a.box));
      expect(far(boxes[0]!.box)).toBeGreaterThan(10);
      const moved = boxes[0]!.text;
      const twin = page.locator(`[data-testid=assessment-grid] [data-testid=idea-card][data-idea-id="${ids.get(moved)}"]`);
      const from = boxes[0]!.box;
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2 + 15, from.y + from.height / 2 + 10, { steps: 4 });
      await page.mouse.move(grid.x + 0.7 * grid.width, grid.y + 0.6 * grid.height, { steps: 12 });
      await page.mouse.up();
      await expect(twin).toHaveAttribute('data-zone', 'red');
      expect(Number(await twin.getAttribute('data-resources'))).toBeCloseTo(0.7, 1);
      expect(Number(await twin.getAttribute('data-effect'))).toBeCloseTo(0.4, 1);
      await expect.poll(() => overlappingCards(page)).toEqual([]);
      // By keyboard the move starts from the stored point (not from where the card is drawn),
      // and the drop is announced in Danish with its zone.
      await twin.focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Space');
      await expect(page.locator('[id^=DndLiveRegion]')).toContainText('placeret i gul');
      await expect(twin).toHaveAttribute('data-zone', 'yellow');
      expect(Number(await twin.getAttribute('data-effect'))).toBeCloseTo(0.55, 1);
      await expect.poll(() => overlappingCards(page)).toEqual([]);
      // Back where it was, for the second screen size.
      await page.getByTestId('assessment-view-list').click();
      const row = page.locator(`[data-testid=assessment-row][data-idea-id="${ids.get(moved)}"]`);
      await row.getByTestId('list-effect').selectOption('0.7');
      await row.getByTestId('list-resources').selectOption('0.3');
      await expect(page.getByTestId('assessment-list')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('assessment-view-grid').click();
    }
  });
});

test('240 assessed ideas condense to numbered markers, never overlapping, with the texts listed by zone', async ({ browser, server, createBoard }) => {
  test.setTimeout(180_000);
  const board = await createBoard('Mange idéer');
  const counts = { green: 0, yellow: 0, orange: 0, red: 0 };
  // A seeded spread with clusters and repeats, like a long-running board.
  let seed = 240;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  await seedIdeas(server, board, (doc) => {
    const points: [number, number][] = [];
    for (let i = 0; i < 240; i++) {
      const repeat = points.length > 0 && random() < 0.3 ? points[Math.floor(random() * points.length)]! : null;
      const [effect, resources] = repeat ?? [Math.round(random() * 100) / 100, Math.round(random() * 100) / 100];
      points.push([effect, resources]);
      const id = addIdea(doc, { text: `Idé nummer ${i + 1} om digital post`, author: 'Peter', color: '#fff3a3', createdAt: new Date(Date.UTC(2026, 10, 1, 8, 0, i)).toISOString() });
      assessIdea(doc, id, { effect, resources });
      counts[zoneOf(effect, resources)]++;
    }
  });

  await onEachScreen(browser, board, async (page, viewport) => {
    const grid = page.getByTestId('assessment-grid');
    await expect(grid).toHaveAttribute('data-layout', 'markers', { timeout: 20_000 });
    await expectGridIsReadable(page, counts);
    await expect(page.getByTestId('grid-condensed-note')).toBeVisible();
    // Number 1 is the first idea that came; its marker and its line in the zone list agree.
    const first = grid.locator('[data-testid=idea-card][data-number="1"]');
    await expect(first).toHaveAttribute('title', 'Idé nummer 1 om digital post');
    const zone = (await first.getAttribute('data-zone'))!;
    await expect(page.getByTestId(`zone-list-${zone}`).locator('li', { hasText: 'Idé nummer 1 om digital post' }).getByTestId('zone-list-number')).toHaveText(/^1/);
    await expect(page.getByTestId('zone-list-number')).toHaveCount(240);
    for (const [key, n] of Object.entries(counts)) await expect(page.getByTestId(`zone-list-${key}`).locator('li')).toHaveCount(n);
    expect(await seriousViolations(page)).toEqual([]);
    await gridScreenshot(page, `assessment-grid-240-${viewport.width}`);
  });
});
