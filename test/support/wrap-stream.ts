/**
 * Instruments one stream of a real connector (to kill a scan at a precise point, or to count
 * concurrent scans) without replacing what it reads from the simulator.
 */
import type { AnyConnector } from '../../connectors/index.ts';
import type { Batch, Checkpoint, ConnectorContext, Stream } from '../../scanner/connector.ts';

export type StreamWrapper = (
  inner: AsyncIterable<Batch>,
  ctx: ConnectorContext<unknown, unknown>,
) => AsyncIterable<Batch>;

export function wrapStream(
  connector: AnyConnector,
  streamName: string,
  wrapper: StreamWrapper,
): AnyConnector {
  return {
    ...connector,
    streams: connector.streams.map((stream: Stream<unknown, unknown>) =>
      stream.name !== streamName
        ? stream
        : {
            ...stream,
            collect: (ctx: ConnectorContext<unknown, unknown>, checkpoint?: Checkpoint) =>
              wrapper(stream.collect(ctx, checkpoint), ctx),
          },
    ),
  };
}
