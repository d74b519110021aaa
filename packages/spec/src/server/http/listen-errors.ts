// Why a server could not listen, as the one line its CLI prints: what happened and what to change.

/** Where a server was asked to listen, and the settings a user changes to fix it. */
export interface ListenTarget {
  host: string;
  port: number;
  /** How a user sets the port (`MOCK_PORT`, `SANDBOX_PORT (or --port)`). */
  portVariable: string;
  /** The environment variable that sets the interface (`MOCK_HOST`). */
  hostVariable: string;
}

/** One line for a failed `listen` (port in use, privileged port, no such address), else the system's message. */
export function listenProblem(error: unknown, target: ListenTarget): string {
  const { host, port, portVariable, hostVariable } = target;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `port ${port} on ${host} is in use: stop what listens there or set ${portVariable} to another port.`;
  if (code === 'EACCES')
    return `no permission to listen on ${host}:${port} (ports below 1024 need privileges): set ${portVariable} to a port above 1023.`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return `cannot listen on ${host}: it is not an address of this machine (${hostVariable}).`;
  const message = error instanceof Error ? error.message : String(error);
  return `cannot listen on ${host}:${port}: ${message.split('\n', 1)[0]}`;
}
