// Issue 9 end to end: the meeting on a laptop. Mette leads the meeting at 1366×768, Lars takes
// part from his own laptop. The meeting bar stays on screen while the page scrolls in every step,
// following brings each step's field (its heading) into view, step 2 opens the Opfølgning walk on
// the facilitator's screen, and the minutes reach everyone following when the meeting ends. Only
// the facilitator drives: Lars has no controls and a forced verb call changes nothing, until he
// takes over with "Bliv ordstyrer" — and Mette is told.
import type { Page } from '@playwright/test';
import { readMeeting, setBrainstormMode, setMeetingStep } from '../../shared/schema';
import { SCREENSHOTS, expect, expectNoSeriousA11yViolations, openBoardAs, test } from './fixtures';
import { borgerserviceSeen, nodeClient, seedBoard, seedBorgerservice } from './seed';

const LAPTOP = { width: 1366, height: 768 };
const STEPS = [
  { name: 'Mål – de nye tal', field: 'goals' },
  { name: 'Handleplan – opfølgning', field: 'actions' },
  { name: 'Idéer', field: 'ideas' },
  { name: 'Vurdering', field: 'assessment' },
  { name: 'Handleplan – vælg og fordel', field: 'actions' },
] as const;

const currentStep = (page: Page) => page.locator('[data-testid=agenda-step][aria-current=step]');
const bar = (page: Page) => page.getByTestId('meeting-bar');
const participantId = (page: Page) => page.evaluate(() => (JSON.parse(localStorage.getItem('maaltavle.identity') ?? '{}') as { state?: { id?: string } }).state?.id ?? '');

/** The bar's box lies within the viewport (top and bottom). */
async function expectBarOnScreen(page: Page, label: string): Promise<void> {
  const box = await bar(page).boundingBox();
  const height = page.viewportSize()!.height;
  expect(box, label).not.toBeNull();
  expect(box!.y, `${label}: top`).toBeGreaterThanOrEqual(-0.5);
  expect(box!.y + box!.height, `${label}: bottom`).toBeLessThanOrEqual(height + 0.5);
}

async function scrollToBottom(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
  await expect.poll(() => page.evaluate(() => Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 2)).toBe(true);
}

/** The heading of the step's field is on screen, below the sticky bar. */
async function expectFieldHeadingInView(page: Page, field: string): Promise<void> {
  const heading = page.locator(`[data-field="${field}"] .field-header h2`).first();
  await expect
    .poll(async () => {
      const [barBox, box] = await Promise.all([bar(page).boundingBox(), heading.boundingBox()]);
      if (!barBox || !box) return 'not laid out';
      const height = page.viewportSize()!.height;
      return box.y >= barBox.y + barBox.height - 1 && box.y + box.height <= height ? 'in view' : `heading at ${Math.round(box.y)}, bar ends at ${Math.round(barBox.y + barBox.height)}`;
    })
    .toBe('in view');
}

async function openTwo(browser: import('@playwright/test').Browser, link: string) {
  const metteContext = await browser.newContext({ viewport: LAPTOP });
  const larsContext = await browser.newContext({ viewport: LAPTOP, reducedMotion: 'reduce' });
  const mette = await metteContext.newPage();
  const lars = await larsContext.newPage();
  await openBoardAs(mette, link, 'Mette');
  await openBoardAs(lars, link, 'Lars');
  await expect(mette.locator('.presence')).toContainText('Lars');
  return { mette, lars, close: () => Promise.all([metteContext.close(), larsContext.close()]) };
}

