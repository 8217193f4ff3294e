// Playwright fixtures: a real Måltavle server per worker (own port, own temporary DATA_DIR),
// plus helpers to create boards over the REST API and open them as a named participant.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ADMIN_TOKEN = 'e2e-admin-token-0123456789';

export interface RunningServer {
  url: string;
  dataDir: string;
  /** SIGTERM the server and start it again on the same port and data. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
  start: () => Promise<void>;
}

export interface CreatedBoard {
  id: string;
  title: string;
  tokens: { edit: string; view: string };
  links: { edit: string; view: string };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not come up:\n${output()}`);
}

async function launchServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'maaltavle-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let log = '';
  const start = async () => {
    log = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN, PUBLIC_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => (log += chunk));
    child.stderr?.on('data', (chunk) => (log += chunk));
    await waitForHealth(url, child, () => log);
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await start();
  return { url, dataDir, start, stop, restart: async () => (await stop(), await start()) };
}

export const test = base.extend<{ createBoard: (title: string) => Promise<CreatedBoard> }, { server: RunningServer }>({
  server: [
    async ({}, use) => {
      const server = await launchServer();
      await use(server);
      await server.stop();
      rmSync(server.dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => use(server.url),
  createBoard: async ({ server }, use) => {
    await use(async (title) => {
      const response = await fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title }),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as CreatedBoard;
    });
  },
});

export { expect };

/** Open a board link and, on an edit link, answer the name dialog. */
export async function openBoardAs(page: Page, link: string, name?: string): Promise<void> {
  await page.goto(link);
  if (name) {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill(name);
    await dialog.getByRole('button').click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.locator('[data-field="actions"]')).toBeVisible();
}

/** WCAG 2.1 AA check with axe-core: no serious or critical violations on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // label-content-name-mismatch (WCAG 2.5.3: the accessible name contains the visible label) is off by default in axe.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

export const SCREENSHOTS = 'test-results/screenshots';

/** The action-plan row of the action with this title (the title is a wrapping text area). */
export function actionRow(scope: Page | Locator, title: string): Locator {
  return scope.locator(`[data-testid=action-row][data-title=${JSON.stringify(title)}]`);
}

/** Type a deadline into an action's date picker as a person would (day, month, year segments). */
export async function setDeadline(row: Locator, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-');
  const picker = row.getByTestId('deadline-picker');
  // The plan shows the date as a button until someone reaches for it; a click mounts the picker.
  const daySegment = picker.locator('[data-type=day]');
  if ((await daySegment.count()) === 0) await picker.getByRole('button').first().click();
  await daySegment.focus();
  await row.page().keyboard.type(`${day}${month}${year}`);
  await expect(picker).toHaveAttribute('data-value', isoDate);
}

/** Every element of `items` is inside the viewport and the topmost element at its centre. */
export async function expectAllUncovered(items: Locator, count: number): Promise<void> {
  await expect(items).toHaveCount(count);
  // After a rendered frame: content that `content-visibility: auto` skipped until a scroll brought
  // it near is laid out and hit-tested only at the next rendering (a user never sees the gap).
  await items.page().evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const problems = await items.evaluateAll((elements) =>
    elements.flatMap((element, i) => {
      const box = element.getBoundingClientRect();
      const inside = box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth + 0.5 && box.bottom <= window.innerHeight + 0.5;
      if (!inside) return [`#${i} outside the viewport: ${JSON.stringify(box)}`];
      const points = [
        [box.left + box.width / 2, box.top + box.height / 2],
        // Near two opposite corners, inside any rounded corner.
        [box.left + Math.min(12, box.width * 0.2), box.top + Math.min(12, box.height * 0.2)],
        [box.right - Math.min(12, box.width * 0.2), box.bottom - Math.min(12, box.height * 0.2)],
      ] as const;
      for (const [x, y] of points) {
        const top = document.elementFromPoint(x, y);
        if (!top || !(top === element || element.contains(top))) return [`#${i} covered at ${x},${y} by ${top?.className}`];
      }
      // Not cut off by a clipping ancestor either.
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflow === 'visible' && style.overflowY === 'visible') continue;
        const clip = parent.getBoundingClientRect();
        if (box.top < clip.top - 0.5 || box.bottom > clip.bottom + 0.5 || box.left < clip.left - 0.5 || box.right > clip.right + 0.5) return [`#${i} clipped by ${parent.className}`];
      }
      return [];
    }),
  );
  expect(problems).toEqual([]);
}
