/**
 * The whole client journey in a real browser (Debian's chromium driven by playwright-core) against the real local
 * stack at a high time scale: register, log in, profile, one domain through the UI (the rest through the API),
 * an upload through the UI, submit, the status reaching the 48-hour stage, the report with its heatmap, the
 * validation, the kits. A second user cannot reach the first user's pages. Screenshots: test-results/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Client, PASSWORD, startTestStack, type TestStack } from '../helpers/stack';
import { answersFor, chunk } from '../helpers/answers';
import { waitUntil } from '../helpers/pipeline';
import { auditPage, auditProblems, installClsObserver, type AuditResult } from './audit';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { runFounderCommand } from '../../src/local/founders';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PROFILE = {
  companyName: 'Brightpath Consulting Ltd',
  industry: 'professional-services',
  revenueBand: '5m-10m',
  teamSize: '51-100',
  businessModel: 'b2b',
  growthStage: 'scaling',
  regulated: false,
  hasPhysicalProducts: false,
  subscriptionModel: false,
  channelSales: false,
  headcountGrowthOver50: false,
  challenges: 'Cash is tight every quarter and good consultants leave.',
  objectives: 'Grow to £15M with a steady pipeline.',
};

describe('the web app in a real browser', () => {
  let stack: TestStack;
  let browser: Browser;
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.resolve(__dirname, '..', '..', 'web', 'dist', 'index.html')))
      throw new Error('web/dist is missing: `npm test` builds it first (npm run build:web)');
    if (!fs.existsSync(CHROMIUM))
      throw new Error(`chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
    fs.mkdirSync(SHOTS, { recursive: true });
    stack = await startTestStack({ SCALEMAP_TIME_SCALE: '4320' }, { runner: { pollMs: 200 } });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function newPage(width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await installClsObserver(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (m) => {
      // 4xx answers the test provokes on purpose are logged by the browser as failed resources.
      // (The test's own CLS observer is injected into every frame, and sandboxed documents refuse it.)
      if (
        (m.type() === 'error' || m.type() === 'warning') &&
        !/status of 40[134]/.test(m.text()) &&
        !/Blocked script execution in 'about:srcdoc'/.test(m.text())
      )
        consoleProblems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (err) => consoleProblems.push(`pageerror: ${err.message}`));
    return page;
  }

  async function logIn(page: Page, email: string) {
    await page.goto(stack.url + '/login');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/dashboard/);
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  /** Every page at a desktop and a phone width: overflow, axe, CLS, client text; screenshots of each. */
  async function walk(paths: [string, string][], setUp?: (page: Page) => Promise<void>) {
    const results: AuditResult[] = [];
    for (const width of [1440, 375]) {
      const page = await newPage(width);
      await setUp?.(page);
      for (const [name, url] of paths) {
        await page.goto(stack.url + url);
        results.push(await auditPage(page, name, SHOTS));
      }
      await page.context().close();
    }
    return results;
  }

  it('walks the public pages at 1440 and 375 px', async () => {
    const results = await walk([
      ['p01-landing', '/'],
      ['p02-sample', '/sample'],
      ['p03-sample-report', '/sample/detailed-report'],
      ['p04-about', '/about'],
      ['p05-confidentiality', '/confidentiality'],
      ['p06-terms', '/terms'],
      ['p07-privacy', '/privacy'],
      ['p08-refunds', '/refunds'],
      ['p09-contact', '/contact'],
      ['p10-register', '/register'],
      ['p11-login', '/login'],
      ['p12-forgot', '/forgot'],
      ['p13-not-found', '/no-such-page'],
    ]);
    expect(auditProblems(results)).toEqual([]);
  }, 240_000);

  let email = '';
  let id = '';

  it('takes a client from sign-up to the implementation kits', async () => {
    const page = await newPage();
    email = `browser${Date.now()}@example.com`;

    await page.goto(stack.url + '/');
    await shot(page, '01-landing');
    await page.goto(stack.url + '/register');
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Hopper');
    await page.getByLabel('Company name').fill(PROFILE.companyName);
    await page.getByLabel('Work email address').fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await shot(page, '02-register');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/profile/);

    // Log out, then log in again.
    await page.getByRole('button', { name: /log out/i }).click();
    await logIn(page, email);

    // Company profile.
    await page.goto(stack.url + '/profile');
    await page.getByRole('combobox', { name: 'Industry' }).selectOption(PROFILE.industry);
    await page.getByRole('combobox', { name: 'Annual revenue' }).selectOption(PROFILE.revenueBand);
    await page.getByRole('combobox', { name: 'Team size' }).selectOption(PROFILE.teamSize);
    await page.getByRole('combobox', { name: 'Business model' }).selectOption(PROFILE.businessModel);
    await page.getByRole('combobox', { name: 'Growth stage' }).selectOption(PROFILE.growthStage);
    await page.getByLabel('Main challenges').fill(PROFILE.challenges);
    await page.getByLabel('Objectives').fill(PROFILE.objectives);
    await shot(page, '03-profile');
    await page.getByRole('button', { name: /^Save/ }).click();
    await page.getByText(/saved/i).first().waitFor();

    // Start an assessment and answer the first domain in the browser.
    await page.goto(stack.url + '/dashboard');
    await page.getByRole('button', { name: 'Start an assessment' }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}\/questionnaire/);
    id = /assessments\/([0-9a-f-]{36})/.exec(page.url())![1];
    await page.getByRole('heading', { level: 2, name: /Strategic Alignment/ }).waitFor();
    const groups = page.getByRole('radiogroup');
    const count = await groups.count();
    expect(count).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < count; i++) {
      // Weak answers (5) open the follow-up boxes of trigger questions.
      await groups.nth(i).getByRole('radio', { name: /^5 – / }).check();
    }
    const followUps = page.getByRole('textbox');
    if ((await followUps.count()) > 0)
      await followUps.first().fill('We tried quarterly offsites; they did not stick.');
    await page.getByTestId('save-status').and(page.locator('[data-state="saved"]')).waitFor();
    await shot(page, '04-questionnaire');

    const cookie = (await page.context().cookies()).find((c) => c.name === 'scalemap.sid')!;
    const api = new Client(stack.url);
    api.cookie = `${cookie.name}=${cookie.value}`;
    const saved = (await api.get(`/api/assessments/${id}`)).body;
    const firstDomain = saved.progress.domains.find(
      (d: { domain: string }) => d.domain === 'strategic-alignment',
    );
    expect(firstDomain.answered).toBe(count);
    // The other domains through the API.
    for (const batch of chunk(
      answersFor(PROFILE, ['financial-management', 'people-organization'], {
        skipDomains: ['strategic-alignment'],
      }),
      60,
    )) {
      expect((await api.put(`/api/assessments/${id}/answers`, { answers: batch })).status).toBe(200);
    }

    // A document through the browser.
    await page.goto(`${stack.url}/assessments/${id}/documents`);
    await page.getByLabel('Files to upload').setInputFiles({
      name: 'board-pack.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20_000, 7)]),
    });
    await page.getByRole('button', { name: 'Delete board-pack.pdf' }).waitFor();
    await shot(page, '05-documents');
    expect((await api.get(`/api/assessments/${id}`)).body.documents[0]).toMatchObject({
      fileName: 'board-pack.pdf',
      status: 'uploaded',
    });

    // On a phone, before submission: the documents table keeps Delete in view, the order summary fits.
    const draftPhone = await newPage(375);
    await logIn(draftPhone, email);
    await draftPhone.goto(`${stack.url}/assessments/${id}/documents`);
    const del = draftPhone.getByRole('button', { name: 'Delete board-pack.pdf' });
    await del.waitFor();
    const draftAudits = [await auditPage(draftPhone, 'd01-documents-draft', SHOTS)];
    const box = (await del.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    await draftPhone.goto(`${stack.url}/assessments/${id}/review`);
    await draftPhone.getByRole('table', { name: 'Your order' }).waitFor();
    draftAudits.push(await auditPage(draftPhone, 'd02-review-order-summary', SHOTS));
    expect(auditProblems(draftAudits)).toEqual([]);
    await draftPhone.context().close();

    // Review and submit.
    await page.goto(`${stack.url}/assessments/${id}/review`);
    await page.getByRole('table', { name: 'Your order' }).waitFor();
    await shot(page, '06-review');
    await page.getByRole('button', { name: 'Submit the assessment' }).click();
    // The order summary asks for a confirmation first: submitting locks the answers.
    await page.getByRole('dialog', { name: 'Submit and lock your answers?' }).waitFor();
    await page.getByRole('button', { name: 'Yes, submit now' }).click();
    await page.waitForURL(/\/status/);

    // The live timeline reaches the 48-hour stage and asks for the validation.
    await page.getByRole('link', { name: 'validate the priorities' }).first().waitFor({ timeout: 90_000 });
    await shot(page, '07-status-48h');

    // The report, with its heatmap.
    await page.goto(`${stack.url}/assessments/${id}/deliverables/detailed-report`);
    const report = page.frameLocator('iframe').first();
    await report.locator('svg').first().waitFor();
    expect(await report.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole('link', { name: /Download PDF/ })).toBeTruthy();
    await shot(page, '08-report');

    // The validation.
    await page.goto(`${stack.url}/assessments/${id}/validate`);
    const agreements = page.getByRole('radiogroup', { name: /How much do you agree/ });
    await agreements.first().waitFor();
    expect(await agreements.count()).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < (await agreements.count()); i++)
      await agreements.nth(i).getByRole('radio', { name: '4 – Agree' }).check();
    const resources = page.getByRole('radiogroup', { name: 'Resources you can give it' });
    for (let i = 0; i < (await resources.count()); i++)
      await resources.nth(i).getByRole('radio', { name: 'Medium', exact: true }).check();
    await page
      .getByRole('radiogroup', { name: /capacity for change/ })
      .getByRole('radio', { name: 'Medium', exact: true })
      .check();
    await page
      .getByRole('radiogroup', { name: 'Timeline preference' })
      .getByRole('radio', { name: /^Standard/ })
      .check();
    await shot(page, '09-validate');
    await page.getByRole('button', { name: 'Send my validation' }).click();
    await waitUntil(
      'the validation to be stored',
      async () => (await api.get(`/api/assessments/${id}`)).body.validation,
    );

    // The kits.
    await waitUntil(
      'the kits',
      async () => (await api.get(`/api/assessments/${id}`)).body.status === 'completed',
      90_000,
    );
    await page.goto(`${stack.url}/assessments/${id}/deliverables/implementation-kits`);
    await page
      .frameLocator('iframe')
      .first()
      .getByText(/playbook/i)
      .first()
      .waitFor();
    await shot(page, '10-kits');
    await page.goto(`${stack.url}/assessments/${id}/status`);
    await page.getByText('Implementation kits').first().waitFor();
    await shot(page, '11-status-complete');

    // Phone width: the status page fits 375 px without sideways scrolling.
    const phone = await newPage(375);
    await logIn(phone, email);
    await phone.goto(`${stack.url}/assessments/${id}/status`);
    await phone.getByText('Implementation kits').first().waitFor();
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(phone, '12-status-phone');

    // A second user cannot reach the first user's pages.
    const other = await newPage();
    const otherEmail = `other${Date.now()}@example.com`;
    const otherApi = new Client(stack.url);
    await otherApi.post('/api/auth/register', {
      email: otherEmail,
      password: PASSWORD,
      firstName: 'Eve',
      lastName: 'Other',
      companyName: 'Other Ltd',
    });
    await logIn(other, otherEmail);
    await other.goto(`${stack.url}/assessments/${id}/deliverables/detailed-report`);
    await other
      .getByText(/not found|does not exist|no access/i)
      .first()
      .waitFor();
    expect(await other.frameLocator('iframe').locator('svg').count()).toBe(0);
    await shot(other, '13-other-user');

    expect(consoleProblems).toEqual([]);
  }, 300_000);

  it('walks every signed-in page at 1440 and 375 px, and reads "on time" for on-time deliveries', async () => {
    expect(id).not.toBe('');
    const base = `/assessments/${id}`;
    // The founder console too: make the client a founder (npm run founder's code) before signing in.
    const cognito = new CognitoIdentityProviderClient({
      endpoint: stack.app.stack.cognitoEndpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await runFounderCommand(cognito, stack.app.stack.userPoolId, { action: 'add', email });
    cognito.destroy();

    const results = await walk(
      [
        ['s01-dashboard', '/dashboard'],
        ['s02-profile', '/profile'],
        ['s03-questionnaire-locked', `${base}/questionnaire`],
        ['s04-documents', `${base}/documents`],
        ['s05-review', `${base}/review`],
        ['s06-status', `${base}/status`],
        ['s07-summary', `${base}/deliverables/executive-summary`],
        ['s08-report', `${base}/deliverables/detailed-report`],
        ['s09-kits', `${base}/deliverables/implementation-kits`],
        ['s10-validation-sent', `${base}/validate`],
        ['s11-outbox', '/outbox'],
        ['s12-founder-console', '/admin'],
      ],
      (page) => logIn(page, email),
    );
    expect(auditProblems(results)).toEqual([]);

    // The status page says "on time" for every delivery the API counts as on time, and never "overdue".
    const page = await newPage(1440);
    await logIn(page, email);
    await page.goto(`${stack.url}${base}/status`);
    await page.getByText('Implementation kits').first().waitFor();
    const api = new Client(stack.url);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'scalemap.sid')!;
    api.cookie = `${cookie.name}=${cookie.value}`;
    const a = (await api.get(`/api/assessments/${id}`)).body;
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/overdue/i);
    const onTime = a.deliverables.filter((d: { onTime: boolean }) => d.onTime).length;
    expect((text.match(/· on time/g) ?? []).length).toBe(onTime);
    expect(consoleProblems).toEqual([]);
  }, 240_000);
});
