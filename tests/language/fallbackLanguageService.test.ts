import { createLanguageService } from '../../src/language/createLanguageService';
import { FallbackLanguageService, fallbackReason, LanguageTimeoutError } from '../../src/language/fallbackLanguageService';
import type { LanguageService, TextAnalysis } from '../../src/language/languageService';
import { LocalLanguageService } from '../../src/language/localLanguageService';
import { createLogger } from '../../src/logging/logger';
import { startFakeAzureLanguage, type FakeAzureLanguage } from '../helpers/fakeAzureLanguage';
import { LogCapture } from '../helpers/testApp';

const TEXTS = [
  'My name is Sam Jones and my number is 07700 900123',
  'His mate Jordan lives at 12 Acacia Road, email jordan.b@example.co.uk',
];

let fake: FakeAzureLanguage;
let logs: LogCapture;

beforeEach(async () => {
  fake = await startFakeAzureLanguage();
  logs = new LogCapture();
});
afterEach(async () => {
  await fake.close();
});

function azureWithFallback(timeoutMs = 3000): LanguageService {
  return createLanguageService(
    { LANGUAGE_ENDPOINT: fake.endpoint, LANGUAGE_KEY: fake.key, LANGUAGE_TIMEOUT_MS: timeoutMs },
    createLogger('debug', logs),
  );
}

function warnings(): Array<Record<string, unknown>> {
  return logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.level === 40);
}

/** Nothing the reporter typed reaches the log: not the texts, nor any detail found in them. */
function expectNoTextInLogs(results: readonly TextAnalysis[]) {
  for (const text of TEXTS) expect(logs.text).not.toContain(text);
  for (const detail of results.flatMap((r) => r.details)) expect(logs.text).not.toContain(detail.text);
}

const localResults = () => new LocalLanguageService().analyse(TEXTS);

describe('Azure with the local service as fallback', () => {
  it('answers from Azure when Azure answers, and logs no warning', async () => {
    const results = await azureWithFallback().analyse(TEXTS);
    expect(results.map((r) => r.detectedBy)).toEqual(['azure', 'azure']);
    expect(results[0]!.details.map((d) => d.text)).toEqual(['Sam Jones', '07700 900123']);
    expect(warnings()).toEqual([]);
  });

  it('falls back to local on a 429, with the local result and code LANGUAGE_FALLBACK / http-429', async () => {
    fake.behave({ kind: 'throttle', retryAfterSeconds: 0 });
    const results = await azureWithFallback().analyse(TEXTS);
    expect(results).toEqual(await localResults());
    expect(results.map((r) => r.detectedBy)).toEqual(['local', 'local']);
    expect(results[0]!.details.map((d) => [d.category, d.text])).toEqual([
      ['name', 'Sam Jones'],
      ['phone', '07700 900123'],
    ]);
    expect(warnings()).toEqual([expect.objectContaining({ code: 'LANGUAGE_FALLBACK', reason: 'http-429', status: 429 })]);
    expectNoTextInLogs(results);
  });

  it('falls back at once on a 429 that asks for a long wait', async () => {
    fake.behave({ kind: 'throttle', retryAfterSeconds: 60 });
    const results = await azureWithFallback(3000).analyse(TEXTS);
    expect(results.map((r) => r.detectedBy)).toEqual(['local', 'local']);
    expect(warnings()).toEqual([expect.objectContaining({ code: 'LANGUAGE_FALLBACK', reason: 'http-429' })]);
  });

  it('falls back to local when Azure hangs, within roughly the timeout', async () => {
    fake.behave({ kind: 'hang' });
    const started = Date.now();
    const results = await azureWithFallback(300).analyse(TEXTS);
    expect(results).toEqual(await localResults());
    expect(Date.now() - started).toBeLessThan(5000);
    expect(warnings()).toEqual([expect.objectContaining({ code: 'LANGUAGE_FALLBACK', reason: 'timeout' })]);
    expectNoTextInLogs(results);
  });

  it('falls back to local on a server error', async () => {
    fake.behave({ kind: 'server-error' });
    const results = await azureWithFallback().analyse(TEXTS);
    expect(results).toEqual(await localResults());
    expect(warnings()).toEqual([expect.objectContaining({ code: 'LANGUAGE_FALLBACK', reason: 'error', status: 500 })]);
    expectNoTextInLogs(results);
  });

  it('falls back to local when one document fails', async () => {
    fake.behave({ kind: 'document-error', documentId: '1' });
    const results = await azureWithFallback().analyse(TEXTS);
    expect(results.map((r) => r.detectedBy)).toEqual(['local', 'local']);
    expect(warnings()).toEqual([
      expect.objectContaining({ code: 'LANGUAGE_FALLBACK', reason: 'error', err: { type: 'AzureLanguageError', code: 'DOCUMENT_ERROR' } }),
    ]);
    expectNoTextInLogs(results);
  });

  it('falls back to local on a wrong key (401)', async () => {
    const service = createLanguageService(
      { LANGUAGE_ENDPOINT: fake.endpoint, LANGUAGE_KEY: 'wrong-key', LANGUAGE_TIMEOUT_MS: 3000 },
      createLogger('debug', logs),
    );
    const results = await service.analyse(TEXTS);
    expect(results.map((r) => r.detectedBy)).toEqual(['local', 'local']);
    expect(warnings()).toEqual([expect.objectContaining({ reason: 'error', status: 401 })]);
    expect(logs.text).not.toContain('wrong-key');
  });
});

