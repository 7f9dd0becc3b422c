import { AzureLanguageError, AzureLanguageService } from '../../src/language/azureLanguageService';
import { mapAzureCategory } from '../../src/language/azurePiiCategories';
import { retryAfterMs } from '../../src/language/retryAfterCap';
import type { TextAnalysis } from '../../src/language/languageService';
import { startFakeAzureLanguage, type FakeAzureLanguage } from '../helpers/fakeAzureLanguage';

let fake: FakeAzureLanguage;

beforeEach(async () => {
  fake = await startFakeAzureLanguage();
});
afterEach(async () => {
  await fake.close();
});

function service(options: { timeoutMs?: number; maxRetries?: number } = {}) {
  return new AzureLanguageService({ endpoint: fake.endpoint, key: fake.key, ...options });
}

/** Every detail points at its own text: what the report dialog relies on to remove it. */
function expectOffsetsRight(texts: readonly string[], results: readonly TextAnalysis[]) {
  results.forEach((r, i) => {
    for (const d of r.details) expect(texts[i]!.slice(d.offset, d.offset + d.length)).toBe(d.text);
  });
}

describe('AzureLanguageService against a fake of the service', () => {
  it('maps Azure categories to ours, with offsets that point at the text', async () => {
    const texts = [
      'My name is Sam Jones, I live at 12 Acacia Road, Barnsley S70 2TA and my number is 07700 900123.',
      'Email me at sam.jones@example.co.uk. My NI number is AB123456C and my card is 4111 1111 1111 1111.',
      'His mate Jordan drives him about. My licence is JONES710238SJ9AB and IBAN GB82 WEST 1234 5698 7654 32, IP 192.168.1.20.',
    ];
    const results = await service().analyse(texts);
    expect(results.map((r) => r.detectedBy)).toEqual(['azure', 'azure', 'azure']);
    expect(results[0]!.details.map((d) => [d.category, d.text])).toEqual([
      ['name', 'Sam Jones'],
      ['address', '12 Acacia Road, Barnsley S70 2TA'],
      ['phone', '07700 900123'],
    ]);
    expect(results[1]!.details.map((d) => [d.category, d.text])).toEqual([
      ['email', 'sam.jones@example.co.uk'],
      ['ni-number', 'AB123456C'],
      ['card-number', '4111 1111 1111 1111'],
    ]);
    expect(results[2]!.details.map((d) => [d.category, d.text])).toEqual([
      ['name', 'Jordan'],
      ['other', 'JONES710238SJ9AB'],
      ['bank-account', 'GB82 WEST 1234 5698 7654 32'],
      ['ip-address', '192.168.1.20'],
    ]);
    expectOffsetsRight(texts, results);
  });

  it('drops what describes no one (dates, ages, organisations, "son", URLs) and unsure entities', async () => {
    const text = 'On Friday my son, 14 years old, met Skye outside Tesco; see https://example.org/news and the postcode S70 2TA.';
    const [result] = await service().analyse([text]);
    // Skye comes back as a Person with confidence 0.31: below the 0.5 floor.
    expect(result!.details).toEqual([{ text: 'S70 2TA', category: 'postcode', offset: text.indexOf('S70 2TA'), length: 7 }]);
  });

  it('sends PII requests in batches of five, one language request, and keeps the results in order', async () => {
    const texts = Array.from({ length: 12 }, (_, i) => `Report ${i}: Tyler was picked up on Monday. Call 07700 9001${String(i).padStart(2, '0')}.`);
    const results = await service().analyse(texts);

    const pii = fake.requests.filter((r) => r.kind === 'PiiEntityRecognition');
    const language = fake.requests.filter((r) => r.kind === 'LanguageDetection');
    expect(pii.map((r) => r.documents.length)).toEqual([5, 5, 2]);
    expect(language.map((r) => r.documents.length)).toEqual([12]);
    expect(fake.requests.every((r) => r.status === 200 && r.apiVersion === '2023-04-01')).toBe(true);
    expect(pii.flatMap((r) => r.documents.map((d) => d.language))).toEqual(Array(12).fill('en'));
    expect(language[0]!.documents.every((d) => d.countryHint === 'gb')).toBe(true);
    expect(pii[0]!.parameters).toMatchObject({ stringIndexType: 'Utf16CodeUnit' });

    expect(results).toHaveLength(12);
    results.forEach((r, i) => {
      expect(r.details.map((d) => d.text)).toEqual(['Tyler', `07700 9001${String(i).padStart(2, '0')}`]);
    });
    expectOffsetsRight(texts, results);
  });

  it('asks for UTF-16 offsets, so that details after emoji are where JavaScript expects them', async () => {
    const text = '👩‍👩‍👧 😟 please help, Tyler is 14 and his mate Jordan has his number 07700 900123';
    const [result] = await service().analyse([text]);
    expect(fake.requests.find((r) => r.kind === 'PiiEntityRecognition')?.parameters).toEqual({ stringIndexType: 'Utf16CodeUnit' });
    expect(result!.details.map((d) => [d.text, d.offset])).toEqual([
      ['Tyler', text.indexOf('Tyler')],
      ['Jordan', text.indexOf('Jordan')],
      ['07700 900123', text.indexOf('07700')],
    ]);
  });

  it('finds an entity by its text when an offset does not point at it (offsets counted another way)', async () => {
    fake.behave({ kind: 'text-element-offsets' });
    const text = '👩‍👩‍👧 😟 please help, Tyler is 14 and his mate Jordan has his number 07700 900123';
    const [result] = await service().analyse([text]);
    expect(result!.details.map((d) => d.text)).toEqual(['Tyler', 'Jordan', '07700 900123']);
    expectOffsetsRight([text], [result!]);
  });

  it('detects the language with country hint gb; unknown and Chinese codes come back as ISO 639-1 or null', async () => {
    const texts = ['My son keeps going missing', 'Mój syn znika w weekendy', 'Mae fy mab wedi mynd ar goll', 'میرا بیٹا گھر نہیں آیا', '我儿子很晚才回家', '12345 !!'];
    const results = await service().analyse(texts);
    expect(results.map((r) => r.language)).toEqual([
      { code: 'en', confidence: 0.99 },
      { code: 'pl', confidence: 1 },
      { code: 'cy', confidence: 0.97 },
      { code: 'ur', confidence: 1 },
      { code: 'zh', confidence: 1 },
      { code: null, confidence: null },
    ]);
  });

  it('does not send empty texts (the service rejects them) and answers them itself', async () => {
    const results = await service().analyse(['', '   ', 'Tyler is 15']);
    expect(fake.requests.every((r) => r.documents.length === 1 && r.documents[0]!.id === '2')).toBe(true);
    expect(results[0]).toEqual({ details: [], language: { code: null, confidence: null }, detectedBy: 'azure' });
    expect(results[2]!.details.map((d) => d.text)).toEqual(['Tyler']);
    expect(await service().analyse([])).toEqual([]);
  });

  it('throws on a per-document error, with the code and not the text', async () => {
    fake.behave({ kind: 'document-error', documentId: '1' });
    const error = await service().analyse(['fine text', 'Sam Jones lives here']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AzureLanguageError);
    expect((error as AzureLanguageError).code).toBe('DOCUMENT_ERROR');
    expect((error as AzureLanguageError).azureCode).toBe('InvalidDocument');
    expect(String((error as Error).message)).not.toContain('Sam Jones');
  });

  it('refuses a text over the 5,120-character limit without calling the service', async () => {
    await expect(service().analyse(['x'.repeat(5121)])).rejects.toMatchObject({ code: 'DOCUMENT_TOO_LONG' });
    expect(fake.requests).toHaveLength(0);
  });

  it('retries a 429 once, then throws with status 429', async () => {
    fake.behave({ kind: 'throttle', retryAfterSeconds: 0 });
    await expect(service({ maxRetries: 1 }).analyse(['Tyler'])).rejects.toMatchObject({ statusCode: 429 });
    expect(fake.requests.filter((r) => r.kind === 'PiiEntityRecognition')).toHaveLength(2);
    expect(fake.requests.every((r) => r.status === 429)).toBe(true);
  });

  it('does not wait out a long Retry-After: the 429 comes straight back', async () => {
    fake.behave({ kind: 'throttle', retryAfterSeconds: 30 });
    const started = Date.now();
    await expect(service({ timeoutMs: 3000 }).analyse(['Tyler'])).rejects.toMatchObject({ statusCode: 429 });
    expect(fake.requests.filter((r) => r.kind === 'PiiEntityRecognition')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('gives up when the service hangs, through its abort signal', async () => {
    fake.behave({ kind: 'hang' });
    const started = Date.now();
    await expect(service({ timeoutMs: 300 }).analyse(['Tyler'])).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('throws on a wrong key (401)', async () => {
    const wrong = new AzureLanguageService({ endpoint: fake.endpoint, key: 'not-the-key' });
    await expect(wrong.analyse(['Tyler'])).rejects.toMatchObject({ statusCode: 401 });
  });

  it('rejects bad options when built', () => {
    expect(() => new AzureLanguageService({ endpoint: 'not a url', key: 'k' })).toThrow(/endpoint/);
    expect(() => new AzureLanguageService({ endpoint: 'ftp://x.example/', key: 'k' })).toThrow(/endpoint/);
    expect(() => new AzureLanguageService({ endpoint: 'https://x.example/', key: '' })).toThrow(/key/);
    expect(() => new AzureLanguageService({ endpoint: 'https://x.example/', key: 'k', timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});

describe('mapAzureCategory', () => {
  it.each([
    ['Person', 'Sam', 'name'],
    ['PhoneNumber', '07700 900123', 'phone'],
    ['Email', 'a@b.uk', 'email'],
    ['Address', '12 Acacia Road', 'address'],
    ['Address', 'S70 2TA', 'postcode'],
    ['UKNationalInsuranceNumber', 'AB123456C', 'ni-number'],
    ['InternationalBankingAccountNumber', 'GB82WEST12345698765432', 'bank-account'],
    ['USBankAccountNumber', '123456789', 'bank-account'],
    ['CreditCardNumber', '4111111111111111', 'card-number'],
    ['EUDebitCardNumber', '4111111111111111', 'card-number'],
    ['IPAddress', '10.0.0.1', 'ip-address'],
    ['UKNationalHealthNumber', '943 476 5919', 'other'],
    ['USUKPassportNumber', '123456789', 'other'],
    ['UKDriversLicenseNumber', 'JONES710238SJ9AB', 'other'],
  ])('%s "%s" → %s', (category, text, ours) => {
    expect(mapAzureCategory(category, text)).toBe(ours);
  });

  it.each(['DateTime', 'Date', 'Age', 'PersonType', 'Organization', 'Quantity', 'URL', 'SWIFTCode', 'ABARoutingNumber', 'AzureStorageAccountKey'])(
    'drops %s',
    (category) => {
      expect(mapAzureCategory(category, 'x')).toBeNull();
    },
  );
});

describe('retryAfterMs', () => {
  const headers = (h: Record<string, string>) => (name: string) => h[name];
  it('reads seconds, milliseconds and dates', () => {
    expect(retryAfterMs(headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(headers({ 'retry-after-ms': '150', 'retry-after': '9' }))).toBe(150);
    expect(retryAfterMs(headers({ 'x-ms-retry-after-ms': '40' }))).toBe(40);
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    expect(retryAfterMs(headers({ 'retry-after': inAMinute }))).toBeGreaterThan(50_000);
    expect(retryAfterMs(headers({}))).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }))).toBeUndefined();
  });
});
