/**
 * Connect flows waiting for their callback, by nonce: who started them and what the callback
 * needs that must not travel through the browser (the PKCE verifier). A flow is taken exactly
 * once; an expired one is dropped. In memory: a callback must reach the process that started
 * the flow (one API process; the state's signature does not depend on it).
 */
import { randomBytes } from 'node:crypto';
import type { ConnectProvider } from './providers.ts';

export interface PendingFlow {
  tenantId: string;
  provider: ConnectProvider;
  tokenId: string;
  expiresAt: number;
  /** Google: the PKCE verifier. */
  codeVerifier?: string;
  /** Google: the admin who consents; GitHub: the org the App must be installed on. */
  account?: string;
}

export interface PendingFlows {
  /** Stores a flow and returns its new nonce. */
  add(flow: PendingFlow): string;
  /** The flow, removed; undefined when unknown, already taken or expired. */
  take(nonce: string, now?: number): PendingFlow | undefined;
  readonly size: number;
}

/** Flows kept at most; the oldest go first beyond it (each lives ten minutes anyway). */
const maxFlows = 10_000;

export function createPendingFlows(): PendingFlows {
  const flows = new Map<string, PendingFlow>();
  const prune = (now: number) => {
    for (const [nonce, flow] of flows) if (flow.expiresAt <= now) flows.delete(nonce);
    while (flows.size >= maxFlows) flows.delete(flows.keys().next().value as string);
  };
  return {
    add(flow) {
      prune(Date.now());
      const nonce = randomBytes(24).toString('base64url');
      flows.set(nonce, flow);
      return nonce;
    },
    take(nonce, now = Date.now()) {
      const flow = flows.get(nonce);
      flows.delete(nonce);
      return flow && flow.expiresAt > now ? flow : undefined;
    },
    get size() {
      return flows.size;
    },
  };
}
