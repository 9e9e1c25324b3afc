import { request } from 'node:http';
import { solveChallenge } from 'altcha-lib/v1';

/**
 * Calls a tenant's API through the gateway as a browser on `<slug>.localhost` would: Node does not
 * resolve `*.localhost`, so the request goes to 127.0.0.1 with the tenant's Host header.
 */
export function tenantApi(slug: string, port: number) {
  const call = <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> =>
    new Promise((done, fail) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const outgoing = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: `/api${path}`,
          headers: { host: `${slug}.localhost:${port}`, ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            done({ status: response.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T });
          });
        },
      );
      outgoing.on('error', fail);
      outgoing.end(payload);
    });
  const ok = async <T>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const answer = await call<T>(method, path, body, token ? { authorization: `Bearer ${token}` } : {});
    if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  return {
    call,
    get: <T>(path: string, token?: string) => ok<T>('GET', path, undefined, token),
    post: <T>(path: string, body: unknown, token?: string) => ok<T>('POST', path, body, token),
    async signIn(email: string, password: string): Promise<string> {
      return (await ok<{ accessToken: string }>('POST', '/auth/login', { email, password })).accessToken;
    },
    /** A solved ALTCHA challenge, as the booking page's worker sends it. */
    async captcha(): Promise<string> {
      const challenge = await ok<{ algorithm: string; challenge: string; maxnumber: number; salt: string; signature: string }>('GET', '/captcha/challenge');
      const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
      if (!solution) throw new Error('challenge not solvable');
      return Buffer.from(
        JSON.stringify({ algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature }),
      ).toString('base64');
    },
  };
}
