// Issue 9, "The meeting on a laptop" — the idea parts: small post-its with one menu each (by
// keyboard too), Til handleplan only once ideas are being assessed, a new idea in sight, assessing
// at 1366×768 without scrolling the page (the "Ikke placeret" tray above the grid), skip links to
// the four fields, and axe with label-content-name-mismatch (WCAG 2.5.3) enabled.
import type { Locator, Page } from '@playwright/test';
import { addGoal, addIdea, setMeetingStep, startMeeting } from '../../shared/schema';
import { expect, expectAllUncovered, expectNoSeriousA11yViolations, openBoardAs, SCREENSHOTS, test } from './fixtures';
import { borgerserviceSeen, nodeClient, seedBoard, seedBorgerservice } from './seed';

const LAPTOP = { width: 1366, height: 768 };
const FIELDS = ['goals', 'ideas', 'assessment', 'actions'] as const;

const ideasField = (page: Page) => page.locator('[data-field=ideas]');
const postIt = (page: Page, text: string) => ideasField(page).getByTestId('idea-card').filter({ hasText: text });

/** Open a post-it's menu by keyboard and return the menu (rendered in a popover). */
async function openMenu(page: Page, card: Locator): Promise<Locator> {
  await card.getByTestId('idea-menu').focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  return menu;
}

/** Press the mouse on an element's centre and move past the drag threshold (the drag has begun). */
async function pickUp(page: Page, element: Locator): Promise<void> {
  const box = (await element.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 12, box.y + box.height / 2 + 8, { steps: 4 });
}

async function closeMenu(page: Page, card: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(card.getByTestId('idea-menu')).toBeFocused();
}

