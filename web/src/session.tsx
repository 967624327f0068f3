/**
 * The pasted API token and the chosen tenant, kept in sessionStorage only: gone when the tab
 * closes, never in a URL, a cookie or a log.
 */
const tokenKey = 'periscope.token';
const tenantKey = 'periscope.tenant';

export const session = {
  token: (): string | null => sessionStorage.getItem(tokenKey),
  setToken: (token: string) => sessionStorage.setItem(tokenKey, token),
  tenant: (): string | null => sessionStorage.getItem(tenantKey),
  setTenant: (slug: string) => sessionStorage.setItem(tenantKey, slug),
  clear() {
    sessionStorage.removeItem(tokenKey);
    sessionStorage.removeItem(tenantKey);
  },
};
