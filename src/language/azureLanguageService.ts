import {
  AzureKeyCredential,
  TextAnalysisClient,
  type Entity,
  type LanguageDetectionInput,
  type TextDocumentInput,
} from '@azure/ai-language-text';
import { mapAzureCategory } from './azurePiiCategories';
import { keepLongest } from './keepLongest';
import type { DetectedLanguage, LanguageService, PersonalDetail, TextAnalysis } from './languageService';
import { retryAfterCap } from './retryAfterCap';

export interface AzureLanguageOptions {
  /** The resource endpoint, e.g. https://<name>.cognitiveservices.azure.com/ (http:// only for tests). */
  endpoint: string;
  key: string;
  /** Budget for one analyse(): both calls and any retry, through an abort signal. Default 3000. */
  timeoutMs?: number;
  /**
   * Retries after a 429, a 5xx or a dropped connection. Default 1, so that throttling cannot stall a
   * chat; a 429 whose Retry-After would not fit in the budget is not retried at all.
   */
  maxRetries?: number;
  /** Entities Azure is less sure of than this are left out. Default 0.5. */
  minConfidence?: number;
}

/** A failure with a code only: never the text, never Azure's message (which may quote the text). */
export class AzureLanguageError extends Error {
  constructor(
    readonly code: 'DOCUMENT_TOO_LONG' | 'DOCUMENT_ERROR',
    readonly azureCode?: string,
  ) {
    super(azureCode ? `${code} (${azureCode})` : code);
    this.name = 'AzureLanguageError';
  }
}

/** Service limits: documents per PII request and per language request, characters per document. */
const PII_BATCH = 5;
const LANGUAGE_BATCH = 1000;
const MAX_DOCUMENT_CHARS = 5120;
const UNKNOWN: DetectedLanguage = { code: null, confidence: null };

interface Document {
  id: string;
  text: string;
}

/**
 * Azure AI Language: PII entity recognition (in batches of five) and language detection (country hint
 * gb), run side by side under one abort signal. A document the service could not process fails the
 * whole call, so that the fallback takes over with one consistent answer.
 */
export class AzureLanguageService implements LanguageService {
  private readonly client: TextAnalysisClient;
  private readonly timeoutMs: number;
  private readonly minConfidence: number;

  constructor(options: AzureLanguageOptions) {
    const url = parseEndpoint(options.endpoint);
    if (!options.key) throw new Error('AzureLanguageService: key is empty');
    this.timeoutMs = checkedNumber('timeoutMs', options.timeoutMs ?? 3000, 1, 60_000);
    this.minConfidence = checkedNumber('minConfidence', options.minConfidence ?? 0.5, 0, 1);
    const maxRetries = checkedNumber('maxRetries', options.maxRetries ?? 1, 0, 5);
    // The SDK appends "/language/..." as is: a portal-style trailing slash would make "//language".
    this.client = new TextAnalysisClient(url.href.replace(/\/+$/, ''), new AzureKeyCredential(options.key), {
      defaultCountryHint: 'gb',
      defaultLanguage: 'en',
      allowInsecureConnection: url.protocol === 'http:',
      retryOptions: { maxRetries, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
      // Wait out a Retry-After only while it leaves time for the retry within the budget.
      additionalPolicies: [retryAfterCap(Math.min(1000, this.timeoutMs / 3))],
    });
  }

  async analyse(texts: readonly string[]): Promise<TextAnalysis[]> {
    const documents = texts.flatMap((text, i) => (text.trim() ? [{ id: String(i), text }] : []));
    if (documents.some((d) => d.text.length > MAX_DOCUMENT_CHARS)) throw new AzureLanguageError('DOCUMENT_TOO_LONG');
    const results: TextAnalysis[] = texts.map(() => ({ details: [], language: UNKNOWN, detectedBy: 'azure' }));
    if (documents.length === 0) return results;

    const abortSignal = AbortSignal.timeout(this.timeoutMs);
    const [details, languages] = await Promise.all([
      this.recognisePii(documents, abortSignal),
      this.detectLanguages(documents, abortSignal),
    ]);
    for (const { id } of documents) {
      results[Number(id)] = { details: details.get(id) ?? [], language: languages.get(id) ?? UNKNOWN, detectedBy: 'azure' };
    }
    return results;
  }

  private async recognisePii(documents: readonly Document[], abortSignal: AbortSignal): Promise<Map<string, PersonalDetail[]>> {
    const batches = await Promise.all(
      chunk(documents, PII_BATCH).map((batch) => {
        const inputs: TextDocumentInput[] = batch.map((d) => ({ id: d.id, text: d.text, language: 'en' }));
        // The service counts offsets in text elements unless told otherwise; JavaScript counts UTF-16 units.
        return this.client.analyze('PiiEntityRecognition', inputs, { abortSignal, stringIndexType: 'Utf16CodeUnit' });
      }),
    );
    const found = new Map<string, PersonalDetail[]>();
    const texts = new Map(documents.map((d) => [d.id, d.text]));
    for (const result of batches.flat()) {
      if (result.error) throw new AzureLanguageError('DOCUMENT_ERROR', result.error.code);
      const text = texts.get(result.id) ?? '';
      found.set(result.id, keepLongest(result.entities.flatMap((e) => this.toDetail(e, text))));
    }
    return found;
  }

  private async detectLanguages(documents: readonly Document[], abortSignal: AbortSignal): Promise<Map<string, DetectedLanguage>> {
    const batches = await Promise.all(
      chunk(documents, LANGUAGE_BATCH).map((batch) => {
        const inputs: LanguageDetectionInput[] = batch.map((d) => ({ id: d.id, text: d.text, countryHint: 'gb' }));
        return this.client.analyze('LanguageDetection', inputs, { abortSignal });
      }),
    );
    const found = new Map<string, DetectedLanguage>();
    for (const result of batches.flat()) {
      if (result.error) throw new AzureLanguageError('DOCUMENT_ERROR', result.error.code);
      // "(Unknown)" when the service cannot tell; "zh_chs" for Chinese: we keep ISO 639-1 only.
      const code = /^([a-z]{2})(?:_|$)/.exec(result.primaryLanguage.iso6391Name)?.[1];
      found.set(result.id, code ? { code, confidence: result.primaryLanguage.confidenceScore } : UNKNOWN);
    }
    return found;
  }

  /** Our detail for an Azure entity: mapped category, confident enough, and found where Azure says it is. */
  private toDetail(entity: Entity, text: string): PersonalDetail[] {
    const category = mapAzureCategory(entity.category, entity.text);
    if (!category || entity.confidenceScore < this.minConfidence) return [];
    const offset = locate(text, entity);
    return offset === undefined ? [] : [{ text: entity.text, category, offset, length: entity.text.length }];
  }
}

/** Azure's offset, checked; if it does not point at the entity, the nearest occurrence of its text. */
function locate(text: string, entity: Entity): number | undefined {
  if (text.slice(entity.offset, entity.offset + entity.text.length) === entity.text) return entity.offset;
  let best: number | undefined;
  for (let at = text.indexOf(entity.text); at >= 0; at = text.indexOf(entity.text, at + 1)) {
    if (best === undefined || Math.abs(at - entity.offset) < Math.abs(best - entity.offset)) best = at;
  }
  return entity.text ? best : undefined;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function parseEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error('AzureLanguageService: endpoint is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('AzureLanguageService: endpoint must be http(s)');
  return url;
}

function checkedNumber(name: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`AzureLanguageService: ${name} must be between ${min} and ${max}`);
  }
  return value;
}