describe('FallbackLanguageService on its own', () => {
  const local = new LocalLanguageService();
  const logger = () => createLogger('debug', logs);

  it('enforces its own timeout when the primary ignores every abort', async () => {
    const neverAnswers: LanguageService = { analyse: () => new Promise<TextAnalysis[]>(() => undefined) };
    const results = await new FallbackLanguageService(neverAnswers, local, logger(), 200).analyse(TEXTS);
    expect(results).toEqual(await local.analyse(TEXTS));
    expect(warnings()).toEqual([expect.objectContaining({ code: 'LANGUAGE_FALLBACK', reason: 'timeout' })]);
  });

  it('does not trust a primary that answers for the wrong number of texts', async () => {
    const short: LanguageService = { analyse: async () => [] };
    const results = await new FallbackLanguageService(short, local, logger(), 1000).analyse(TEXTS);
    expect(results.map((r) => r.detectedBy)).toEqual(['local', 'local']);
  });

  it('logs an error that quotes the text by kind only', async () => {
    const quoting: LanguageService = {
      analyse: async (texts) => {
        throw new Error(`could not parse ${texts.join(' ')}`);
      },
    };
    const results = await new FallbackLanguageService(quoting, local, logger(), 1000).analyse(TEXTS);
    expect(warnings()).toEqual([expect.objectContaining({ reason: 'error', err: { type: 'Error' } })]);
    expectNoTextInLogs(results);
  });

  it('rejects a bad timeout when built', () => {
    expect(() => new FallbackLanguageService(local, local, logger(), 0)).toThrow(/timeoutMs/);
  });
});

describe('fallbackReason', () => {
  it.each([
    [new LanguageTimeoutError(), { reason: 'timeout' }],
    [Object.assign(new Error('aborted'), { name: 'AbortError' }), { reason: 'timeout' }],
    [Object.assign(new Error('x'), { statusCode: 429 }), { reason: 'http-429', status: 429 }],
    [Object.assign(new Error('x'), { statusCode: 503 }), { reason: 'error', status: 503 }],
    [new TypeError('x'), { reason: 'error' }],
    ['a string', { reason: 'error' }],
  ])('%p → %p', (err, expected) => {
    expect(fallbackReason(err)).toEqual(expected);
  });
});

describe('createLanguageService', () => {
  it('is local only unless both endpoint and key are set', async () => {
    const logger = createLogger('debug', logs);
    for (const config of [
      { LANGUAGE_TIMEOUT_MS: 3000 },
      { LANGUAGE_ENDPOINT: fake.endpoint, LANGUAGE_TIMEOUT_MS: 3000 },
      { LANGUAGE_KEY: fake.key, LANGUAGE_TIMEOUT_MS: 3000 },
    ]) {
      const service = createLanguageService(config, logger);
      expect(service).toBeInstanceOf(LocalLanguageService);
    }
    expect(createLanguageService({ LANGUAGE_ENDPOINT: fake.endpoint, LANGUAGE_KEY: fake.key, LANGUAGE_TIMEOUT_MS: 3000 }, logger)).toBeInstanceOf(
      FallbackLanguageService,
    );
    expect(fake.requests).toHaveLength(0);
  });
});
