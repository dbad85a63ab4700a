// The engine worker: reads the opened file and checks it off the page, so that a large workbook never
// blocks the pane (it stays responsive, shows how far it is, and can stop the worker). It answers the
// requests of engine-client.ts with the host of engine-host.ts, which holds the opened workbook.
import { failureReply, type HostEnvelope, type HostReply } from './engine-protocol';
import { createEngineHost } from './engine-host';

const scope = self as unknown as { onmessage: ((e: MessageEvent<HostEnvelope>) => void) | null; postMessage(reply: HostReply): void };
const host = createEngineHost();

scope.onmessage = (e) => {
  const { id, request } = e.data;
  host(request, (progress) => scope.postMessage({ id, type: 'progress', progress })).then(
    (result) => scope.postMessage({ id, type: 'done', result }),
    (err: unknown) => scope.postMessage(failureReply(id, err)),
  );
};
