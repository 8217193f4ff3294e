// Issue 9 end to end on the wall screen: the Borgerservice board (two goals, twelve ideas, three
// actions) at 1920×1080 and 3840×2160, without a meeting and through the five steps of one.
// Everything must be on screen and uncovered, the type must meet the floor from three metres,
// no two grid markers may overlap, and nothing may scroll or page by itself.
import type { Page } from '@playwright/test';
import { setMeetingStep, startMeeting } from '../../shared/schema';
import { SCREENSHOTS, expect, expectAllUncovered, expectNoSeriousA11yViolations, test } from './fixtures';
import { BORGERSERVICE_IDEAS, borgerserviceSeen, nodeClient, seedBoard, seedBorgerservice } from './seed';

/** The smallest computed font size (CSS px) of any visible text inside `root`, with the text. */
async function smallestText(page: Page, root: string): Promise<{ size: number; text: string }> {
  return page.evaluate((selector) => {
    let smallest = { size: Infinity, text: '' };
    for (const rootElement of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(rootElement, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.replace(/[\s\u00ad]+/g, ' ').trim() ?? '';
        const parent = node.parentElement;
        if (!text || !parent || parent.closest('.visually-hidden, [hidden], [aria-hidden="true"] .visually-hidden')) continue;
        if (parent.getClientRects().length === 0) continue;
        const size = parseFloat(getComputedStyle(parent).fontSize);
        if (size < smallest.size) smallest = { size, text };
      }
    }
    return smallest;
  }, root);
}

/** No two grid markers overlap (centres at least two radii apart). */
async function expectNoMarkerOverlap(page: Page): Promise<number> {
  const boxes = await page.getByTestId('grid-marker').evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const distance = Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2));
      expect(distance, `markers ${i} and ${j} overlap`).toBeGreaterThanOrEqual(a.width - 1);
    }
  }
  return boxes.length;
}

const field = (page: Page, name: string) => page.locator(`[data-field=${name}]`);

