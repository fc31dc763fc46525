import { Agent, request } from 'node:http';

/** Phones per source address, as behind a hall's NAT. */
const PHONES_PER_ADDRESS = 50;

/**
 * Every 50 phones share one loopback address of their own (127.1.x.y; Linux routes all of
 * 127/8 to lo), as phones in different halls would: the app limits joins per address.
 */
export function addressOf(index: number): string {
	const group = Math.floor(index / PHONES_PER_ADDRESS);
	return `127.1.${Math.floor(group / 250)}.${1 + (group % 250)}`;
}

const agent = new Agent({ keepAlive: true });

/** A same-origin form post from `localAddress`: the status and the cookies it sets. */
export function postForm(
	url: string,
	path: string,
	fields: Record<string, string>,
	localAddress: string
) {
	const body = new URLSearchParams(fields).toString();
	return new Promise<{ status: number; cookies: string[] }>((resolve, reject) => {
		const req = request(url + path, {
			method: 'POST',
			agent,
			localAddress,
			headers: {
				origin: url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				'content-length': Buffer.byteLength(body)
			}
		});
		req.on('response', (res) => {
			res.resume();
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!)
				})
			);
		});
		req.on('error', reject);
		req.end(body);
	});
}
