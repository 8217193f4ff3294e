// Issue 5 end to end: a whole standing meeting in three browser contexts (facilitator, remote
// participant, wall screen), the wall surviving a server restart, the leader overview showing
// the new overdue action, and the wall's memory staying flat over thousands of updates.
import * as Y from 'yjs';
import type { Page } from '@playwright/test';
import { addDays } from '../../shared/domain/calendar';
import { addPeriods, periodOfDate } from '../../shared/domain/periods';
import {
  addAction,
  addGoal,
  addIdea,
  assessIdea,
  setBoardTitle,
  endMeeting,
  setActionDeadline,
  setActionResponsible,
  setActionStatus,
  setActual,
  setMeetingStep,
  setTarget,
  startMeeting,
} from '../../shared/schema';
import { actionRow, ADMIN_TOKEN, expect, expectNoSeriousA11yViolations, openBoardAs, SCREENSHOTS, setDeadline, test } from './fixtures';
import { nodeClient, seedBoard as seedBoardUntil, today } from './seed';


/** The example board of domain.md, shortened, with a meeting a week ago. */
function seedExampleBoard(doc: Y.Doc): void {
  const month = periodOfDate(today(), 'monthly');
  const goal = addGoal(doc, { name: 'Andel breve sendt digitalt', unit: '%', owner: 'Centerchef Hanne' });
  const targets = [66, 68, 70, 72, 74, 76];
  const actuals = [66, 69, 70, 68, 67, 71];
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
  for (let i = 0; i < 6; i++) {
    const period = addPeriods(month, i - 6);
    setTarget(doc, goal, period, targets[i]!);
    // The last two months were entered after the previous meeting.
    setActual(doc, goal, period, actuals[i]!, { by: 'Ulla', at: i >= 4 ? new Date(Date.now() - 2 * 86_400_000).toISOString() : new Date(Date.now() - 40 * 86_400_000).toISOString() });
  }
  startMeeting(doc, { by: 'Hanne', at: new Date(Date.now() - 7 * 86_400_000 - 15 * 60_000).toISOString() });
  endMeeting(doc, { by: 'Hanne', at: weekAgo });
  const ideas: [string, number, number][] = [
    ['Kampagne på biblioteket', 0.8, 0.3],
    ['Ring til borgere der får papirpost', 0.7, 0.8],
    ['Skærm i venteområdet', 0.3, 0.6],
  ];
  for (const [text, effect, resources] of ideas) {
    const id = addIdea(doc, { text, author: 'Peter', color: '#fff3a3' });
    assessIdea(doc, id, { effect, resources });
  }
  const a = addAction(doc, { title: 'Kampagne på biblioteket', responsible: 'Erik', by: 'Hanne' });
  setActionDeadline(doc, a, addDays(today(), 20));
  setActionStatus(doc, a, 'started', 'Erik');
  const b = addAction(doc, { title: 'Ny tekst i fritagelsesbrevet', responsible: 'Peter', by: 'Hanne' });
  setActionDeadline(doc, b, addDays(today(), 30));
}

/** Seed a board and wait until the server has it (its actions are there). */
const seedBoard = (serverUrl: string, board: { id: string; tokens: { edit: string } }, seed: (doc: Y.Doc) => void) =>
  seedBoardUntil(serverUrl, board, seed, (doc) => doc.getMap('actions').size > 0);

const currentStep = (page: Page) => page.locator('[data-testid=agenda-step][aria-current=step]');

