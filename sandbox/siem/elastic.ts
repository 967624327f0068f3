/**
 * An Elasticsearch `_bulk` endpoint (research/siem.md §4.1): ApiKey/Basic auth with ES's 401
 * body, NDJSON that must end with a newline, `create` that conflicts (409) on an existing `_id`,
 * data streams (`logs-*`) that take only `create`, and per-item results. Tests inject per-item
 * failures (a 400 for matching documents, 429s for the next N items) and whole-request modes.
 */

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  extendHost,
  type ReceiverHost,
  type ReceiverHostOptions,
  sendJson,
  startReceiverHost,
  THROTTLE_RETRY_AFTER_SECONDS,
} from './receiver-host.ts';

export interface ElasticReceiverOptions extends ReceiverHostOptions {
  /**
   * Accepted credentials: encoded API keys (`Authorization: ApiKey <key>`) and Basic users.
   * When both are omitted, requests need no authentication.
   */
  apiKeys?: string[];
  users?: Array<{ username: string; password: string }>;
  /** Larger bodies answer 413, like `http.max_content_length`. Default 100 MB. */
  maxContentLength?: number;
}

export interface StoredDocument {
  index: string;
  id: string;
  source: Record<string, unknown>;
}

export interface ElasticReceiver extends ReceiverHost<never> {
  /** Created documents in arrival order. */
  readonly documents: StoredDocument[];
  /** The stored document, or undefined. */
  get(index: string, id: string): Record<string, unknown> | undefined;
  /** Items answered 409 because the `_id` existed (re-sends). */
  readonly conflicts: number;
  /** Documents matching `predicate` get item 400 `document_parsing_exception`; undefined clears it. */
  rejectDocuments(predicate: ((source: Record<string, unknown>) => boolean) | undefined): void;
  /** The next `count` items get 429 `es_rejected_execution_exception`. */
  throttleNextItems(count: number): void;
  /** Content-Type and Authorization headers of the last bulk request (tests check the wire). */
  readonly lastRequest: { contentType?: string; authorization?: string; query: string } | undefined;
}

interface ItemResult {
  _index: string;
  _id: string;
  status: number;
  result?: string;
  _version?: number;
  error?: { type: string; reason: string; index?: string };
}

const esError = (status: number, type: string, reason: string) => ({
  error: { root_cause: [{ type, reason }], type, reason },
  status,
});

