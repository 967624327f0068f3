/**
 * The generated audit history behind the Reports API, small by construction: per grant one
 * `authorize` (and for some grants a later `activity`, their last use), per user at most one
 * login success at `lastLoginTime` plus an occasional failure, and Gemini use for about one
 * user in ten. No per-file history: drive events come from planting and mutations only.
 * Everything falls inside Reports' 180-day window.
 */
import type { Random } from '../random.ts';
import { geminiActivity, loginActivity, type NewActivity, tokenActivity, tokenAuthorize } from './events.ts';
import type { GoogleTenant } from './types.ts';

const DAY = 86_400_000;
const RETENTION_DAYS = 180;

/** `firstUser`: users before it (the personas) get no random Gemini use. */
export function generateHistory(
  tenant: GoogleTenant,
  random: Random,
  now: Date,
  firstUser: number,
): NewActivity[] {
  const t = now.getTime();
  const out: NewActivity[] = [];

  const tokens = random.fork('token');
  for (const user of tenant.users) {
    for (const grant of tenant.grants.get(user.index) ?? []) {
      const authorized = t - tokens.int(1, 170) * DAY - tokens.int(0, 86_399) * 1000;
      out.push(tokenAuthorize(user.index, grant, authorized));
      if (tokens.chance(0.6)) {
        const used = authorized + Math.floor(tokens.next() * (t - authorized));
        out.push(tokenActivity(user.index, grant, used, { responseBytes: tokens.int(200, 90_000) }));
      }
    }
  }

  const logins = random.fork('login');
  for (const user of tenant.users) {
    const failure = logins.chance(0.1);
    const hoursBefore = logins.int(1, 72);
    const last = Date.parse(user.lastLoginTime);
    // Never signed in (1970), or before the retention window.
    if (!(last > 0) || t - last > RETENTION_DAYS * DAY) continue;
    out.push(loginActivity(user.index, last, true));
    const failedAt = last - hoursBefore * 3_600_000;
    if (failure && t - failedAt <= RETENTION_DAYS * DAY) out.push(loginActivity(user.index, failedAt, false));
  }

  const gemini = random.fork('gemini');
  const apps = ['docs', 'gmail', 'sheets', 'slides', 'drive'];
  const actions = ['generate_text', 'summarize', 'help_me_write', 'generate_image', 'ask_question'];
  for (const user of tenant.users) {
    const uses = gemini.chance(0.1) ? gemini.int(1, 3) : 0;
    for (let k = 0; k < uses; k += 1) {
      const at = t - gemini.int(0, 29) * DAY - gemini.int(0, 86_399) * 1000;
      const use = { app: gemini.pick(apps), action: gemini.pick(actions) };
      if (user.index >= firstUser) out.push(geminiActivity(user.index, at, use));
    }
  }
  return out;
}
