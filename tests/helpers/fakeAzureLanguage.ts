import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Azure AI Language's synchronous endpoint, speaking its wire format:
 * `POST /language/:analyze-text?api-version=...` with an `Ocp-Apim-Subscription-Key` header and a body
 * `{kind, analysisInput: {documents: [{id, text, language | countryHint}]}, parameters}`. It answers
 * PiiEntityRecognition and LanguageDetection from simple rules applied to the incoming text (UK names,
 * phone numbers, postcodes...), so entities carry their real offsets in whatever text a test sends,
 * counted as `parameters.stringIndexType` asks (the service's default is text elements, not UTF-16).
 * It enforces the service's limits (5 documents per PII request, 5,120 characters per document) and
 * can be told to throttle (429 with Retry-After), to hang, to fail, or to fail one document.
 */

export type FakeBehaviour =
  | { kind: 'ok' }
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'hang' }
  | { kind: 'server-error' }
  | { kind: 'document-error'; documentId: string }
  /** Offsets counted in text elements (graphemes), whatever stringIndexType the request asked for. */
  | { kind: 'text-element-offsets' };

/** How offsets and lengths are counted: the request's `parameters.stringIndexType`; the service's default is TextElements_v8. */
export type StringIndexType = 'TextElements_v8' | 'UnicodeCodePoint' | 'Utf16CodeUnit';

export interface FakeRequest {
  kind: string;
  apiVersion: string | null;
  documents: WireDocument[];
  parameters: unknown;
  status: number;
}

export interface FakeAzureLanguage {
  /** Base URL to give the client, e.g. http://127.0.0.1:41234/ */
  readonly endpoint: string;
  readonly key: string;
  /** Every request that reached the analyse route, in order of arrival. */
  readonly requests: FakeRequest[];
  behave(behaviour: FakeBehaviour): void;
  close(): Promise<void>;
}

interface WireDocument {
  id: string;
  text: string;
  language?: string;
  countryHint?: string;
}

interface WireEntity {
  text: string;
  category: string;
  subcategory?: string;
  offset: number;
  length: number;
  confidenceScore: number;
}

const PII_LIMIT = 5;
const LANGUAGE_LIMIT = 1000;
const CHAR_LIMIT = 5120;

/** Entity rules: a pattern, the category Azure would give, and its usual confidence. */
const PII_RULES: ReadonlyArray<{ pattern: RegExp; category: string; subcategory?: string; confidence: number }> = [
  { pattern: /\b(?:Sam Jones|Priya Patel|Dean Smith|Tyler|Jordan|Kyle|Reece|Chantelle)\b/g, category: 'Person', confidence: 0.96 },
  { pattern: /\bSkye\b/g, category: 'Person', confidence: 0.31 },
  { pattern: /\b\d{1,4} [A-Z][a-z]+ (?:Road|Street|Lane|Avenue|Close)(?:, [A-Z][a-z]+)?(?: [A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2})?/g, category: 'Address', confidence: 0.88 },
  { pattern: /\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b/g, category: 'Address', confidence: 0.7 },
  { pattern: /(?:\+44 ?7\d{3}|\b07\d{3}) ?\d{3} ?\d{3}\b|\b0\d{3} \d{3} \d{4}\b/g, category: 'PhoneNumber', confidence: 0.8 },
  { pattern: /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, category: 'Email', confidence: 0.8 },
  { pattern: /\b[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g, category: 'UKNationalInsuranceNumber', confidence: 0.85 },
  { pattern: /\b[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}\b/g, category: 'UKDriversLicenseNumber', confidence: 0.75 },
  { pattern: /\bGB\d{2} ?[A-Z]{4}(?: ?\d){14}\b/g, category: 'InternationalBankingAccountNumber', confidence: 0.8 },
  { pattern: /\b\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}\b/g, category: 'CreditCardNumber', confidence: 0.8 },
  { pattern: /\b\d{1,3}(?:\.\d{1,3}){3}\b/g, category: 'IPAddress', confidence: 0.8 },
  { pattern: /\b(?:son|daughter|mate|mum|dad|lads?)\b/g, category: 'PersonType', confidence: 0.9 },
  { pattern: /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|last night|\d{1,2}\/\d{1,2}\/\d{2,4})\b/g, category: 'DateTime', subcategory: 'Date', confidence: 0.8 },
  { pattern: /\b(?:Barnsley Council|Tesco|NSPCC)\b/g, category: 'Organization', confidence: 0.9 },
  { pattern: /\b\d{1,2} years old\b/g, category: 'Age', confidence: 0.9 },
  { pattern: /\bhttps?:\/\/\S+/g, category: 'URL', confidence: 0.8 },
];