test('the laptop’s meeting bar stays on screen through the five steps', async ({ browser, server, createBoard }) => {
  test.setTimeout(180_000);
  const board = await createBoard('Borgerservice – digitale ansøgninger');
  await seedBoard(server.url, board, seedBorgerservice, borgerserviceSeen);
  const { mette, lars, close } = await openTwo(browser, board.links.edit);

  await mette.getByTestId('meeting-start').click();
  for (const page of [mette, lars]) await expect(currentStep(page)).toContainText(STEPS[0].name);
  await expect(lars.getByTestId('meeting-facilitator')).toHaveText(/Ordstyrer: Mette/);

  // Siden sidst starts as one line and opens on demand, without pushing the board below the fold.
  const toggle = mette.getByTestId('since-toggle');
  await expect(toggle).toHaveText(/Siden sidst: \d+ nye målinger · .*\d+ nye idéer/);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(mette.getByTestId('since-last')).toHaveCount(0);
  await expectFieldHeadingInView(mette, 'goals');
  await toggle.click();
  await expect(mette.getByTestId('since-last')).toBeVisible();
  await expectNoSeriousA11yViolations(mette);
  await mette.screenshot({ path: `${SCREENSHOTS}/meeting-laptop-since-1366x768.png` });
  await toggle.click();
  await expect(mette.getByTestId('since-last')).toHaveCount(0);

  for (const [index, step] of STEPS.entries()) {
    if (index > 0) {
      await mette.getByTestId('meeting-next').click();
      for (const page of [mette, lars]) await expect(currentStep(page)).toContainText(step.name);
    }
    if (index === 3) {
      // Lars stopped following at step 3: his screen stayed where he was; following again scrolls.
      await expect(lars.locator('.board-page')).not.toHaveAttribute('data-meeting-step', /.*/);
      expect(await lars.evaluate(() => window.scrollY)).toBe(0);
      await lars.getByTestId('meeting-follow').check();
    }
    if (index === 1) {
      // Step 2 opens the Opfølgning walk on the facilitator's screen only; the overdue action first.
      const walk = mette.getByTestId('follow-up');
      await expect(walk).toBeVisible();
      await expect(walk.getByTestId('follow-up-item')).toContainText('Tydeligere breve om afgørelser');
      await expect(lars.getByTestId('follow-up')).toHaveCount(0);
      await expectNoSeriousA11yViolations(mette);
      await mette.screenshot({ path: `${SCREENSHOTS}/meeting-laptop-followup-1366x768.png` });
      await walk.getByRole('button', { name: 'Luk' }).click();
      await expect(walk).toHaveCount(0);
    }
    // Following brings the step's field into view, heading first, below the bar (Lars follows).
    await expect(lars.locator('.board-page')).toHaveAttribute('data-meeting-step', step.field);
    await expectFieldHeadingInView(lars, step.field);
    await expectFieldHeadingInView(mette, step.field);
    await mette.screenshot({ path: `${SCREENSHOTS}/meeting-laptop-step${index + 1}-1366x768.png` });
    for (const page of [mette, lars]) {
      await scrollToBottom(page);
      await expectBarOnScreen(page, `step ${index + 1}, scrolled to the bottom`);
    }
    if (index === 2) {
      // Lars stops following: the next step does not move his screen.
      await lars.getByTestId('meeting-follow').uncheck();
      await lars.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    }
  }
  await mette.screenshot({ path: `${SCREENSHOTS}/meeting-laptop-scrolled-1366x768.png` });
  await expectNoSeriousA11yViolations(mette);
  await expectNoSeriousA11yViolations(lars);

  // Afslut møde: Mette gets the minutes, and so does Lars, who follows.
  await mette.getByTestId('meeting-end').click();
  await mette.getByTestId('meeting-end-confirm').click();
  for (const page of [mette, lars]) {
    const minutes = page.getByTestId('minutes-dialog');
    await expect(minutes).toBeVisible();
    const entry = minutes.getByTestId('minutes-entry').first();
    await expect(entry.getByTestId('minutes-title')).toHaveText(/^Møde 1 · \d+\. \w+\.? \d{4} kl\. \d{1,2}\.\d\d · Ordstyrer: Mette$/);
    await expect(entry.getByTestId('minutes-goal')).toHaveCount(2);
    await expect(entry.getByTestId('minutes-goal').filter({ hasText: 'Andel digitale ansøgninger' })).toContainText(/59,5\s%\smod 80\s%.*under måltal/);
    await expect(entry.getByTestId('minutes-goal').filter({ hasText: 'Sagsbehandlingstid' })).toContainText(/7,5\sdage mod 7,1\sdage.*over måltal/);
    await expect(entry.getByTestId('minutes-open-action')).toHaveCount(3);
    await expect(entry.locator('[data-testid=minutes-open-action][data-overdue=true]')).toContainText('Tydeligere breve om afgørelser');
    await expect(entry.locator('[data-testid=minutes-open-action][data-overdue=true]')).toContainText('Forsinket');
  }
  await expect(lars.getByTestId('meeting-bar')).toContainText('Mødet er afsluttet');
  await expectNoSeriousA11yViolations(lars);
  await lars.screenshot({ path: `${SCREENSHOTS}/meeting-laptop-minutes-1366x768.png` });
  await mette.setViewportSize({ width: 1920, height: 1080 });
  await mette.screenshot({ path: `${SCREENSHOTS}/meeting-laptop-minutes-1920x1080.png` });
  await close();
});

