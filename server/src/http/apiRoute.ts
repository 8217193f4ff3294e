// A route under /api that a feature adds without touching the API's own dispatch: it answers the
// request and returns true, or returns false when the path is not its own.

import type http from 'node:http';

export type ApiRoute = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => Promise<boolean>;