test('the wall shows the whole board readable from three metres, and the meeting field comes forward step by step', async ({ browser, server, createBoard }) => {
  test.setTimeout(180_000);
  const board = await createBoard('Borgerservice · Digitale ansøgninger og kortere sagsbehandlingstid i 2026');
  await seedBoard(server.url, board, seedBorgerservice, borgerserviceSeen);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await context.newPage();
  // Any error in the page fails the test (a wall must never crash mid-meeting).
  const errors: string[] = [];
  wall.on('pageerror', (e) => errors.push(e.message));
  await wall.goto(board.links.view);
  await expect(wall.getByTestId('wall')).toBeVisible();

  // ---- Without a meeting: the four fields side by side, everything shown, nothing below 20 px.
  await expect(wall.locator('[data-field]')).toHaveCount(4);
  await expectAllUncovered(field(wall, 'ideas').getByTestId('idea-card'), 12);
  await expectAllUncovered(field(wall, 'goals').getByTestId('wall-goal'), 2);
  await expectAllUncovered(field(wall, 'actions').getByTestId('action-row'), 3);
  await expectAllUncovered(wall.getByTestId('grid-marker'), 10);
  await expectAllUncovered(wall.getByTestId('wall-zone-label'), 4);
  await expectAllUncovered(wall.getByTestId('wall-title'), 1);
  // Everything fits: no field needs its "+ n more" line.
  await expect(wall.getByTestId('wall-more')).toHaveCount(3);
  await expect(wall.locator('[data-testid=wall-more]:visible')).toHaveCount(0);
  expect(await expectNoMarkerOverlap(wall)).toBe(10);
  const boardText = await smallestText(wall, '.wall-fields');
  expect(boardText.size, `"${boardText.text}"`).toBeGreaterThanOrEqual(20);
  // Each goal's latest number and status at 28 px or more, worded for its direction.
  for (const number of await wall.getByTestId('wall-goal-number').all()) expect(await number.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(28);
  const share = wall.locator('[data-testid=wall-goal]').filter({ hasText: 'Andel digitale ansøgninger' });
  await expect(share.getByTestId('wall-goal-gap')).toHaveText(/−20,5\s+pct\.-point under måltal/);
  const time = wall.locator('[data-testid=wall-goal]').filter({ hasText: 'Sagsbehandlingstid' });
  await expect(time.getByTestId('wall-goal-gap')).toHaveText(/\+0,4\s+dage over måltal/);
  await expect(time.getByTestId('wall-goal-streak')).toHaveText(/Over måltal 5 måneder i træk/);
  for (const gap of await wall.getByTestId('wall-goal-gap').all()) expect(await gap.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(28);
  // Zone counts on the labels; unassessed ideas look like no zone.
  await expect(wall.locator('[data-testid=wall-zone-label][data-zone=green]')).toHaveText(/Grøn · 4/);
  const unassessed = field(wall, 'ideas').locator('[data-testid=idea-card][data-zone=none]');
  await expect(unassessed).toHaveCount(2);
  for (const tile of await unassessed.all()) expect(await tile.evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('dashed');
  await expect(field(wall, 'ideas').locator('[data-testid=idea-card]:not([data-zone=none]) .wall-zone-tag')).toHaveCount(10);
  // No controls on the wall, and nothing scrolls by itself.
  await expect(wall.locator('button:visible, input:visible, select:visible, textarea:visible')).toHaveCount(0);
  const scrolled = () => wall.locator('.wall-canvas *').evaluateAll((elements) => elements.filter((e) => e.scrollTop > 0 || e.scrollLeft > 0).length);
  expect(await scrolled()).toBe(0);
  await wall.screenshot({ path: `${SCREENSHOTS}/wall-board-1920x1080.png` });
  await expectNoSeriousA11yViolations(wall);
  // A leader at a laptop moves the mouse: a small export menu appears, and goes again.
  await wall.mouse.move(600, 400);
  await wall.getByTestId('wall-export-button').click();
  await expect(wall.getByTestId('wall-export').getByRole('link')).toHaveCount(2 + 2 * 2);
  await expect(wall.getByTestId('wall-export').getByRole('link', { name: 'Handleplan (CSV)' })).toHaveAttribute('href', /\/actions\/export\.csv\?token=v_/);
  await wall.keyboard.press('Escape');
  await expect(wall.getByTestId('wall-export').getByRole('link')).toHaveCount(0);
  await wall.mouse.click(900, 700);
  await expect(wall.getByTestId('wall-export-button')).toBeHidden({ timeout: 15_000 });

  await wall.setViewportSize({ width: 3840, height: 2160 });
  await expect(wall.getByTestId('wall')).toHaveAttribute('data-scale', '2.000');
  await expectAllUncovered(field(wall, 'ideas').getByTestId('idea-card'), 12);
  await wall.screenshot({ path: `${SCREENSHOTS}/wall-board-3840x2160.png` });
  await wall.setViewportSize({ width: 1920, height: 1080 });

  // ---- A meeting: each step's field takes the wall; the others shrink to the strip.
  const facilitator = nodeClient(server.url, board.id, board.tokens.edit);
  await facilitator.synced;
  startMeeting(facilitator.doc, { by: 'Mette', at: new Date().toISOString() });
  const steps = [
    { field: 'goals', items: 'wall-goal', count: 2 },
    { field: 'actions', items: 'action-row', count: 3 },
    { field: 'ideas', items: 'idea-card', count: 12 },
    { field: 'assessment', items: 'wall-zone-item', count: 12 },
    { field: 'actions', items: 'action-row', count: 3 },
  ];
  for (const [index, step] of steps.entries()) {
    if (index > 0) setMeetingStep(facilitator.doc, index, 'Mette', new Date().toISOString());
    await expect(wall.locator('[data-testid=agenda-step][aria-current=step]')).toHaveCount(1);
    await expect(wall.getByTestId('wall')).toHaveAttribute('data-meeting-step', step.field);
    const focus = wall.locator(`.wall-field.is-focus[data-field=${step.field}]`);
    await expect(focus).toBeVisible();
    await expect(wall.locator('[data-field]')).toHaveCount(4);
    await wall.screenshot({ path: `${SCREENSHOTS}/wall-step${index + 1}-${step.field}-1920x1080.png` });
    await expectAllUncovered(focus.getByTestId(step.items), step.count);
    const text = await smallestText(wall, '.wall-field.is-focus');
    expect(text.size, `step ${index + 1}: "${text.text}"`).toBeGreaterThanOrEqual(step.field === 'goals' ? 24 : 28);
    if (step.field === 'goals') {
      // Only the chart's tick labels may go down to 24 px; everything else in Mål is ≥ 28.
      const words = await smallestText(wall, '.wall-field.is-focus .wall-goal-text, .wall-field.is-focus .wall-chart-legend');
      expect(words.size, `"${words.text}"`).toBeGreaterThanOrEqual(28);
    }
    if (step.field === 'assessment') {
      await expectAllUncovered(focus.getByTestId('grid-marker'), 10);
      await expectNoMarkerOverlap(wall);
      for (const [text] of BORGERSERVICE_IDEAS) await expect(focus.getByTestId('wall-zone-list')).toContainText(text.slice(0, 20));
    }
    await expectAllUncovered(wall.getByTestId('wall-strip').locator('[data-field]'), 3);
    await wall.setViewportSize({ width: 3840, height: 2160 });
    await expect(wall.getByTestId('wall')).toHaveAttribute('data-scale', '2.000');
    await expectAllUncovered(focus.getByTestId(step.items), step.count);
    await wall.screenshot({ path: `${SCREENSHOTS}/wall-step${index + 1}-${step.field}-3840x2160.png` });
    await wall.setViewportSize({ width: 1920, height: 1080 });
  }
  await expectNoSeriousA11yViolations(wall);
  expect(await scrolled()).toBe(0);
  expect(errors).toEqual([]);
  facilitator.destroy();
  await context.close();
});