export async function startElasticReceiver(options: ElasticReceiverOptions = {}): Promise<ElasticReceiver> {
  const apiKeys = new Set(options.apiKeys ?? []);
  const basic = new Set(
    (options.users ?? []).map(
      (u) => `Basic ${Buffer.from(`${u.username}:${u.password}`).toString('base64')}`,
    ),
  );
  const maxContentLength = options.maxContentLength ?? 100 * 1024 * 1024;
  const authRequired = apiKeys.size > 0 || basic.size > 0;
  const stores = new Map<string, Map<string, Record<string, unknown>>>();
  const documents: StoredDocument[] = [];
  let conflicts = 0;
  let rejectWhere: ((source: Record<string, unknown>) => boolean) | undefined;
  let throttleItems = 0;
  let lastRequest: ElasticReceiver['lastRequest'];

  const authenticated = (req: IncomingMessage) => {
    if (!authRequired) return true;
    const header = req.headers.authorization ?? '';
    if (header.startsWith('ApiKey ')) return apiKeys.has(header.slice('ApiKey '.length));
    return basic.has(header);
  };

  const itemFor = (op: string, index: string, id: string, source: Record<string, unknown>): ItemResult => {
    if (throttleItems > 0) {
      throttleItems--;
      return {
        _index: index,
        _id: id,
        status: 429,
        error: {
          type: 'es_rejected_execution_exception',
          reason: 'rejected execution of coordinating operation',
        },
      };
    }
    if (op === 'index' && index.startsWith('logs-')) {
      return {
        _index: index,
        _id: id,
        status: 400,
        error: {
          type: 'illegal_argument_exception',
          reason: 'only write ops with an op_type of create are allowed in data streams',
        },
      };
    }
    if (rejectWhere?.(source)) {
      return {
        _index: index,
        _id: id,
        status: 400,
        error: {
          type: 'document_parsing_exception',
          reason: '[1:2] failed to parse: document rejected by the sandbox',
        },
      };
    }
    const store = stores.get(index) ?? new Map<string, Record<string, unknown>>();
    stores.set(index, store);
    if (store.has(id) && op === 'create') {
      conflicts++;
      return {
        _index: index,
        _id: id,
        status: 409,
        error: {
          type: 'version_conflict_engine_exception',
          reason: `[${id}]: version conflict, document already exists (current version [1])`,
          index,
        },
      };
    }
    const existed = store.has(id);
    store.set(id, source);
    documents.push({ index, id, source });
    return {
      _index: index,
      _id: id,
      _version: 1,
      result: existed ? 'updated' : 'created',
      status: existed ? 200 : 201,
    };
  };

  const bulk = (
    req: IncomingMessage,
    body: Buffer,
    res: ServerResponse,
    pathIndex: string | undefined,
    query: string,
  ) => {
    lastRequest = {
      contentType: req.headers['content-type'],
      authorization: req.headers.authorization,
      query,
    };
    if (!authenticated(req)) {
      const reason = req.headers.authorization
        ? 'unable to authenticate user for REST request [/_bulk]'
        : 'missing authentication credentials for REST request [/_bulk]';
      return sendJson(res, 401, esError(401, 'security_exception', reason), {
        'www-authenticate': 'ApiKey, Basic realm="security" charset="UTF-8"',
      });
    }
    if (body.length > maxContentLength) {
      res.writeHead(413, { 'content-length': 0 });
      return res.end();
    }
    const text = body.toString('utf8');
    if (text.length > 0 && !text.endsWith('\n')) {
      return sendJson(
        res,
        400,
        esError(400, 'illegal_argument_exception', 'The bulk request must be terminated by a newline [\\n]'),
      );
    }
    const lines = text.split('\n');
    lines.pop(); // after the final newline
    const started = Date.now();
    const items: Array<Record<string, ItemResult>> = [];
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n]!;
      if (line.trim() === '') continue;
      let action: Record<string, { _index?: string; _id?: string }>;
      try {
        action = JSON.parse(line) as typeof action;
      } catch {
        return sendJson(
          res,
          400,
          esError(400, 'x_content_parse_exception', `[1:1] Malformed action/metadata line [${n + 1}]`),
        );
      }
      const [op, meta] = Object.entries(action)[0] ?? [];
      if (!op || !meta || !['create', 'index', 'update', 'delete'].includes(op)) {
        return sendJson(
          res,
          400,
          esError(
            400,
            'illegal_argument_exception',
            `Malformed action/metadata line [${n + 1}], expected one of [create, delete, index, update]`,
          ),
        );
      }
      const index = meta._index ?? pathIndex;
      if (!index)
        return sendJson(
          res,
          400,
          esError(400, 'action_request_validation_exception', 'Validation Failed: 1: index is missing;'),
        );
      const id = meta._id ?? randomUUID();
      if (op === 'delete' || op === 'update') {
        if (op === 'update') n++;
        items.push({
          [op]: {
            _index: index,
            _id: id,
            status: 400,
            error: { type: 'illegal_argument_exception', reason: `the sandbox does not support ${op}` },
          },
        });
        continue;
      }
      n++;
      let source: Record<string, unknown>;
      try {
        source = JSON.parse(lines[n] ?? '') as Record<string, unknown>;
      } catch {
        items.push({
          [op]: {
            _index: index,
            _id: id,
            status: 400,
            error: { type: 'document_parsing_exception', reason: '[1:1] failed to parse' },
          },
        });
        continue;
      }
      items.push({ [op]: itemFor(op, index, id, source) });
    }
    const errors = items.some((item) => Object.values(item)[0]!.status >= 300);
    sendJson(res, 200, { took: Date.now() - started, errors, items });
  };

  const host = await startReceiverHost<never>(
    options,
    (req, body, res) => {
      const url = new URL(req.url ?? '/', 'http://receiver');
      const match = /^\/(?:([^/_][^/]*)\/)?_bulk\/?$/.exec(url.pathname);
      if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
        return sendJson(
          res,
          404,
          esError(404, 'resource_not_found_exception', `no handler for [${req.method} ${url.pathname}]`),
        );
      }
      bulk(req, body, res, match[1] ? decodeURIComponent(match[1]) : undefined, url.search);
    },
    (mode, res) => {
      if (mode === 'busy')
        return sendJson(
          res,
          503,
          esError(503, 'unavailable_shards_exception', 'primary shard is not active'),
        );
      if (mode === 'error')
        return sendJson(res, 500, esError(500, 'internal_server_error', 'sandbox internal error'));
      sendJson(
        res,
        429,
        esError(429, 'es_rejected_execution_exception', 'rejected execution: too many requests'),
        {
          'retry-after': String(THROTTLE_RETRY_AFTER_SECONDS),
        },
      );
    },
  );

  return extendHost(host, {
    documents,
    get: (index: string, id: string) => stores.get(index)?.get(id),
    get conflicts() {
      return conflicts;
    },
    rejectDocuments(predicate: ((source: Record<string, unknown>) => boolean) | undefined) {
      rejectWhere = predicate;
    },
    throttleNextItems(count: number) {
      throttleItems = count;
    },
    get lastRequest() {
      return lastRequest;
    },
  });
}
