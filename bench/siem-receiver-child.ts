/**
 * The HEC receiver in its own process for `npm run bench -- siem`, so the receiver's parsing is
 * not on the exporter's event loop (a real Splunk is another machine). Answers `count` (events
 * and CPU used so far) and `close` over IPC.
 */
import { startHecReceiver } from '../sandbox/siem/index.ts';

const hec = await startHecReceiver({ keepEvents: false });
process.send?.({ ready: { url: hec.url } });
process.on('message', async (message: { id: number; type: 'count' | 'close' }) => {
  if (message.type === 'count')
    process.send?.({ id: message.id, value: { events: hec.eventCount, cpu: process.cpuUsage() } });
  if (message.type === 'close') {
    await hec.close();
    process.send?.({ id: message.id, value: true });
    process.exit(0);
  }
});