test('a 15-minute meeting with a facilitator, a remote participant and the wall screen; the wall survives a restart; the leader sees the overdue action', async ({
  browser,
  server,
  createBoard,
}) => {
  test.setTimeout(180_000);
  const board = await createBoard('Digital Post i Borgerservice');
  await seedBoard(server.url, board, seedExampleBoard);

  const facilitatorContext = await browser.newContext();
  const remoteContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const wallContext = await browser.newContext();
  const anna = await facilitatorContext.newPage();
  const bo = await remoteContext.newPage();
  const wall = await wallContext.newPage();
  await openBoardAs(anna, board.links.edit, 'Anna');
  await openBoardAs(bo, board.links.edit, 'Bo');
  await wall.goto(board.links.view);

  // The wall screen: the four fields, no controls, no name prompt, what needs attention.
  await expect(wall.getByTestId('wall')).toBeVisible();
  await expect(wall.locator('[data-field]')).toHaveCount(4);
  await expect(wall.getByRole('dialog')).toHaveCount(0);
  // No editing controls (viewing controls such as a sort order of the plan may exist).
  const editing = (page: Page) => page.locator('textarea, input[type=text], input[type=date], input:not([type]), [data-testid=meeting-start], [data-testid=undo], [data-testid=idea-add]');
  await expect(editing(wall)).toHaveCount(0);
  await expect(wall.getByTestId('wall-under')).toHaveText(/1 mål når ikke måltal/);
  await expect(wall.getByTestId('wall-last-change')).toContainText('Sidst ændret');
  await expect(wall.getByTestId('wall-meeting')).toHaveCount(0);

  // Start møde (15 minutes): everyone sees the first step and the timer.
  await expect(anna.getByTestId('meeting-duration')).toHaveValue('15');
  await anna.getByTestId('meeting-start').click();
  for (const page of [anna, bo, wall]) {
    await expect(currentStep(page)).toContainText('Mål – de nye tal');
    await expect(page.getByTestId('meeting-timer')).toContainText(/1[45]:\d\d tilbage/);
  }
  await expect(bo.getByText('Ordstyrer: Anna').first()).toBeVisible();
  // Siden sidst: the two months entered since the previous meeting, a one-line summary that opens on demand.
  await expect(anna.getByTestId('since-toggle')).toContainText('Siden sidst: 2 nye målinger');
  await anna.getByTestId('since-toggle').click();
  const since = anna.getByTestId('since-last');
  await expect(since).toBeVisible();
  await expect(since.getByTestId('since-measurement')).toHaveCount(2);
  await expect(since).toContainText('under måltal');
  await expect(wall.getByTestId('wall-meeting')).toContainText('Siden sidst: 2 nye målinger');
  // Followers see the field of the step highlighted.
  await expect(bo.locator('.board-page')).toHaveAttribute('data-meeting-step', 'goals');
  await expect(wall.getByTestId('wall')).toHaveAttribute('data-meeting-step', 'goals');

  await wall.waitForTimeout(300);
  await wall.screenshot({ path: `${SCREENSHOTS}/wall-meeting-1920x1080.png` });
  await expectNoSeriousA11yViolations(wall);

  // 2. Handleplan – follow-up: the Opfølgning walk opens on the facilitator's screen (issue 9).
  await anna.getByTestId('meeting-next').click();
  for (const page of [anna, bo, wall]) await expect(currentStep(page)).toContainText('Handleplan – opfølgning');
  await expect(anna.getByTestId('follow-up')).toBeVisible();
  await expect(bo.getByTestId('follow-up')).toHaveCount(0);
  await anna.getByTestId('follow-up').getByRole('button', { name: 'Luk' }).click();
  await expect(bo.locator('.board-page')).toHaveAttribute('data-meeting-step', 'actions');
  await expect(wall.getByTestId('wall')).toHaveAttribute('data-meeting-step', 'actions');

  // Bo stops following: the agenda still shows the step, but his screen stays where he is.
  await bo.getByTestId('meeting-follow').uncheck();
  await anna.getByTestId('meeting-next').click();
  await expect(currentStep(bo)).toContainText('Idéer');
  await expect(bo.locator('.board-page')).not.toHaveAttribute('data-meeting-step', /.*/);
  await expect(wall.getByTestId('wall')).toHaveAttribute('data-meeting-step', 'ideas');
  await bo.getByTestId('meeting-follow').check();
  await expect(bo.locator('.board-page')).toHaveAttribute('data-meeting-step', 'ideas');

  // 3. Idéer: Bo adds ideas remotely; everyone sees them.
  for (const text of ['Hjælp til pårørende med digital fuldmagt', 'Tjek adresser i CPR før udsendelse']) {
    await bo.getByTestId('idea-input').fill(text);
    await bo.getByTestId('idea-input').press('Enter');
  }
  for (const page of [anna, wall]) {
    await expect(page.locator('[data-field=ideas] [data-testid=idea-card]').filter({ hasText: 'Hjælp til pårørende' })).toBeVisible();
  }

  // 4. Vurdering — only the facilitator moves the meeting on (issue 9): Bo has no Næste.
  await expect(bo.getByTestId('meeting-next')).toHaveCount(0);
  await anna.getByTestId('meeting-next').click();
  for (const page of [anna, bo, wall]) await expect(currentStep(page)).toContainText('Vurdering');

  // 5. Handleplan – choose and assign: Anna creates an action with a deadline that has passed.
  await anna.getByRole('button', { name: /Gå til punkt 5/ }).click();
  for (const page of [anna, bo, wall]) await expect(currentStep(page)).toContainText('Handleplan – vælg og fordel');
  const overdueDeadline = addDays(today(), -3);
  await anna.locator('#new-action-title').fill('Måling af sagsbehandlingstid');
  await anna.locator('#new-action-title').press('Enter');
  const row = actionRow(anna, 'Måling af sagsbehandlingstid');
  await expect(row).toBeVisible();
  await row.getByLabel(/^Ansvarlig/).fill('Ulla');
  await row.getByLabel(/^Ansvarlig/).press('Enter');
  await setDeadline(row, overdueDeadline);
  // Bo changes an existing action during the meeting: that is a decision too.
  const boRow = actionRow(bo, 'Ny tekst i fritagelsesbrevet');
  await boRow.getByLabel(/^Status/).selectOption('started');
  await expect(wall.getByTestId('wall-overdue')).toHaveText(/1 forsinket handling/);
  await expect(wall.locator('[data-testid=action-row][data-overdue=true]')).toContainText('Måling af sagsbehandlingstid');

  // The remote participant reconnects mid-meeting (a reload): same step, same timer.
  const annaTimer = Number(await anna.getByTestId('meeting-timer').getAttribute('data-elapsed-ms'));
  await bo.reload();
  await expect(currentStep(bo)).toContainText('Handleplan – vælg og fordel');
  const boTimer = Number(await bo.getByTestId('meeting-timer').getAttribute('data-elapsed-ms'));
  expect(boTimer).toBeGreaterThanOrEqual(annaTimer - 2000);
  expect(boTimer).toBeLessThan(annaTimer + 30_000);

  await wall.screenshot({ path: `${SCREENSHOTS}/wall-meeting-step5-1920x1080.png` });
  await anna.screenshot({ path: `${SCREENSHOTS}/meeting-facilitator-1920x1080.png` });
  await bo.screenshot({ path: `${SCREENSHOTS}/meeting-remote-1366x768.png` });
  await wall.setViewportSize({ width: 3840, height: 2160 });
  await expect(wall.getByTestId('wall')).toHaveAttribute('data-scale', '2.000');
  await wall.waitForTimeout(300);
  await wall.screenshot({ path: `${SCREENSHOTS}/wall-meeting-3840x2160.png` });
  await wall.setViewportSize({ width: 1920, height: 1080 });

  // Afslut møde: the minutes, with participants and decisions, are shown and kept on the board.
  await anna.getByTestId('meeting-end').click();
  await anna.getByTestId('meeting-end-confirm').click();
  const minutes = anna.getByTestId('minutes-dialog');
  await expect(minutes).toBeVisible();
  const entry = minutes.getByTestId('minutes-entry').first();
  await expect(entry.getByTestId('minutes-participants')).toHaveText(/Anna.*Bo|Bo.*Anna/);
  await expect(entry.locator('[data-testid=minutes-decision][data-kind=created]')).toContainText('Måling af sagsbehandlingstid');
  await expect(entry.locator('[data-testid=minutes-decision][data-kind=created]')).toContainText('Ulla');
  await expect(entry.locator('[data-testid=minutes-decision][data-kind=changed]')).toContainText('Ny tekst i fritagelsesbrevet');
  await expect(minutes.getByTestId('minutes-entry')).toHaveCount(2);
  await expectNoSeriousA11yViolations(anna);
  await anna.screenshot({ path: `${SCREENSHOTS}/meeting-minutes-1920x1080.png` });
  const download = anna.waitForEvent('download');
  await entry.getByTestId('minutes-markdown').click();
  const markdown = await (await download).path().then((path) => import('node:fs').then((fs) => fs.readFileSync(path!, 'utf8')));
  expect(markdown).toContain('Måling af sagsbehandlingstid | Ulla');
  await minutes.getByRole('button', { name: 'Luk' }).click();

  for (const page of [bo, wall]) await expect(page.getByTestId('agenda')).toHaveCount(0);
  await expect(bo.getByTestId('meeting-bar')).toContainText('Mødet er afsluttet');
  // Bo follows the meeting, so the minutes open on his screen too (issue 9).
  await expect(bo.getByTestId('minutes-dialog')).toBeVisible();
  await expect(bo.getByTestId('minutes-entry').first()).toContainText('Måling af sagsbehandlingstid');
  await bo.getByTestId('minutes-dialog').getByRole('button', { name: 'Luk' }).click();

  // The wall screen survives a server restart: it reconnects by itself and keeps receiving.
  await server.restart();
  await expect(wall.getByTestId('wall-connection')).toHaveAttribute('data-status', 'online', { timeout: 30_000 });
  await expect(anna.locator('.connection')).toHaveAttribute('data-status', 'online', { timeout: 30_000 });
  await anna.getByTestId('idea-input').fill('Efter genstart');
  await anna.getByTestId('idea-input').press('Enter');
  await expect(wall.locator('[data-field=ideas] [data-testid=idea-card]').filter({ hasText: 'Efter genstart' })).toBeVisible();
  await expect(wall.getByRole('dialog')).toHaveCount(0);
  await expect(wall.getByTestId('wall-last-change')).toContainText('Sidst ændret kl.');

  // The leader overview (read-only leader link) shows the new overdue action.
  const link = (await (await fetch(`${server.url}/api/leader-link`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { link: string };
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await leader.goto(link.link);
  await expect(leader).toHaveURL(`${server.url}/overblik`);
  const leaderRow = leader.locator(`[data-testid=overview-row][data-board-id="${board.id}"]`);
  await expect(leaderRow.getByTestId('overdue-count')).toHaveText(/1/);
  await expect(leaderRow.getByTestId('overdue-action')).toContainText('Måling af sagsbehandlingstid – Ulla');
  await expect(leaderRow.getByTestId('last-meeting')).not.toHaveText('Aldrig');
  await expect(leaderRow.getByTestId('count-started')).toContainText('2');
  // The missed goal is worded for its direction (higher is better: under the target).
  await expect(leaderRow.getByTestId('overview-goal')).toHaveCount(1);
  await expect(leaderRow.getByTestId('overview-goal')).toContainText(/ mod .* under måltal/);
  // Other specs' boards may share this worker's server (some with the same goal and an overdue
  // action): the search and the filter keep this board, and every board they keep has an overdue action.
  await leader.getByTestId('overview-search').fill('sagsbehandlingstid');
  await leader.getByTestId('overview-only-overdue').check();
  await expect(leader.locator(`[data-testid=overview-row][data-board-id="${board.id}"]`)).toHaveCount(1);
  for (const row of await leader.getByTestId('overview-row').all()) await expect(row.getByTestId('overdue-list')).toBeVisible();
  await expectNoSeriousA11yViolations(leader);
  await leader.screenshot({ path: `${SCREENSHOTS}/leader-overview-1920x1080.png` });
  // It opens the board read-only.
  const viewHref = await leaderRow.getByTestId('overview-open').getAttribute('href');
  expect(viewHref).toContain('token=v_');
  await leaderRow.getByTestId('overview-open').click();
  await expect(leader.getByTestId('wall')).toBeVisible();
  await expect(editing(leader)).toHaveCount(0);

  await Promise.all([facilitatorContext.close(), remoteContext.close(), wallContext.close(), leaderContext.close()]);
});

test('the admin finds the leader overview on the start page and can hand out the leader link', async ({ browser, server, createBoard }) => {
  await createBoard('Ældrepleje – lift');
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const admin = await context.newPage();
  await admin.goto(`${server.url}/?admin=${ADMIN_TOKEN}`);
  await admin.getByTestId('copy-leader-link').click();
  await expect(admin.getByTestId('leader-tools')).toContainText('Lederlinket er kopieret');
  const copied = await admin.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/overblik\?leader=l_/);
  await admin.getByTestId('overview-link').click();
  await expect(admin).toHaveURL(`${server.url}/overblik`);
  await expect(admin.getByTestId('overview-row').filter({ hasText: 'Ældrepleje – lift' })).toBeVisible();
  await admin.getByTestId('sort-title').click();
  await expect(admin.locator('th[aria-sort=ascending]')).toContainText('Tavle');
  await context.close();
});

test('Ctrl+Z undoes my own change, never someone else’s; Ctrl+Shift+Z redoes it; text fields keep their own undo', async ({ browser, createBoard }) => {
  const board = await createBoard('Fortryd');
  const annaContext = await browser.newContext();
  const boContext = await browser.newContext();
  const anna = await annaContext.newPage();
  const bo = await boContext.newPage();
  await openBoardAs(anna, board.links.edit, 'Anna');
  await openBoardAs(bo, board.links.edit, 'Bo');
  await expect(anna.getByTestId('undo')).toBeDisabled();

  await anna.locator('#new-action-title').fill('Annas handling');
  await anna.locator('#new-action-title').press('Enter');
  await bo.getByTestId('idea-input').fill('Bos idé');
  await bo.getByTestId('idea-input').press('Enter');
  const annasAction = (page: Page) => actionRow(page.locator('[data-field=actions]'), 'Annas handling');
  const bosIdea = (page: Page) => page.locator('[data-field=ideas] [data-testid=idea-card]').filter({ hasText: 'Bos idé' });
  await expect(annasAction(bo)).toHaveCount(1);
  await expect(bosIdea(anna)).toBeVisible();

  // Ctrl+Z inside a text field is the field's own undo: the board is untouched.
  await anna.getByTestId('idea-input').fill('halv');
  await anna.getByTestId('idea-input').press('Control+z');
  await expect(annasAction(anna)).toHaveCount(1);

  // Outside text fields: Anna's last change goes, Bo's idea stays — for everyone.
  await anna.locator('.board-title').click();
  await anna.keyboard.press('Control+z');
  await expect(annasAction(bo)).toHaveCount(0);
  await expect(bosIdea(anna)).toBeVisible();
  await expect(bosIdea(bo)).toBeVisible();
  await expect(anna.getByTestId('redo')).toBeEnabled();
  await anna.keyboard.press('Control+Shift+Z');
  await expect(annasAction(bo)).toHaveCount(1);
  // Nothing of Anna's is left to undo after one more: Bo's idea is never undone by her.
  await anna.getByTestId('undo').click();
  await expect(anna.getByTestId('undo')).toBeDisabled();
  await anna.keyboard.press('Control+z');
  await expect(bosIdea(bo)).toBeVisible();
  await expect(annasAction(bo)).toHaveCount(0);
  await Promise.all([annaContext.close(), boContext.close()]);
});

test('the wall screen keeps its memory flat over thousands of updates', async ({ browser, server, createBoard }) => {
  test.setTimeout(180_000);
  const board = await createBoard('Belastning');
  await seedBoard(server.url, board, seedExampleBoard);
  const context = await browser.newContext();
  const wall = await context.newPage();
  await wall.goto(board.links.view);
  await expect(wall.getByTestId('wall')).toBeVisible();
  const cdp = await context.newCDPSession(wall);
  await cdp.send('HeapProfiler.enable');
  const heap = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };

  // Two editors in the test process, as laptops would be: numbers, responsible, the meeting step.
  const writers = [nodeClient(server.url, board.id, board.tokens.edit), nodeClient(server.url, board.id, board.tokens.edit)];
  await Promise.all(writers.map((w) => w.synced));
  const first = writers[0]!.doc;
  startMeeting(first, { by: 'Last', at: new Date().toISOString() });
  const goalId = [...first.getMap('goals').keys()][0]!;
  const [actionId] = [...first.getMap('actions').keys()] as [string];
  const period = addPeriods(periodOfDate(today(), 'monthly'), -1);
  let sent = 0;
  // The title is on the wall whatever the meeting's step, so it carries the marker.
  const marker = wall.getByTestId('wall-title');
  /** `count` updates in batches of 40; after each batch the wall must show a marker (no backlog builds up). */
  const send = async (count: number) => {
    for (let done = 0; done < count; ) {
      const batchStart = Date.now();
      for (let i = 0; i < 40 && done < count; i++, done++, sent++) {
        const writer = writers[sent % 2]!.doc;
        switch (sent % 3) {
          case 0:
            setActual(writer, goalId, period, 60 + (sent % 20), { by: 'Last' });
            break;
          case 1:
            setActionResponsible(writer, actionId, `Person ${sent % 7}`);
            break;
          default:
            setMeetingStep(writer, sent % 5, 'Last', new Date().toISOString());
        }
      }
      // The marker is written by one writer only: concurrent writes to one key by two clients
      // are ordered by client id, not by time, so a shared key could keep an older value.
      setBoardTitle(first, `Done ${sent}`);
      await expect(marker).toHaveText(`Done ${sent}`, { timeout: 30_000 });
      // At most ~20 updates per writer per 120 ms: under the server's per-connection rate limit.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 120 - (Date.now() - batchStart))));
    }
  };

  await send(500);
  const after500 = await heap();
  await send(1250);
  const after1750 = await heap();
  await send(1250);
  const after3000 = await heap();
  const growth = after3000 - after500;
  const lateGrowth = after3000 - after1750;
  console.log(
    `wall heap: ${(after500 / 1e6).toFixed(1)} MB after 500 updates, ${(after1750 / 1e6).toFixed(1)} MB after 1750, ${(after3000 / 1e6).toFixed(1)} MB after 3000`,
  );
  // Measured here: +0.9 MB over updates 500–1750 (caches and compiled code still warming up),
  // +0.3 MB over 1750–3000 (the document keeps a small record of each overwrite); since the
  // wall's layout work of issue 9, +0.7 MB and +0.5–0.6 MB (the same before and after the
  // 2026-12-02 render work, so not a leak of it). A leak grows by the same amount in every
  // stretch: keeping even a 300-byte copy of the action plan per update added +0.4 MB to the
  // late stretch, so the bound is the measured late growth plus most of that.
  expect(growth).toBeLessThan(2_000_000);
  expect(lateGrowth).toBeLessThan(850_000);
  await expect(wall.getByTestId('wall-connection')).toHaveAttribute('data-status', 'online');
  for (const writer of writers) writer.destroy();
  await context.close();
});

test('a wall-screen field with more than fits condenses, then says how many more there are, and never scrolls', async ({ browser, server, createBoard }) => {
  const board = await createBoard('Mange idéer');
  const seeder = nodeClient(server.url, board.id, board.tokens.edit);
  await seeder.synced;
  for (let i = 1; i <= 80; i++) addIdea(seeder.doc, { text: `Idé nummer ${i} om digital post`, author: 'Peter', color: '#fff3a3' });
  const context = await browser.newContext();
  const wall = await context.newPage();
  await wall.goto(board.links.view);
  const ideas = wall.locator('[data-field=ideas]');
  await expect(ideas.getByTestId('idea-card')).toHaveCount(80);
  await wall.screenshot({ path: `${SCREENSHOTS}/wall-80-ideas-1920x1080.png` });
  // Condensed to the floor, and the rest counted: shown + "n more" is every idea.
  const more = ideas.getByTestId('wall-more');
  await expect(more).toBeVisible();
  const shown = await ideas.locator('[data-testid=idea-card]:visible').count();
  expect(shown).toBeGreaterThan(10);
  await expect(more).toHaveText(new RegExp(`^\\+ ${80 - shown} flere – se dem alle på tavlen`));
  expect(await ideas.locator('[data-testid=idea-card]:visible').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBe(20);
  // Fields that fit say nothing of the kind; nothing is scrolled.
  await expect(wall.locator('[data-field=actions] [data-testid=wall-more]')).toBeHidden();
  const scrolled = await wall.locator('.wall-canvas *').evaluateAll((elements) => elements.filter((e) => e.scrollTop > 0).length);
  expect(scrolled).toBe(0);
  await context.close();
  seeder.destroy();
});
