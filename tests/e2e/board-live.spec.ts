// Issue 2 end to end: a board created on the start page, worked on live from two browsers,
// all four fields, then found again after a reload; the wall-screen link cannot edit.
import { dateInZone, addDays } from '../../shared/domain/calendar';
import { addPeriods, periodOfDate } from '../../shared/domain/periods';
import { ADMIN_TOKEN, expect, expectNoSeriousA11yViolations, openBoardAs, SCREENSHOTS, setDeadline, test } from './fixtures';

test('a team works one board live from two browsers and finds it all after a reload', async ({ browser, server }) => {
  // The admin creates the board on the start page, opened by the admin link.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto(`${server.url}/?admin=${ADMIN_TOKEN}`);
  await expect(admin).toHaveURL(`${server.url}/`); // the token leaves the address bar
  await admin.getByLabel('Tavlens navn').fill('Digital Post i Borgerservice');
  await admin.getByRole('button', { name: 'Opret tavle' }).click();
  const item = admin.getByTestId('board-item').filter({ hasText: 'Digital Post i Borgerservice' });
  await expect(item).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await admin.screenshot({ path: `${SCREENSHOTS}/start-page-1920.png` });
  const editLink = await item.getByTestId('edit-link').getAttribute('href');
  const viewLink = await item.getByTestId('view-link').getAttribute('href');
  expect(editLink).toContain('token=e_');
  expect(viewLink).toContain('token=v_');

  // Two participants open the edit link in separate browser contexts.
  const hanneContext = await browser.newContext();
  const erikContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const hanne = await hanneContext.newPage();
  const erik = await erikContext.newPage();
  await openBoardAs(hanne, editLink!, 'Hanne');
  await openBoardAs(erik, editLink!, 'Erik');
  await expect(hanne.locator('.board-title')).toHaveText('Digital Post i Borgerservice');
  await expect(hanne.locator('.connection')).toHaveAttribute('data-status', 'online');
  // Presence: each sees the other.
  await expect(hanne.locator('.presence')).toContainText('Erik');
  await expect(erik.locator('.presence')).toContainText('Hanne');

  // Idéer: Hanne adds a post-it, Erik sees it live.
  await hanne.getByTestId('idea-input').fill('Kampagne på biblioteket');
  await hanne.getByTestId('idea-add').click();
  const erikIdea = erik.locator('[data-field=ideas] [data-testid=idea-card]').filter({ hasText: 'Kampagne på biblioteket' });
  await expect(erikIdea).toBeVisible();
  await expect(erikIdea).toContainText('Hanne');
  const ideaId = await erikIdea.getAttribute('data-idea-id');

  // Vurdering: Erik assesses it by keyboard drag; both see it in the green zone.
  await erik.locator(`[data-field=ideas] [data-testid=idea-card][data-idea-id="${ideaId}"]`).focus(); // the post-it is the keyboard drag source
  await erik.keyboard.press('Space');
  await erik.keyboard.press('ArrowRight');
  for (let i = 0; i < 4; i++) await erik.keyboard.press('ArrowUp');
  for (let i = 0; i < 4; i++) await erik.keyboard.press('ArrowLeft');
  await erik.keyboard.press('Space');
  const gridCard = hanne.locator(`[data-testid=assessment-grid] [data-testid=idea-card][data-idea-id="${ideaId}"]`);
  await expect(gridCard).toHaveAttribute('data-zone', 'green');
  expect(Number(await gridCard.getAttribute('data-effect'))).toBeCloseTo(0.7, 2);
  expect(Number(await gridCard.getAttribute('data-resources'))).toBeCloseTo(0.3, 2);
  await expect(erik.locator(`[data-field=ideas] [data-idea-id="${ideaId}"]`)).toHaveAttribute('data-zone', 'green');

  // Handleplan: Hanne sends it to the action plan, then sets responsible, deadline and status.
  await hanne.locator(`[data-field=ideas] [data-idea-id="${ideaId}"] [data-testid=idea-menu]`).click(); // the post-it's one menu (issue 9)
  await hanne.getByRole('menu').getByTestId('idea-promote').click();
  const hanneAction = hanne.getByTestId('action-row').first();
  await expect(hanneAction.locator('textarea.action-title')).toHaveValue('Kampagne på biblioteket');
  const yesterday = addDays(dateInZone(new Date()), -1);
  await hanneAction.getByLabel(/^Ansvarlig/).fill('Erik');
  await hanneAction.getByLabel(/^Ansvarlig/).press('Enter');
  await setDeadline(hanneAction, yesterday);
  await hanneAction.getByLabel(/^Status/).selectOption('started');
  // The deadline reads the Danish way (dd.mm.åååå) whatever the browser's own language.
  await expect(hanneAction.getByRole('group', { name: /^Deadline/ })).toContainText(yesterday.split('-').reverse().join('.'));
  await hanneAction.screenshot({ path: `${SCREENSHOTS}/action-row-deadline.png` });

  const erikAction = erik.getByTestId('action-row').first();
  await expect(erikAction.getByLabel(/^Ansvarlig/)).toHaveValue('Erik');
  await expect(erikAction.getByTestId('deadline-picker')).toHaveAttribute('data-value', yesterday);
  await expect(erikAction).toHaveAttribute('data-status', 'started');
  // A deadline of yesterday on a started action is overdue, and says so in words.
  await expect(erikAction).toHaveAttribute('data-overdue', 'true');
  await expect(erikAction).toContainText('Forsinket');
  await expect(erik.locator(`[data-field=ideas] [data-idea-id="${ideaId}"] [data-testid=idea-in-plan]`)).toBeVisible();

  // Mål: Erik creates a goal and enters six months of numbers; the chart marks the months under target.
  await erik.getByTestId('goal-create').first().click();
  await erik.getByTestId('goal-form-name').fill('Andel breve sendt digitalt');
  await erik.getByTestId('goal-form-unit').fill('%');
  await erik.getByTestId('goal-form-submit').click();
  const card = erik.getByTestId('goal-card');
  await expect(card).toBeVisible();
  const table = card.getByTestId('goal-table');
  if (!(await table.isVisible())) await card.getByTestId('goal-numbers-toggle').click();
  const now = periodOfDate(dateInZone(new Date()), 'monthly');
  const months = [-6, -5, -4, -3, -2, -1].map((n) => addPeriods(now, n));
  const targets = [60, 62, 64, 66, 68, 70];
  const actuals = ['58', '62,5', '65', '65,5', '69', '70'];
  for (const [i, period] of months.entries()) {
    await card.locator(`[data-testid=goal-target-input][data-period="${period}"]`).fill(String(targets[i]));
    await card.locator(`[data-testid=goal-target-input][data-period="${period}"]`).press('Tab');
    await card.locator(`[data-testid=goal-actual-input][data-period="${period}"]`).fill(actuals[i]!);
    await card.locator(`[data-testid=goal-actual-input][data-period="${period}"]`).press('Tab');
  }
  const under = [months[0], months[3]];
  for (const period of months) {
    const point = hanne.locator(`[data-testid=goal-chart-point][data-period="${period}"]`);
    await expect(point).toHaveAttribute('data-under-target', under.includes(period) ? 'true' : 'false');
  }
  await expect(hanne.getByTestId('goal-status')).toHaveAttribute('data-under-target', 'false');

  await expectNoSeriousA11yViolations(hanne);
  await hanne.screenshot({ path: `${SCREENSHOTS}/board-1920.png` });
  await erik.screenshot({ path: `${SCREENSHOTS}/board-1366.png` });

  // Reload: everything is still there, from the server and from the local copy.
  await hanne.reload();
  await expect(hanne.locator('[data-field=actions]')).toBeVisible();
  const reloaded = hanne.getByTestId('action-row').first();
  await expect(reloaded.locator('textarea.action-title')).toHaveValue('Kampagne på biblioteket');
  await expect(reloaded.getByLabel(/^Ansvarlig/)).toHaveValue('Erik');
  await expect(reloaded.getByTestId('deadline-picker')).toHaveAttribute('data-value', yesterday);
  await expect(reloaded).toHaveAttribute('data-status', 'started');
  await expect(hanne.locator(`[data-testid=assessment-grid] [data-idea-id="${ideaId}"]`)).toHaveAttribute('data-zone', 'green');
  await expect(hanne.locator(`[data-testid=goal-chart-point][data-period="${months[0]}"]`)).toHaveAttribute('data-under-target', 'true');

  // The wall-screen (view) link shows the same board without any way to change it.
  const wallContext = await browser.newContext();
  const wall = await wallContext.newPage();
  await wall.goto(viewLink!);
  await expect(wall.getByTestId('action-row').first()).toContainText('Kampagne på biblioteket');
  await expect(wall.getByRole('dialog')).toHaveCount(0);
  await expect(wall.locator('[data-field] input, [data-field] textarea, [data-field] select')).toHaveCount(0);
  await expect(wall.getByTestId('idea-promote')).toHaveCount(0);
  await expectNoSeriousA11yViolations(wall);
  await wall.screenshot({ path: `${SCREENSHOTS}/wall-view-1920.png` });

  await Promise.all([hanneContext.close(), erikContext.close(), wallContext.close(), adminContext.close()]);
});

