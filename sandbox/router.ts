/**
 * Method + path-template routing for the simulators: `/orgs/{org}/members` style templates,
 * the same notation as the vendors' OpenAPI descriptions, so the request counter can report
 * calls per documented endpoint rather than per concrete URL.
 */

export type RouteParams = Record<string, string>;

export interface RouteMatch<H> {
  /** The template that matched, e.g. `/repos/{owner}/{repo}/keys`. */
  template: string;
  params: RouteParams;
  handler: H;
}

interface CompiledRoute<H> {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  handler: H;
}

export interface Router<H> {
  add(method: string, template: string, handler: H): void;
  /** The route for this method and path; `undefined` when no template matches. */
  match(method: string, path: string): RouteMatch<H> | undefined;
  /** True when some route matches the path under another method (→ 405 rather than 404). */
  hasPath(path: string): boolean;
}

function compile(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1] as string);
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`), names };
}

export function createRouter<H>(): Router<H> {
  const routes: CompiledRoute<H>[] = [];
  return {
    add(method, template, handler) {
      routes.push({ method: method.toUpperCase(), template, handler, ...compile(template) });
    },
    match(method, path) {
      const upper = method.toUpperCase();
      for (const route of routes) {
        if (route.method !== upper && !(upper === 'HEAD' && route.method === 'GET')) continue;
        const found = route.pattern.exec(path);
        if (!found) continue;
        const params: RouteParams = {};
        route.names.forEach((name, i) => {
          params[name] = decodeURIComponent(found[i + 1] as string);
        });
        return { template: route.template, params, handler: route.handler };
      }
      return undefined;
    },
    hasPath(path) {
      return routes.some((route) => route.pattern.test(path));
    },
  };
}