/** Entities for one text, longest first on overlap, in text order (as the service returns them). */
export function fakePiiEntities(text: string, indexType: StringIndexType = 'Utf16CodeUnit'): WireEntity[] {
  const all: WireEntity[] = PII_RULES.flatMap((rule) =>
    [...text.matchAll(rule.pattern)].map((m) => ({
      text: m[0],
      category: rule.category,
      ...(rule.subcategory ? { subcategory: rule.subcategory } : {}),
      offset: m.index,
      length: m[0].length,
      confidenceScore: rule.confidence,
    })),
  );
  const kept: WireEntity[] = [];
  for (const e of all.sort((a, b) => b.length - a.length)) {
    if (!kept.some((k) => e.offset < k.offset + k.length && k.offset < e.offset + e.length)) kept.push(e);
  }
  kept.sort((a, b) => a.offset - b.offset);
  if (indexType === 'Utf16CodeUnit') return kept;
  return kept.map((e) => ({ ...e, offset: countIn(text.slice(0, e.offset), indexType), length: countIn(e.text, indexType) }));
}

function countIn(text: string, indexType: StringIndexType): number {
  if (indexType === 'UnicodeCodePoint') return [...text].length;
  if (indexType === 'TextElements_v8') return [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length;
  return text.length;
}

function redact(text: string, entities: readonly WireEntity[]): string {
  let out = text;
  for (const e of entities) out = out.slice(0, e.offset) + '*'.repeat(e.length) + out.slice(e.offset + e.length);
  return out;
}

/** The language rules: a few UK community languages by their letters or words, else English. */
export function fakeLanguage(text: string): { name: string; iso6391Name: string; confidenceScore: number } {
  if (!/\p{L}/u.test(text)) return { name: '(Unknown)', iso6391Name: '(Unknown)', confidenceScore: 0 };
  if (/[ےںٹڈ]/.test(text)) return { name: 'Urdu', iso6391Name: 'ur', confidenceScore: 1 };
  if (/\p{Script=Arabic}/u.test(text)) return { name: 'Arabic', iso6391Name: 'ar', confidenceScore: 1 };
  if (/[ąęłśżźćń]|\b(?:syn|jest|się)\b/i.test(text)) return { name: 'Polish', iso6391Name: 'pl', confidenceScore: 1 };
  if (/[șțăâî]/i.test(text)) return { name: 'Romanian', iso6391Name: 'ro', confidenceScore: 0.98 };
  if (/\b(?:mae|fy|wedi|poeni)\b/i.test(text)) return { name: 'Welsh', iso6391Name: 'cy', confidenceScore: 0.97 };
  if (/[\u4e00-\u9fff]/.test(text)) return { name: 'Chinese_Simplified', iso6391Name: 'zh_chs', confidenceScore: 1 };
  return { name: 'English', iso6391Name: 'en', confidenceScore: 0.99 };
}

function documentError(id: string, inner: { code: string; message: string }) {
  return { id, error: { code: 'InvalidArgument', message: 'Invalid document in request.', innererror: inner } };
}

function indexTypeOf(parameters: unknown): StringIndexType {
  const asked = (parameters as { stringIndexType?: unknown } | undefined)?.stringIndexType;
  return asked === 'Utf16CodeUnit' || asked === 'UnicodeCodePoint' ? asked : 'TextElements_v8';
}

function results(kind: string, documents: readonly WireDocument[], parameters: unknown, behaviour: FakeBehaviour) {
  const failId = behaviour.kind === 'document-error' ? behaviour.documentId : undefined;
  const ok: unknown[] = [];
  const errors: unknown[] = [];
  for (const doc of documents) {
    if (doc.id === failId) errors.push(documentError(doc.id, { code: 'InvalidDocument', message: 'Document failed (fake).' }));
    else if (!doc.text.trim()) errors.push(documentError(doc.id, { code: 'InvalidDocument', message: 'Document text is empty.' }));
    else if (doc.text.length > CHAR_LIMIT) {
      errors.push(documentError(doc.id, { code: 'InvalidDocument', message: 'A document within the request was too large to be processed. Limit document size to: 5120 text elements.' }));
    } else if (kind === 'PiiEntityRecognition') {
      const entities = fakePiiEntities(doc.text);
      const indexType = behaviour.kind === 'text-element-offsets' ? 'TextElements_v8' : indexTypeOf(parameters);
      const reported = fakePiiEntities(doc.text, indexType);
      ok.push({ redactedText: redact(doc.text, entities), id: doc.id, entities: reported, warnings: [] });
    } else {
      ok.push({ id: doc.id, detectedLanguage: fakeLanguage(doc.text), warnings: [] });
    }
  }
  const resultKind = kind === 'PiiEntityRecognition' ? 'PiiEntityRecognitionResults' : 'LanguageDetectionResults';
  return { kind: resultKind, results: { documents: ok, errors, modelVersion: kind === 'PiiEntityRecognition' ? '2023-09-01' : '2023-12-01' } };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'apim-request-id': randomUUID(),
    'x-envoy-upstream-service-time': '7',
    ...headers,
  });
  res.end(json);
}