test('small post-its with one menu; Til handleplan once assessing; a new idea in sight; skip links', async ({ browser, server, createBoard }) => {
  const board = await createBoard('Borgerservice – post-its');
  await seedBoard(server.url, board, seedBorgerservice, borgerserviceSeen);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await openBoardAs(page, board.links.edit, 'Mette');
  const cards = ideasField(page).getByTestId('idea-card');
  await expect(cards).toHaveCount(12);

  // Twelve post-its fit in one screen of the Idéer field (no scrolling inside it either).
  const body = (await page.getByTestId('field-body-ideas').boundingBox())!;
  for (const card of await cards.all()) {
    const box = (await card.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(body.y - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(body.y + body.height + 1);
    // One button per post-it: its menu, at least 44 × 44 px.
    await expect(card.getByRole('button')).toHaveCount(1);
    const menuButton = card.getByTestId('idea-menu');
    await expect(menuButton).toHaveAccessibleName(/^Handlinger for idé \d+$/);
    const target = (await menuButton.boundingBox())!;
    expect(target.width).toBeGreaterThanOrEqual(44);
    expect(target.height).toBeGreaterThanOrEqual(44);
  }

  // The menu by keyboard: Enter opens on the first item, arrows move, Escape closes and returns focus.
  const chatbot = postIt(page, 'Chatbot på hjemmesiden');
  await expect(chatbot.getByTestId('idea-menu')).toHaveAccessibleName(`Handlinger for idé 11`);
  let menu = await openMenu(page, chatbot);
  const items = menu.getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await expect(items.nth(1)).toHaveText('Vurdér');
  for (const item of await items.all()) expect((await item.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  // Not on the grid and no meeting: being collected, so neither Til handleplan nor Slå sammen.
  await expect(menu.getByRole('menuitem', { name: 'Til handleplan' })).toHaveCount(0);
  await expect(menu.getByRole('menuitem', { name: 'Slå sammen' })).toHaveCount(0);
  await closeMenu(page, chatbot);
  // Space opens it too; choosing Spørg opens the question form on the post-it.
  await chatbot.getByTestId('idea-menu').focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('menu')).toBeVisible();
  await page.getByRole('menuitem', { name: 'Spørg' }).press('Enter');
  await expect(chatbot.getByTestId('idea-question')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(chatbot.getByTestId('idea-menu')).toBeFocused();

  // An idea on the grid (no meeting) is being assessed: Til handleplan and Slå sammen are offered.
  const felter = postIt(page, 'Færre felter i ansøgningsskemaet');
  menu = await openMenu(page, felter);
  await expect(menu.getByRole('menuitem', { name: 'Til handleplan' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Slå sammen' })).toBeVisible();
  await closeMenu(page, felter);

  // A meeting at Idéer: ideas are being collected — in the order they came, no Til handleplan.
  const facilitator = nodeClient(server.url, board.id, board.tokens.edit);
  await facilitator.synced;
  startMeeting(facilitator.doc, { by: 'Mette', at: new Date().toISOString() });
  setMeetingStep(facilitator.doc, 2, 'Mette', new Date().toISOString());
  await expect(ideasField(page).locator('.idea-list')).toHaveAttribute('data-order', 'added');
  await expect(cards.first()).toHaveAttribute('data-number', '1');
  menu = await openMenu(page, felter);
  await expect(menu.getByRole('menuitem', { name: 'Til handleplan' })).toHaveCount(0);
  await expect(menu.getByRole('menuitem', { name: 'Slå sammen' })).toHaveCount(0);
  await closeMenu(page, felter);

  // A new idea stays in sight: last, as it came, inside the visible field, marked new, focusable.
  await ideasField(page).getByTestId('idea-input').fill('Kaffe og hjælp i borgerservice om torsdagen');
  await ideasField(page).getByTestId('idea-input').press('Enter');
  const fresh = postIt(page, 'Kaffe og hjælp i borgerservice');
  await expect(fresh).toBeVisible();
  await expect(fresh).toBeInViewport({ ratio: 0.95 });
  const freshBox = (await fresh.boundingBox())!;
  const ideasBody = (await page.getByTestId('field-body-ideas').boundingBox())!;
  expect(freshBox.y + freshBox.height).toBeLessThanOrEqual(ideasBody.y + ideasBody.height + 1); // inside the field's scroll
  await expect(cards.last()).toHaveAttribute('data-number', '13');
  await expect(fresh).toHaveClass(/is-new/);
  await expect(ideasField(page).getByTestId('idea-input')).toBeFocused(); // the next idea can be typed at once
  await fresh.focus();
  await expect(fresh).toBeFocused();
  await page.screenshot({ path: `${SCREENSHOTS}/post-its-collecting-1920.png` });

  // At Vurdering: being assessed — green first; Til handleplan offered (disabled with the reason when not placed).
  setMeetingStep(facilitator.doc, 3, 'Mette', new Date().toISOString());
  await expect(ideasField(page).locator('.idea-list')).toHaveAttribute('data-order', 'zone');
  menu = await openMenu(page, felter);
  await expect(menu.getByRole('menuitem', { name: 'Til handleplan' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Slå sammen' })).toBeVisible();
  await closeMenu(page, felter);
  menu = await openMenu(page, chatbot);
  await expect(menu.getByTestId('idea-promote')).toHaveAttribute('aria-disabled', 'true');
  await expect(menu.getByTestId('idea-promote-reason')).toHaveText(/^\s*Vurdér idéen først$/);
  await expectNoSeriousA11yViolations(page); // with the menu open
  await page.screenshot({ path: `${SCREENSHOTS}/post-its-menu-1920.png` });
  await closeMenu(page, chatbot);
  facilitator.destroy();

  // Skip links: first in the tab order, visible on focus, each moves focus to its field.
  await page.reload();
  await expect(cards).toHaveCount(13);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-goals')).toBeFocused();
  await expect(page.getByTestId('skip-goals')).toBeInViewport();
  for (const field of FIELDS) {
    await page.getByTestId(`skip-${field}`).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(`[data-field=${field}]`)).toBeFocused();
  }

  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SCREENSHOTS}/post-its-assessing-1920.png` });
  await context.close();
});

test('at 1366×768 an idea is dragged onto the grid without scrolling the page', async ({ browser, server, createBoard }) => {
  const board = await createBoard('Borgerservice – laptop');
  await seedBoard(server.url, board, seedBorgerservice, borgerserviceSeen);
  const context = await browser.newContext({ viewport: LAPTOP });
  const page = await context.newPage();
  await openBoardAs(page, board.links.edit, 'Lars');
  await expect(ideasField(page).getByTestId('idea-card')).toHaveCount(12);

  // The skip link brings Vurdering into view: the tray of unplaced ideas and the whole grid fit.
  await page.getByTestId('skip-assessment').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-field=assessment]')).toBeFocused();
  const tray = page.getByTestId('unplaced-tray');
  await expect(tray.getByTestId('tray-card')).toHaveCount(2);
  const grid = page.getByTestId('assessment-grid');
  await expect(grid).toBeInViewport({ ratio: 1 });
  await expect(tray).toBeInViewport({ ratio: 1 });
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SCREENSHOTS}/post-its-laptop-1366.png` });

  // Drag "Chatbot på hjemmesiden" from the tray to effect 0.8, resources 0.2: the page does not scroll.
  const scrollBefore = await page.evaluate(() => window.scrollY);
  const card = tray.getByTestId('tray-card').filter({ hasText: 'Chatbot' });
  const ideaId = (await card.getAttribute('data-idea-id'))!;
  const box = (await grid.boundingBox())!;
  await pickUp(page, card);
  await page.mouse.move(box.x + 0.2 * box.width, box.y + 0.2 * box.height, { steps: 15 });
  await page.waitForTimeout(300); // long enough for any auto-scroll to have started
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
  await page.mouse.up();
  const placed = grid.locator(`[data-testid=idea-card][data-idea-id="${ideaId}"]`);
  await expect(placed).toHaveAttribute('data-zone', 'green');
  expect(Number(await placed.getAttribute('data-effect'))).toBeCloseTo(0.8, 1);
  expect(Number(await placed.getAttribute('data-resources'))).toBeCloseTo(0.2, 1);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
  await expect(tray.getByTestId('tray-card')).toHaveCount(1);

  // And back: a grid card dropped on the tray is no longer assessed.
  const trayBox = (await tray.boundingBox())!;
  await pickUp(page, placed);
  await page.mouse.move(trayBox.x + trayBox.width * 0.6, trayBox.y + trayBox.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(placed).toHaveCount(0);
  await expect(postIt(page, 'Chatbot')).toHaveAttribute('data-zone', 'none');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);

  // The whole board at laptop width, after the drag.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/post-its-board-1366.png` });
  await context.close();
});

/**
 * Counts, per React commit, the post-its (their <li>) that were rendered again: a stand-in for
 * React DevTools, installed before the app loads.
 */
function countPostItRenders(): void {
  const w = window as unknown as { __postItRenders: number; __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown };
  w.__postItRenders = 0;
  interface Fiber {
    child: Fiber | null;
    sibling: Fiber | null;
    stateNode: object | null;
    type: unknown;
    memoizedProps: Record<string, unknown> | null;
  }
  // A post-it rendered again gets a new props object on its <li>; the last one seen, per element.
  const seen = new WeakMap<object, unknown>();
  const walk = (fiber: Fiber | null) => {
    for (let node = fiber; node; node = node.sibling) {
      if (node.type === 'li' && node.memoizedProps?.['data-testid'] === 'idea-card' && node.stateNode) {
        if (seen.has(node.stateNode) && seen.get(node.stateNode) !== node.memoizedProps) w.__postItRenders++;
        seen.set(node.stateNode, node.memoizedProps);
      }
      walk(node.child);
    }
  };
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onScheduleFiberRoot: () => {},
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => walk(root.current.child),
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    checkDCE: () => {},
  };
}

test('typing into a post-it re-renders only that post-it', async ({ browser, server, createBoard }) => {
  const board = await createBoard('Borgerservice – renders');
  await seedBoard(server.url, board, seedBorgerservice, borgerserviceSeen);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.addInitScript(countPostItRenders);
  const page = await context.newPage();
  await openBoardAs(page, board.links.edit, 'Mette');
  await expect(ideasField(page).getByTestId('idea-card')).toHaveCount(12);
  const renders = () => page.evaluate(() => (window as unknown as { __postItRenders: number }).__postItRenders);

  // Typing in the editor: the editor's own state, no post-it rendered again.
  const card = postIt(page, 'Chatbot på hjemmesiden');
  await card.getByTestId('idea-menu').click();
  await page.getByRole('menuitem', { name: 'Redigér tekst' }).click();
  await expect(card.getByTestId('idea-edit')).toBeFocused();
  const beforeTyping = await renders();
  await page.keyboard.type(' med svar døgnet rundt', { delay: 10 });
  expect((await renders()) - beforeTyping).toBeLessThanOrEqual(1); // at most the card itself
  // Saving the text changes one idea: only its post-it renders again.
  const beforeSave = await renders();
  await page.keyboard.press('Control+Enter');
  await expect(card).toContainText('døgnet rundt');
  await page.waitForTimeout(200);
  const afterSave = (await renders()) - beforeSave;
  expect(afterSave).toBeGreaterThanOrEqual(1); // the counter sees the saved post-it…
  expect(afterSave).toBeLessThanOrEqual(2); // …and never the other eleven
  await context.close();
});

// The post-it menus and the deadline pickers are stand-in buttons until someone reaches for them
// (client/src/app/standIn.ts); the first click, tap or key must still do what it would on the real
// control, and the real one must take over focus.
test('the post-it menu and the deadline picker answer the first click, tap and key', async ({ browser, server, createBoard }) => {
  const board = await createBoard('Borgerservice – stand-ins');
  await seedBoard(server.url, board, seedBorgerservice, borgerserviceSeen);
  const context = await browser.newContext({ viewport: LAPTOP, hasTouch: true });
  const page = await context.newPage();
  await openBoardAs(page, board.links.edit, 'Mette');
  const cards = ideasField(page).getByTestId('idea-card');
  await expect(cards).toHaveCount(12);
  // At 1366×768 the plain menu buttons and deadline faces are on screen and not covered, each
  // brought into view as a user would scroll to it; screenshot of the plan with the faces.
  for (let i = 0; i < 12; i++) {
    await cards.nth(i).getByTestId('idea-menu').scrollIntoViewIfNeeded();
    await expectAllUncovered(cards.nth(i).getByTestId('idea-menu'), 1);
  }
  const faces = page.locator('[data-field=actions] .deadline-face-date');
  for (let i = 0; i < 3; i++) {
    await faces.nth(i).scrollIntoViewIfNeeded();
    await expectAllUncovered(faces.nth(i), 1);
  }
  await page.locator('[data-field=actions]').screenshot({ path: `${SCREENSHOTS}/deadline-faces-1366.png` });
  // Taking over changes nothing in the row: the date's type size and its line stay where they were.
  // (middle: of the date's line, from the row's top, as the page scrolls in between)
  const faceText = await faces.first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    return { size: getComputedStyle(el).fontSize, middle: Math.round(box.top + box.height / 2 - el.closest('.action-row')!.getBoundingClientRect().top) };
  });
  // A click, a tap and a key on three post-its that were never touched: each opens the menu at once.
  await cards.nth(0).getByTestId('idea-menu').click();
  await expect(page.getByRole('menu')).toBeVisible();
  await closeMenu(page, cards.nth(0));
  await cards.nth(1).getByTestId('idea-menu').tap();
  await expect(page.getByRole('menu')).toBeVisible();
  await closeMenu(page, cards.nth(1));
  await cards.nth(2).getByTestId('idea-menu').focus();
  await expect(cards.nth(2).getByTestId('idea-menu')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menu')).toBeVisible();
  await closeMenu(page, cards.nth(2));

  // Deadlines: a click on the date puts the cursor in its day, a tap on ▾ opens the calendar, and
  // Tab onto the date lands in the day segment, typed the Danish way.
  const pickers = page.locator('[data-field=actions]').getByTestId('deadline-picker');
  await expect(pickers).toHaveCount(3);
  await pickers.nth(0).getByRole('button').first().click();
  await expect(pickers.nth(0).locator('[data-type=day]')).toBeFocused();
  const liveText = await pickers
    .nth(0)
    .locator('[data-type=day]')
    .evaluate((el) => {
      const box = el.closest('.deadline-input')!.getBoundingClientRect();
      return { size: getComputedStyle(el).fontSize, middle: Math.round(box.top + box.height / 2 - el.closest('.action-row')!.getBoundingClientRect().top) };
    });
  expect(liveText.size).toBe(faceText.size);
  expect(Math.abs(liveText.middle - faceText.middle)).toBeLessThanOrEqual(2);
  await pickers.nth(1).getByRole('button', { name: 'Vælg dato i kalenderen' }).tap();
  await expect(page.getByRole('dialog').getByRole('grid')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const third = pickers.nth(2);
  await page.locator('[data-field=actions]').getByTestId('action-row').nth(2).getByLabel(/^Ansvarlig for/).focus();
  await page.keyboard.press('Tab');
  await expect(third.locator('[data-type=day]')).toBeFocused();
  await page.keyboard.type('24122026');
  await expect(third).toHaveAttribute('data-value', '2026-12-24');
  await context.close();
});

// Issue 8.2 and 8.3 in the Idéer field: a pasted 3 MB text is cut by the field and says so (the
// browser would cut it silently), and a board holding its most ideas refuses one more with a
// message and keeps what was typed; the editor of a post-it says the same about a paste.
test('a 3 MB paste is cut and said, and a full board refuses one more idea with a message', async ({ browser, server, createBoard }) => {
  const board = await createBoard('Borgerservice – limits');
  await seedBoard(server.url, board, seedBorgerservice, borgerserviceSeen);
  const context = await browser.newContext({ viewport: LAPTOP });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  await openBoardAs(page, board.links.edit, 'Mette');
  const input = page.getByTestId('idea-input');
  await page.evaluate((text) => navigator.clipboard.writeText(text), 'papiransøgning '.repeat(200_000));
  await input.focus();
  await page.keyboard.press('Control+V');
  await expect(page.getByRole('alert')).toHaveText('Teksten er forkortet til 2.000 tegn.');
  expect(await input.evaluate((el: HTMLTextAreaElement) => el.value.length)).toBe(2000);
  await input.fill('');

  // The post-it editor says the same.
  const card = postIt(page, 'Chatbot på hjemmesiden');
  await openMenu(page, card);
  await page.getByRole('menuitem', { name: 'Redigér tekst' }).click();
  const editor = card.getByTestId('idea-edit');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+V');
  await expect(card.getByTestId('idea-edit-notice')).toHaveText('Teksten er forkortet til 2.000 tegn.');
  await page.keyboard.press('Escape');
  await expect(card).toContainText('Chatbot på hjemmesiden');

  // Fill the board to its most ideas (1,000) from another client, then add one more here.
  const filler = nodeClient(server.url, board.id, board.tokens.edit);
  await filler.synced;
  filler.doc.transact(() => {
    for (let i = 0; (filler.doc.getMap('ideas').size as number) < 1000; i++) addIdea(filler.doc, { text: `Fyld ${i}`, author: 'Fyld', color: '#fff3a3' });
  });
  await expect(ideasField(page).getByTestId('idea-card')).toHaveCount(1000, { timeout: 30_000 });
  await input.fill('Én idé for meget');
  await page.getByTestId('idea-add').click();
  await expect(page.getByRole('alert')).toHaveText('Tavlen kan højst have 1.000 idéer. Fjern nogle for at tilføje flere.');
  await expect(input).toHaveValue('Én idé for meget');
  await expect(ideasField(page).getByTestId('idea-card')).toHaveCount(1000);

  // The action plan says the same about a long paste into a new action …
  const actionTitle = page.getByTestId('action-new-title');
  await actionTitle.focus();
  await page.keyboard.press('Control+V');
  await expect(page.getByTestId('action-refused')).toHaveText('Teksten er forkortet til 2.000 tegn.');
  await actionTitle.fill('');
  // … and Mål refuses a goal past its 100 with a notice everyone sees, not an error on the console.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  filler.doc.transact(() => {
    for (let i = 0; (filler.doc.getMap('goals').size as number) < 100; i++) addGoal(filler.doc, { name: `Fyldmål ${i}` });
  });
  const goals = page.locator('[data-field="goals"]');
  await expect(goals.getByTestId('goal-card')).toHaveCount(100, { timeout: 30_000 });
  await goals.getByTestId('goal-create').click();
  await page.getByTestId('goal-dialog').getByTestId('goal-form-name').fill('Mål nummer 101');
  await page.getByTestId('goal-dialog').getByTestId('goal-form-submit').click();
  await expect(page.getByTestId('shown-notice')).toHaveText('Tavlen kan højst have 100 mål. Fjern nogle for at tilføje flere.');
  await page.screenshot({ path: `${SCREENSHOTS}/limit-notice-1366.png` });
  await expect(goals.getByTestId('goal-card')).toHaveCount(100);
  expect(errors).toEqual([]);
  filler.destroy();
  await context.close();
});

// The build keeps react-aria's strings for da-DK and en-GB only; a browser whose own language is
// another (en-US is Chromium's default, de-DE a colleague's laptop) must still get the menus and
// the date picker, in the UI's language, not a blank page.
for (const browserLocale of ['en-US', 'de-DE']) {
  test(`a browser set to ${browserLocale} gets the post-it menu and the date picker in Danish`, async ({ browser, server, createBoard }) => {
    const board = await createBoard(`Borgerservice – ${browserLocale}`);
    await seedBoard(server.url, board, seedBorgerservice, borgerserviceSeen);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: browserLocale });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openBoardAs(page, board.links.edit, 'Mette');
    const card = postIt(page, 'Kampagne på biblioteket');
    const menu = await openMenu(page, card);
    await expect(menu.getByRole('menuitem').first()).toBeVisible();
    await closeMenu(page, card);
    const picker = page.getByTestId('deadline-picker').first();
    await picker.getByRole('button', { name: 'Vælg dato i kalenderen' }).click();
    const calendar = page.getByRole('dialog').getByRole('grid');
    await expect(calendar).toBeVisible();
    // The month grid's days are named in Danish ("mandag den 7. december 2026"), whatever the browser's language.
    await expect(calendar.getByRole('gridcell', { name: /^mandag den \d+\. [a-zæøå]+ \d{4}$/ }).first()).toBeVisible();
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await context.close();
  });
}
