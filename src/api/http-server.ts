import type http from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Errors Node's HTTP parser answers before Express sees the request (headers over 16 KB, malformed requests)
 * get the API's JSON error shape instead of an empty body.
 */
export function answerClientErrorsAsJson(server: http.Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // as Node's own handler: answer only if nothing was sent on this connection yet, then close it
    const current = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
      socket.destroy(err);
      return;
    }
    const [status, reason, code, message] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'headers_too_large', 'The request headers are too large']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive']
          : [400, 'Bad Request', 'bad_request', 'The request could not be read'];
    const body = JSON.stringify({ error: { code, message, details: null } });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
