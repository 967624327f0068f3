/**
 * ETag memory for one stream, kept in the connection's stream state between scans. Each page
 * URL remembers its ETag, the next-page URL (a 304 carries no Link header) and the parsed body
 * (schema-stripped, so compact and free of fields we never read, like alert secrets). On a 304
 * the stream re-emits the remembered body: the assets are still "seen" for reconcile while the
 * call costs nothing against the primary rate limit.
 */
import type { StreamState } from '../../scanner/connector.ts';

export interface CachedPage {
  etag: string;
  next: string | null;
  body: unknown;
}

interface StoredCache {
  version: 1;
  pages: Record<string, CachedPage>;
}

export class PageCache {
  private readonly touched = new Map<string, CachedPage>();

  private constructor(
    private readonly state: StreamState,
    private readonly key: string,
    private readonly previous: Record<string, CachedPage>,
  ) {}

  static async load(state: StreamState, stream: string): Promise<PageCache> {
    const key = `etags:${stream}`;
    const stored = await state.get<StoredCache>(key);
    return new PageCache(state, key, stored?.version === 1 ? stored.pages : {});
  }

  lookup(url: string): CachedPage | undefined {
    return this.touched.get(url) ?? this.previous[url];
  }

  remember(url: string, page: CachedPage): void {
    this.touched.set(url, page);
  }

  /**
   * Writes back the pages read in this scan. A scan resumed from a checkpoint did not read the
   * pages before it, so it keeps the older entries too; a full scan drops pages that are gone.
   */
  async save(resumed: boolean): Promise<void> {
    if (this.touched.size === 0 && !resumed) return;
    const pages = resumed ? { ...this.previous } : {};
    for (const [url, page] of this.touched) pages[url] = page;
    await this.state.set(this.key, { version: 1, pages } satisfies StoredCache);
  }
}
