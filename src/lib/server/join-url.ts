import QRCode from 'qrcode';

/** The URL a phone opens to join, on the configured public origin or the one the request came in on. */
export function joinUrl(configuredOrigin: string | undefined, requestOrigin: string, code: string) {
	return `${configuredOrigin ?? requestOrigin}/j/${code}`;
}

/** A QR code of `url` as an SVG data URL: crisp on a projector, nothing to fetch. */
export async function qrDataUrl(url: string): Promise<string> {
	const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