function badRequest(res: ServerResponse, innerCode: string, message: string): void {
  send(res, 400, { error: { code: 'InvalidRequest', message: 'Invalid Request.', innererror: { code: innerCode, message } } });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseRequest(raw: string): { kind: string; documents: WireDocument[]; parameters: unknown } | undefined {
  try {
    const body = JSON.parse(raw) as { kind?: unknown; analysisInput?: { documents?: unknown }; parameters?: unknown };
    const documents = body.analysisInput?.documents;
    if (typeof body.kind !== 'string' || !Array.isArray(documents)) return undefined;
    const valid = documents.every((d: { id?: unknown; text?: unknown }) => typeof d.id === 'string' && typeof d.text === 'string');
    return valid ? { kind: body.kind, documents: documents as WireDocument[], parameters: body.parameters } : undefined;
  } catch {
    return undefined;
  }
}

export async function startFakeAzureLanguage(key = `fake-key-${randomUUID()}`): Promise<FakeAzureLanguage> {
  let behaviour: FakeBehaviour = { kind: 'ok' };
  const requests: FakeRequest[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (url.pathname !== '/language/:analyze-text') return send(res, 404, { error: { code: '404', message: 'Resource not found' } });
      if (req.method !== 'POST') return send(res, 405, { error: { code: '405', message: 'Method not allowed' } });
      if (req.headers['ocp-apim-subscription-key'] !== key) {
        return send(res, 401, {
          error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.' },
        });
      }
      const parsed = parseRequest(await readBody(req));
      if (!parsed) return badRequest(res, 'InvalidDocumentBatch', 'Request body is not a valid analyze-text request.');
      const record: FakeRequest = { ...parsed, apiVersion: url.searchParams.get('api-version'), status: 200 };
      requests.push(record);

      if (behaviour.kind === 'hang') return; // never answers: the client's abort or the server's close ends it
      const fail = (status: number, body: unknown, headers?: Record<string, string>) => {
        record.status = status;
        send(res, status, body, headers);
      };
      if (behaviour.kind === 'throttle') {
        const wait = String(behaviour.retryAfterSeconds);
        return fail(429, { error: { code: '429', message: `Rate limit is exceeded. Try again in ${wait} seconds.` } }, { 'retry-after': wait });
      }
      if (behaviour.kind === 'server-error') return fail(500, { error: { code: 'InternalServerError', message: 'Internal error has occurred.' } });
      if (parsed.kind !== 'PiiEntityRecognition' && parsed.kind !== 'LanguageDetection') {
        record.status = 400;
        return badRequest(res, 'InvalidParameterValue', `Unsupported kind ${parsed.kind} (fake).`);
      }
      const limit = parsed.kind === 'PiiEntityRecognition' ? PII_LIMIT : LANGUAGE_LIMIT;
      if (parsed.documents.length > limit) {
        record.status = 400;
        return badRequest(res, 'InvalidDocumentBatch', `Batch request contains too many records. Max ${limit} records are permitted.`);
      }
      send(res, 200, results(parsed.kind, parsed.documents, parsed.parameters, behaviour));
    })().catch(() => {
      if (!res.headersSent) send(res, 500, { error: { code: 'InternalServerError', message: 'fake failed' } });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    key,
    requests,
    behave(next) {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections(); // hanging requests included
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