test('a link with a bad token says so instead of spinning', async ({ page, server, createBoard }) => {
  const board = await createBoard('Tavle med forkert link');
  await page.goto(`${server.url}/b/${board.id}?token=e_junk`);
  await expect(page.getByRole('alert')).toContainText('ugyldigt');
  const other = await createBoard('En anden tavle');
  await page.goto(`${server.url}/b/${board.id}?token=${encodeURIComponent(other.tokens.edit)}`);
  await expect(page.getByRole('alert')).toContainText('anden tavle');
});

test('the UI switches to English and formats numbers and dates by language', async ({ page, createBoard }) => {
  const board = await createBoard('Sprogtest');
  await openBoardAs(page, board.links.edit, 'Ulla');
  await expect(page.getByRole('heading', { name: 'Handleplan' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Action plan' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.getByRole('heading', { name: 'Handleplan' })).toBeVisible();
});

test('edits made offline are kept in the browser and merge when the server is back', async ({ browser, server, createBoard }) => {
  const board = await createBoard('Offline-tavle');
  const aContext = await browser.newContext();
  const bContext = await browser.newContext();
  const a = await aContext.newPage();
  const b = await bContext.newPage();
  await openBoardAs(a, board.links.edit, 'Peter');
  await openBoardAs(b, board.links.edit, 'Ulla');
  await a.getByTestId('idea-input').fill('Før afbrydelsen');
  await a.getByTestId('idea-add').click();
  await expect(b.getByTestId('idea-card').filter({ hasText: 'Før afbrydelsen' }).first()).toBeVisible();

  await server.stop();
  await expect(a.locator('.connection')).not.toHaveAttribute('data-status', 'online');
  // Both keep working while the server is gone; their edits live in the Y.Doc and IndexedDB.
  await a.getByTestId('idea-input').fill('Skrevet offline af Peter');
  await a.getByTestId('idea-add').click();
  await b.getByTestId('idea-input').fill('Skrevet offline af Ulla');
  await b.getByTestId('idea-add').click();

  await server.start();
  for (const page of [a, b]) {
    await expect(page.locator('.connection')).toHaveAttribute('data-status', 'online', { timeout: 20_000 });
    for (const text of ['Før afbrydelsen', 'Skrevet offline af Peter', 'Skrevet offline af Ulla']) {
      await expect(page.locator('[data-field=ideas] [data-testid=idea-card]').filter({ hasText: text })).toHaveCount(1);
    }
  }
  // And the server stored the merge: a fresh browser gets all three at once.
  const freshContext = await browser.newContext();
  const fresh = await freshContext.newPage();
  await fresh.goto(board.links.view);
  await expect(fresh.locator('[data-field=ideas] [data-testid=idea-card]')).toHaveCount(3);
  await Promise.all([aContext.close(), bContext.close(), freshContext.close()]);
});