test('the facilitator rules against a second participant', async ({ browser, server, createBoard }) => {
  test.setTimeout(120_000);
  const board = await createBoard('Borgerservice – ordstyrer');
  await seedBoard(server.url, board, seedBorgerservice, borgerserviceSeen);
  const { mette, lars, close } = await openTwo(browser, board.links.edit);

  await mette.getByTestId('meeting-start').click();
  await expect(currentStep(lars)).toContainText(STEPS[0].name);

  // Lars sees who leads, and none of the controls that drive.
  await expect(lars.getByTestId('meeting-facilitator')).toHaveText(/Ordstyrer: Mette/);
  for (const id of ['meeting-next', 'meeting-prev', 'meeting-end', 'brainstorm-open', 'brainstorm-rounds', 'brainstorm-silent']) await expect(lars.getByTestId(id)).toHaveCount(0);
  await expect(lars.getByTestId('agenda').getByRole('button')).toHaveCount(0);
  await expect(lars.getByTestId('brainstorm-facilitator')).toHaveText('Ordstyrer: Mette');
  await expect(mette.getByTestId('meeting-next')).toBeVisible();
  await expect(mette.getByTestId('take-over')).toHaveCount(0);

  // A forced verb call as Lars (his participant id, another client) is a no-op.
  const larsId = await participantId(lars);
  expect(larsId).not.toBe('');
  const forced = nodeClient(server.url, board.id, board.tokens.edit);
  await forced.synced;
  await expect.poll(() => readMeeting(forced.doc)?.facilitator).toBe('Mette');
  expect(setMeetingStep(forced.doc, 3, { id: larsId, name: 'Lars' }, new Date().toISOString())).toBe(false);
  expect(setBrainstormMode(forced.doc, 'rounds', { id: larsId, name: 'Lars' })).toBe(false);
  await mette.waitForTimeout(500);
  for (const page of [mette, lars]) await expect(currentStep(page)).toContainText(STEPS[0].name);
  await expect(mette.locator('[data-field=ideas] [data-testid=brainstorm]')).toHaveAttribute('data-mode', 'open');
  forced.destroy();

  // "Bliv ordstyrer" asks first, then moves the lead; Mette is told and loses the controls.
  await bar(lars).getByTestId('take-over').click();
  await expect(lars.getByRole('group', { name: 'Bliv ordstyrer i stedet for Mette?' })).toBeVisible();
  await lars.getByTestId('take-over-confirm').click();
  await expect(mette.getByTestId('facilitator-notice')).toHaveText(/Lars er nu ordstyrer/);
  await expect(mette.getByTestId('meeting-facilitator')).toHaveText(/Ordstyrer: Lars/);
  await expect(mette.getByTestId('meeting-next')).toHaveCount(0);
  await expect(mette.getByTestId('brainstorm-open')).toHaveCount(0);
  await expect(mette.getByTestId('take-over')).toHaveCount(2);
  await expect(lars.getByTestId('meeting-next')).toBeVisible();
  await expect(lars.getByTestId('brainstorm-rounds')).toBeVisible();
  await expectNoSeriousA11yViolations(mette);
  await mette.screenshot({ path: `${SCREENSHOTS}/meeting-laptop-taken-over-1366x768.png` });

  // Now Lars drives: the walk opens on his screen at step 2, not on Mette's.
  await lars.getByTestId('meeting-next').click();
  await expect(currentStep(mette)).toContainText(STEPS[1].name);
  await expect(lars.getByTestId('follow-up')).toBeVisible();
  await expect(mette.getByTestId('follow-up')).toHaveCount(0);
  await lars.getByTestId('follow-up').getByRole('button', { name: 'Luk' }).click();
  // The brainstorm follows the same lead: Lars switches to rounds, Mette sees it and cannot switch back.
  await lars.getByTestId('brainstorm-rounds').click();
  await expect(mette.locator('[data-field=ideas] [data-testid=brainstorm]')).toHaveAttribute('data-mode', 'rounds');
  await expect(mette.getByTestId('brainstorm-open')).toHaveCount(0);
  await lars.setViewportSize({ width: 1920, height: 1080 });
  await lars.screenshot({ path: `${SCREENSHOTS}/meeting-laptop-new-facilitator-1920x1080.png` });

  // Lars ends the meeting: Mette, following, gets the minutes with him as the facilitator.
  await lars.getByTestId('meeting-end').click();
  await lars.getByTestId('meeting-end-confirm').click();
  await expect(mette.getByTestId('minutes-dialog')).toBeVisible();
  await expect(mette.getByTestId('minutes-title').first()).toHaveText(/Ordstyrer: Lars$/);
  await close();
});
